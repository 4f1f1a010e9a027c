#pragma once

// Private to models/: what a SeaIceModel holds.
#include "models/RidgeExcess.h"
#include "models/SeaIceModel.h"
#include "models/detail/FloeNet.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace banquise::models {

// The network initialised from `seed` (torch's global generator draws the weights).
inline detail::FloeNet seededNet(const ModelConfig& config, unsigned seed)
{
    torch::manual_seed(seed);
    detail::FloeNet net(config);
    net->useChannelsLast();
    return net;
}

struct SeaIceModel::Impl {
    Impl(const ModelConfig& c, unsigned seed) : config(c), net(seededNet(c, seed)) {}

    ModelConfig config;
    detail::FloeNet net;
    bool hasElevation = false;
    int trainedSteps = 0;
    RidgeExcess ridgeExcess; // estimated after the first training with altimeter records
    // The lead offsets folded into the class layer after the first training
    // (ClassCalibration); empty until then.
    std::optional<ClassOffsets> classOffsets;
};

// Where the model computes: the GPU when LibTorch has CUDA and one is present.
inline torch::Device computeDevice()
{
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
}

// The model's input channels of a tile of the grid (1 x C x H x W), on `device`.
torch::Tensor tileInput(const ModelInputs& inputs, const cv::Rect& tile, torch::Device device);

// The click-free class logits of every `stride`-th pixel (rows and columns)
// of the grid that has SAR data, tile by tile: what ClassCalibration fits.
std::vector<std::array<float, kClassCount>> sampleClassLogits(detail::FloeNet& net, const ModelInputs& inputs, int stride);

} // namespace banquise::models
