#pragma once

// Private to models/: the torch side of SeaIceModel.
#include "models/SeaIceModel.h"
#include "models/detail/InputChannels.h"

#include <torch/torch.h>

namespace banquise::models::detail {

struct HeadOutputs {
    torch::Tensor despeckled; // N x 1 x H x W, normalised dB of the primary channel
    torch::Tensor logits;     // N x 3 x H x W
    torch::Tensor elevation;  // N x 1 x H x W, metres
    torch::Tensor correction; // elevation minus the kriged prior
};

// A three-level U-Net (convolutions, max-pool down, bilinear up, skip
// concatenations) with three 3x3 heads on its full-resolution features.
class FloeNetImpl : public torch::nn::Module {
public:
    explicit FloeNetImpl(const ModelConfig& config);

    torch::Tensor features(const torch::Tensor& input);
    // `sample`: dropout on even in evaluation, for MC-dropout samples. The
    // elevation is a correction of the kriged prior channel of `input`.
    HeadOutputs heads(const torch::Tensor& features, const torch::Tensor& input, bool sample);
    HeadOutputs forward(const torch::Tensor& input) { return heads(features(input), input, is_training()); }

private:
    double m_dropout;
    torch::nn::Sequential m_enc1{nullptr}, m_enc2{nullptr}, m_enc3{nullptr}, m_bottom{nullptr};
    torch::nn::Sequential m_dec3{nullptr}, m_dec2{nullptr}, m_dec1{nullptr};
    torch::nn::Conv2d m_despeckle{nullptr}, m_classes{nullptr}, m_elevation{nullptr};
};
TORCH_MODULE(FloeNet);

} // namespace banquise::models::detail
