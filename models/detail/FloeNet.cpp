#include "models/detail/FloeNet.h"

#include "models/SeaIceClasses.h"

namespace banquise::models::detail {

namespace {

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

FloeNetImpl::FloeNetImpl(const ModelConfig& config) : m_dropout(config.dropout)
{
    const int c = config.baseChannels;
    m_enc1 = register_module("enc1", convBlock(kInputChannels, c));
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
}

torch::Tensor FloeNetImpl::features(const torch::Tensor& input)
{
    const auto e1 = m_enc1->forward(input);
    const auto e2 = m_enc2->forward(torch::max_pool2d(e1, 2));
    const auto e3 = m_enc3->forward(torch::max_pool2d(e2, 2));
    const auto b = m_bottom->forward(torch::max_pool2d(e3, 2));
    const auto d3 = m_dec3->forward(torch::cat({upTo(b, e3), e3}, 1));
    const auto d2 = m_dec2->forward(torch::cat({upTo(d3, e2), e2}, 1));
    return m_dec1->forward(torch::cat({upTo(d2, e1), e1}, 1));
}

HeadOutputs FloeNetImpl::heads(const torch::Tensor& features, const torch::Tensor& input, bool sample)
{
    // The despeckling head sees no dropout: its output has no MC use.
    HeadOutputs out;
    out.despeckled = m_despeckle->forward(features);
    const auto dropped = torch::dropout(features, m_dropout, sample);
    out.logits = m_classes->forward(dropped);
    const auto prior = input.narrow(1, kPriorChannel, 1) * kFreeboardScale + kFreeboardMean;
    out.correction = m_elevation->forward(dropped);
    out.elevation = prior + out.correction;
    return out;
}

} // namespace banquise::models::detail
