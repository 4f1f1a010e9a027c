// SeaIceModel::predict: the network's tiles (features once, MC-dropout
// samples of the heads) through the shared tiled prediction.
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/detail/ModelImpl.h"
#include "models/detail/TileSamples.h"
#include "models/detail/TiledPrediction.h"

namespace banquise::models {

namespace {

using detail::TileOutput;

TileOutput runTile(detail::FloeNet& net, const ModelInputs& inputs, const cv::Rect& tile, int samples, torch::Device device)
{
    std::vector<float> channels(static_cast<std::size_t>(detail::kInputChannels) * tile.area());
    detail::fillInputChannels(inputs, tile, channels.data());
    const auto input = torch::from_blob(channels.data(), {1, detail::kInputChannels, tile.height, tile.width}).to(device);
    const auto features = net->features(input);
    const auto despeckled = net->heads(features, input, false).despeckled.squeeze() * detail::kScaleDb + detail::kPrimaryMeanDb;
    detail::TileSamples tileSamples(tile.height, tile.width, features.full.options());
    for (int s = 0; s < samples; ++s) {
        const detail::HeadOutputs out = net->heads(features, input, samples > 1);
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
        [&](const cv::Rect& tile) { return runTile(net, inputs, tile, options.monteCarloSamples, device); },
        raisingDetectedRidges(inputs.freeboardPrior, m_impl->ridgeExcess, sink));
}

Prediction SeaIceModel::predict(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback) const
{
    return collectPrediction(cv::Size(inputs.width(), inputs.height()), m_impl->hasElevation,
                             [&](const PredictionRowsSink& sink) { predictRows(inputs, options, sink, feedback); });
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
        std::vector<float> channels(static_cast<std::size_t>(detail::kInputChannels) * tile.area());
        detail::fillInputChannels(inputs, tile, channels.data());
        const auto input = torch::from_blob(channels.data(), {1, detail::kInputChannels, tile.height, tile.width}).to(device);
        const auto mean = net->features(input).quarter.mean({0, 2, 3}).to(torch::kCPU).contiguous();
        descriptions.emplace_back(mean.data_ptr<float>(), mean.data_ptr<float>() + mean.numel());
    }
    return descriptions;
}

} // namespace banquise::models
