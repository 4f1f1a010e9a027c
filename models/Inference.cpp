// SeaIceModel::predict: the network's tiles (features once, MC-dropout
// samples of the heads) through the shared tiled prediction.
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/TileLayout.h"
#include "models/detail/ModelImpl.h"
#include "models/detail/TileSamples.h"
#include "models/detail/TiledPrediction.h"

#include <cmath>
#include <map>
#include <utility>

namespace banquise::models {

torch::Tensor tileInput(const ModelInputs& inputs, const cv::Rect& tile, torch::Device device)
{
    const int looks = static_cast<int>(inputs.looks.size());
    const std::size_t plane = static_cast<std::size_t>(tile.area());
    std::vector<float> channels(detail::inputChannelCount(looks) * plane);
    detail::fillInputChannels(inputs, tile, channels.data());
    for (int k = 0; k < looks; ++k)
        detail::fillLookChannels(inputs.looks[static_cast<std::size_t>(k)], tile,
                                 channels.data() + (detail::kInputChannels + detail::kLookChannels * k) * plane);
    return torch::from_blob(channels.data(), {1, detail::inputChannelCount(looks), tile.height, tile.width}).clone().to(device);
}

namespace {

using detail::TileOutput;

// Each tile size's bank of MC-dropout masks (FloeNet::monteCarloMasks),
// drawn when a tile of that size first comes.
class MaskBanks {
public:
    MaskBanks(detail::FloeNet& net, int samples) : m_net(net), m_samples(samples) {}

    // Undefined with fewer than two samples: one deterministic pass then.
    torch::Tensor forTile(const torch::Tensor& features)
    {
        if (m_samples < 2)
            return {};
        const std::pair<int64_t, int64_t> size{features.size(2), features.size(3)};
        auto bank = m_banks.find(size);
        if (bank == m_banks.end())
            bank = m_banks.emplace(size, m_net->monteCarloMasks(m_samples, static_cast<int>(size.first), static_cast<int>(size.second),
                                                                 features.options())).first;
        return bank->second;
    }

private:
    detail::FloeNet& m_net;
    int m_samples;
    std::map<std::pair<int64_t, int64_t>, torch::Tensor> m_banks;
};

TileOutput runTile(detail::FloeNet& net, const ModelInputs& inputs, const cv::Rect& tile, MaskBanks& masks, torch::Device device)
{
    // Channels-last, as the weights (FloeNet::useChannelsLast).
    const auto input = tileInput(inputs, tile, device).contiguous(torch::MemoryFormat::ChannelsLast);
    const auto features = net->features(input);
    const detail::HeadOutputs plain = net->heads(features, input, false);
    const auto despeckled = plain.despeckled.squeeze() * detail::kScaleDb + detail::kPrimaryMeanDb;
    detail::TileSamples tileSamples(tile.height, tile.width, features.full.options());
    const torch::Tensor bank = masks.forTile(features.full);
    if (!bank.defined())
        tileSamples.add(plain.logits, plain.elevation);
    for (int64_t s = 0; bank.defined() && s < bank.size(0); ++s) {
        const detail::HeadOutputs out = net->sampleHeads(features, input, bank[s].unsqueeze(0));
        tileSamples.add(out.logits, out.elevation);
    }
    return tileSamples.finish(despeckled);
}

} // namespace

void SeaIceModel::predictRows(const ModelInputs& inputs, const PredictionOptions& options, const PredictionRowsSink& sink,
                              scene::Feedback* feedback) const
{
    torch::NoGradGuard noGrad;
    const torch::Device device = computeDevice();
    detail::FloeNet& net = m_impl->net;
    net->to(device);
    net->eval();
    detail::predictTiled(
        inputs, options, feedback, m_impl->hasElevation,
        [&, masks = MaskBanks(net, options.monteCarloSamples)](const cv::Rect& tile) mutable { return runTile(net, inputs, tile, masks, device); },
        raisingDetectedRidges(inputs.freeboardPrior, m_impl->ridgeExcess, sink));
}

Prediction SeaIceModel::predict(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback) const
{
    return collectPrediction(cv::Size(inputs.width(), inputs.height()), m_impl->hasElevation,
                             [&](const PredictionRowsSink& sink) { predictRows(inputs, options, sink, feedback); });
}

std::vector<std::array<float, kClassCount>> sampleClassLogits(detail::FloeNet& net, const ModelInputs& inputs, int stride)
{
    torch::NoGradGuard noGrad;
    const torch::Device device = computeDevice();
    net->to(device);
    net->eval();
    const TileLayout layout(cv::Size(inputs.width(), inputs.height()), PredictionOptions{}.tileSize, 0);
    // The last row and column of tiles overlap the others: each lattice
    // pixel is taken once.
    cv::Mat1b taken = cv::Mat1b::zeros((inputs.height() + stride - 1) / stride, (inputs.width() + stride - 1) / stride);
    std::vector<std::array<float, kClassCount>> samples;
    for (int top : layout.rows)
        for (int left : layout.columns) {
            const cv::Rect tile(left, top, layout.tileSize.width, layout.tileSize.height);
            const auto input = tileInput(inputs, tile, device);
            const auto noClicks = torch::zeros({1, kClassCount, tile.height, tile.width}, input.options());
            const auto logits = net->classLogits(net->features(input), noClicks).squeeze(0).to(torch::kCPU).contiguous();
            const auto at = logits.accessor<float, 3>();
            for (int r = (stride - top % stride) % stride; r < tile.height; r += stride)
                for (int c = (stride - left % stride) % stride; c < tile.width; c += stride) {
                    std::uint8_t& seen = taken((top + r) / stride, (left + c) / stride);
                    if (seen || !std::isfinite(inputs.primaryDb(top + r, left + c)))
                        continue;
                    seen = 1;
                    samples.push_back({at[0][r][c], at[1][r][c], at[2][r][c]});
                }
        }
    return samples;
}

std::vector<std::vector<float>> SeaIceModel::describeTiles(const ModelInputs& inputs, const std::vector<cv::Rect>& tiles) const
{
    torch::NoGradGuard noGrad;
    const torch::Device device = computeDevice();
    detail::FloeNet& net = m_impl->net;
    net->to(device);
    net->eval();
    std::vector<std::vector<float>> descriptions;
    for (const cv::Rect& tile : tiles) {
        const auto input = tileInput(inputs, tile, device);
        const auto mean = net->features(input).quarter.mean({0, 2, 3}).to(torch::kCPU).contiguous();
        descriptions.emplace_back(mean.data_ptr<float>(), mean.data_ptr<float>() + mean.numel());
    }
    return descriptions;
}

} // namespace banquise::models
