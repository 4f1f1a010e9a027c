#include "models/detail/FloeNet.h"

#include "models/SeaIceClasses.h"

namespace banquise::models::detail {

namespace {

// Logit added to a positively clicked pixel's class at initialisation.
constexpr double kClickLocalGain = 6.0;

torch::nn::Sequential convBlock(int in, int out)
{
    namespace nn = torch::nn;
    return nn::Sequential(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1)), nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.1)),
                          nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1)), nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.1)));
}

torch::Tensor upTo(const torch::Tensor& x, const torch::Tensor& like)
{
    namespace F = torch::nn::functional;
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .size(std::vector<int64_t>{like.size(2), like.size(3)})
                                 .mode(torch::kBilinear)
                                 .align_corners(false));
}

} // namespace

FloeNetImpl::FloeNetImpl(const ModelConfig& config) : m_dropout(config.dropout), m_featureChannels(config.baseChannels)
{
    const int c = config.baseChannels;
    m_enc1 = register_module("enc1", convBlock(kSceneChannels, c));
    m_enc2 = register_module("enc2", convBlock(c, 2 * c));
    m_enc3 = register_module("enc3", convBlock(2 * c, 4 * c));
    m_bottom = register_module("bottom", convBlock(4 * c, 4 * c));
    m_dec3 = register_module("dec3", convBlock(8 * c, 4 * c));
    m_dec2 = register_module("dec2", convBlock(6 * c, 2 * c));
    m_dec1 = register_module("dec1", convBlock(3 * c, c));
    namespace nn = torch::nn;
    m_despeckle = register_module("despeckle", nn::Conv2d(nn::Conv2dOptions(c, 1, 3).padding(1)));
    m_classes = register_module("classes", nn::Conv2d(nn::Conv2dOptions(c, kClassCount, 3).padding(1)));
    m_elevation = register_module("elevation", nn::Conv2d(nn::Conv2dOptions(c, 1, 3).padding(1)));
    m_fuseWeight = register_parameter("fuse_weight", torch::zeros({1, 4 * c, 1, 1})); // every date alike until training says otherwise
    m_fuseBias = register_parameter("fuse_bias", torch::zeros({1}));
    int in = 4 * c + 2 * kClassCount;
    for (std::size_t i = 0; i < kClickDilations.size(); ++i) {
        const int d = kClickDilations[i];
        m_click.push_back(register_module("click" + std::to_string(i + 1),
                                          nn::Conv2d(nn::Conv2dOptions(in, kClickChannels, 3).padding(d).dilation(d))));
        in = kClickChannels;
    }
    m_clickOut = register_module("clickout", nn::Conv2d(nn::Conv2dOptions(kClickChannels, kClassCount, 1)));
    // No bias: it would shift every pixel's logits as soon as one click is
    // made anywhere on the tile (a trained bias relabelled ~800 pixels far
    // from the first click on the demo tile). Models saved with it load; it
    // is ignored.
    m_clickLocal = register_module("clicklocal", nn::Conv2d(nn::Conv2dOptions(kClassCount, kClassCount, 3).padding(1).bias(false)));
    // Starts as no spreading and as a clicked pixel taking its class: the
    // untrained head honours clicks where they are, training teaches it to
    // spread them over the region they belong to.
    torch::NoGradGuard noGrad;
    m_clickOut->weight.zero_();
    m_clickOut->bias.zero_();
    m_clickLocal->weight.zero_();
    for (int k = 0; k < kClassCount; ++k)
        m_clickLocal->weight[k][k][1][1] = kClickLocalGain;
}

NetFeatures FloeNetImpl::features(const torch::Tensor& input)
{
    const int64_t looks = lookCount(static_cast<int>(input.size(1)));
    if (looks <= 0)
        return decode(encode(input.narrow(1, 0, kSceneChannels)));
    // Every date through the encoder in one batch: the reference date's
    // scene channels, then each look's SAR beside the same kriged prior.
    const auto prior = input.narrow(1, kPriorChannel, 1);
    std::vector<torch::Tensor> dates{input.narrow(1, 0, kSceneChannels)};
    std::vector<torch::Tensor> seen{torch::ones_like(prior)};
    for (int64_t k = 0; k < looks; ++k) {
        const int64_t first = kInputChannels + kLookChannels * k;
        dates.push_back(torch::cat({input.narrow(1, first, 2), prior}, 1));
        seen.push_back(input.narrow(1, first + 2, 1));
    }
    Encoding all = encode(torch::cat(dates, 0).contiguous(torch::MemoryFormat::ChannelsLast));
    const int64_t n = input.size(0);
    const auto perDate = [&](const torch::Tensor& x) { return x.reshape({looks + 1, n, x.size(1), x.size(2), x.size(3)}); };
    // The deep levels (a quarter and an eighth of the resolution) are fused,
    // where a drift error of a pixel or two is a fraction of a cell; the
    // fine levels stay the reference date's, so that a lead a pixel wide is
    // drawn where the reference date saw it.
    const std::vector<int64_t> deep{all.e3.size(2), all.e3.size(3)};
    const auto seenDeep = perDate(torch::adaptive_avg_pool2d(torch::cat(seen, 0), deep));
    const auto weights = torch::softmax(perDate(torch::conv2d(all.e3, m_fuseWeight, m_fuseBias)).masked_fill(seenDeep.lt(0.5), -1e4), 0);
    const std::vector<int64_t> bottom{all.b.size(2), all.b.size(3)};
    const auto bottomWeights = perDate(torch::adaptive_avg_pool2d(weights.flatten(0, 1), bottom));
    Encoding fused;
    fused.e1 = all.e1.narrow(0, 0, n);
    fused.e2 = all.e2.narrow(0, 0, n);
    fused.e3 = (weights * perDate(all.e3)).sum(0);
    fused.b = (bottomWeights * perDate(all.b)).sum(0);
    return decode(fused);
}

void FloeNetImpl::load(torch::serialize::InputArchive& archive)
{
    for (auto& parameter : named_parameters(/*recurse=*/false))
        if (!archive.try_read(parameter.key(), parameter.value()) && parameter.key().rfind("fuse_", 0) != 0)
            archive.read(parameter.key(), parameter.value()); // throws, naming the missing part
    for (const auto& child : named_children()) {
        torch::serialize::InputArchive childArchive;
        archive.read(child.key(), childArchive);
        child.value()->load(childArchive);
    }
}

FloeNetImpl::Encoding FloeNetImpl::encode(const torch::Tensor& scene)
{
    Encoding e;
    e.e1 = m_enc1->forward(scene);
    e.e2 = m_enc2->forward(torch::max_pool2d(e.e1, 2));
    e.e3 = m_enc3->forward(torch::max_pool2d(e.e2, 2));
    e.b = m_bottom->forward(torch::max_pool2d(e.e3, 2));
    return e;
}

NetFeatures FloeNetImpl::decode(const Encoding& e)
{
    const auto d3 = m_dec3->forward(torch::cat({upTo(e.b, e.e3), e.e3}, 1));
    const auto d2 = m_dec2->forward(torch::cat({upTo(d3, e.e2), e.e2}, 1));
    return {m_dec1->forward(torch::cat({upTo(d2, e.e1), e.e1}, 1)), d3};
}

torch::Tensor FloeNetImpl::refineLogits(const torch::Tensor& logits, const torch::Tensor& quarter, const torch::Tensor& clicks)
{
    if (!clicks.ne(0).any().item<bool>())
        return logits;
    const std::vector<int64_t> size{quarter.size(2), quarter.size(3)};
    // Positive and negative marks survive the downsampling separately.
    const auto marks = std::get<0>(torch::adaptive_max_pool2d(torch::relu(clicks), size))
        - std::get<0>(torch::adaptive_max_pool2d(torch::relu(-clicks), size));
    auto x = torch::cat({quarter, marks, torch::adaptive_avg_pool2d(logits, size)}, 1);
    for (auto& conv : m_click)
        x = torch::leaky_relu(conv->forward(x), 0.1);
    // A click speaks for its neighbourhood only: the correction fades out
    // beyond kClickReachCells quarter-resolution cells of every click.
    const auto near = torch::avg_pool2d(
        torch::max_pool2d(marks.abs().amax(1, true), 2 * kClickReachCells + 1, 1, kClickReachCells), 5, 1, 2, false, false);
    return logits + upTo(m_clickOut->forward(x) * near, logits) + m_clickLocal->forward(clicks);
}

void FloeNetImpl::shiftClassBiases(const ClassOffsets& offsets)
{
    torch::NoGradGuard noGrad;
    const auto shift = torch::from_blob(const_cast<float*>(offsets.logit.data()), {kClassCount}).clone();
    m_classes->bias.add_(shift.to(m_classes->bias.device()));
}

torch::Tensor FloeNetImpl::classLogits(const NetFeatures& features, const torch::Tensor& clicks)
{
    return refineLogits(m_classes->forward(features.full), features.quarter, clicks);
}

void FloeNetImpl::useChannelsLast()
{
    torch::NoGradGuard noGrad;
    for (torch::Tensor& weight : parameters())
        if (weight.dim() == 4)
            weight.set_data(weight.contiguous(torch::MemoryFormat::ChannelsLast));
}

HeadOutputs FloeNetImpl::heads(const NetFeatures& features, const torch::Tensor& input, bool sample)
{
    // The despeckling head sees no dropout: its output has no MC use.
    HeadOutputs out;
    out.despeckled = m_despeckle->forward(features.full);
    const auto dropped = torch::dropout(features.full, m_dropout, sample);
    finishHeads(m_classes->forward(dropped), m_elevation->forward(dropped), features, input, out);
    return out;
}

HeadOutputs FloeNetImpl::sampleHeads(const NetFeatures& features, const torch::Tensor& input, const torch::Tensor& mask)
{
    // The class and elevation layers as one convolution: one pass over the
    // sample's features instead of two (a sixth of an MC sample's time).
    const auto weight = torch::cat({m_classes->weight, m_elevation->weight}).contiguous(torch::MemoryFormat::ChannelsLast);
    const auto both = torch::conv2d(features.full * mask, weight, torch::cat({m_classes->bias, m_elevation->bias}), 1, 1);
    HeadOutputs out;
    finishHeads(both.narrow(1, 0, kClassCount), both.narrow(1, kClassCount, 1), features, input, out);
    return out;
}

torch::Tensor FloeNetImpl::monteCarloMasks(int samples, int height, int width, const torch::TensorOptions& options) const
{
    const double keep = 1.0 - m_dropout;
    return (torch::bernoulli(torch::full({samples, m_featureChannels, height, width}, keep, options)) / keep)
        .contiguous(torch::MemoryFormat::ChannelsLast);
}

void FloeNetImpl::finishHeads(const torch::Tensor& logits, const torch::Tensor& correction, const NetFeatures& features,
                              const torch::Tensor& input, HeadOutputs& out)
{
    out.logits = refineLogits(logits, features.quarter, input.narrow(1, kFirstClickChannel, kClassCount));
    auto prior = input.narrow(1, kPriorChannel, 1);
    if (m_readsSarTerm)
        prior = prior + input.narrow(1, kSarTermChannel, 1);
    prior = prior * kFreeboardScale + kFreeboardMean;
    out.correction = correction;
    // Freeboard is height above the sea: no surface lies below it.
    out.elevation = torch::relu(prior + correction);
}

} // namespace banquise::models::detail
