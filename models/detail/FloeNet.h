#pragma once

// Private to models/: the torch side of SeaIceModel.
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "models/detail/InputChannels.h"

#include <torch/torch.h>

#include <array>
#include <vector>

namespace banquise::models::detail {

// The U-Net's full-resolution features, and its quarter-resolution decoder
// features that the click head reads: what interactive refinement caches.
struct NetFeatures {
    torch::Tensor full;
    torch::Tensor quarter;
};

struct HeadOutputs {
    torch::Tensor despeckled; // N x 1 x H x W, normalised dB of the primary channel
    torch::Tensor logits;     // N x 3 x H x W, with the clicks of the input
    torch::Tensor elevation;  // N x 1 x H x W, metres
    torch::Tensor correction; // elevation minus the prior (kriged freeboard plus its SAR term)
};

// A three-level U-Net (convolutions, max-pool down, bilinear up, skip
// concatenations) on the scene channels, with three 3x3 heads on its
// full-resolution features, and a click head (DIAL): dilated convolutions
// at quarter resolution over the decoder's features, the click maps and the
// class logits, whose correction of the logits spreads a click over the
// region it belongs to. The click head is small, so that a click refines a
// tile whose features are cached in a fraction of a full pass.
// Later SAR dates in the input (kLookChannels each, already brought to the
// reference time) go through the same encoder; its two deepest levels are
// fused over the dates by a learned weighted mean (a 1x1 convolution scores
// each date's quarter-resolution features, softmax over the dates that saw
// the cell), so that any number of dates, or a date missing over part of
// the tile, is read alike. One decoder follows, with the reference date's
// fine levels as its skips.
class FloeNetImpl : public torch::nn::Module {
public:
    explicit FloeNetImpl(const ModelConfig& config);

    // Lays the convolution weights out channels-last (NHWC): with inputs in
    // that layout too, oneDNN's 3x3 convolutions at 16-64 channels run 3 to
    // 10 times faster than NCHW on this CPU, forward and backward. Called
    // when a network is made and after its weights are loaded.
    void useChannelsLast();

    // From the scene and look channels of `input` (the click maps are not read).
    NetFeatures features(const torch::Tensor& input);
    // Models saved before the date fusion lack its scorer: it keeps its
    // start, the plain mean of the dates.
    void load(torch::serialize::InputArchive& archive) override;
    // `sample`: dropout on even in evaluation, for MC-dropout samples. The
    // elevation is a correction of the prior channels of `input`; the
    // class logits take the click maps of `input` into account.
    HeadOutputs heads(const NetFeatures& features, const torch::Tensor& input, bool sample);
    // One MC-dropout sample of the class logits and elevation, `mask`
    // (1 x C x H x W, of monteCarloMasks) standing for the dropout's draw.
    // No despeckling (it has no MC use).
    HeadOutputs sampleHeads(const NetFeatures& features, const torch::Tensor& input, const torch::Tensor& mask);
    // `samples` dropout masks of the full-resolution features over an
    // H x W tile (samples x C x H x W, kept entries scaled by 1 / (1 - p)).
    // Drawing them is most of an MC sample's cost, so a prediction draws
    // them once and every tile uses them: each pixel's samples stay
    // independent of one another, which is what its mean and spread need.
    torch::Tensor monteCarloMasks(int samples, int height, int width, const torch::TensorOptions& options) const;
    HeadOutputs forward(const torch::Tensor& input) { return heads(features(input), input, is_training()); }
    // Whether the elevation starts from the kriged prior plus its SAR term
    // (the default) or, as in models saved before that term, from the
    // kriged prior alone.
    bool readsSarTerm() const { return m_readsSarTerm; }
    void setReadsSarTerm(bool reads) { m_readsSarTerm = reads; }
    // Class logits from cached features and `clicks` (N x 3 x H x W), no dropout.
    torch::Tensor classLogits(const NetFeatures& features, const torch::Tensor& clicks);
    // Adds offsets to the class layer's biases (ClassCalibration).
    void shiftClassBiases(const ClassOffsets& offsets);
    // Click-free logits corrected by the click head; unchanged without clicks
    // (all-zero maps), so that no click means the plain prediction.
    torch::Tensor refineLogits(const torch::Tensor& logits, const torch::Tensor& quarter, const torch::Tensor& clicks);

private:
    // The class logits refined by the clicks of `input`, and the elevation
    // as the prior of `input` (kriged freeboard plus its SAR term) plus `correction`.
    void finishHeads(const torch::Tensor& logits, const torch::Tensor& correction, const NetFeatures& features, const torch::Tensor& input,
                     HeadOutputs& out);

    struct Encoding {
        torch::Tensor e1, e2, e3, b; // full, half, quarter and eighth resolution
    };
    Encoding encode(const torch::Tensor& scene);
    NetFeatures decode(const Encoding& encoding);

    double m_dropout;
    int m_featureChannels;
    bool m_readsSarTerm = true;
    torch::nn::Sequential m_enc1{nullptr}, m_enc2{nullptr}, m_enc3{nullptr}, m_bottom{nullptr};
    torch::nn::Sequential m_dec3{nullptr}, m_dec2{nullptr}, m_dec1{nullptr};
    torch::nn::Conv2d m_despeckle{nullptr}, m_classes{nullptr}, m_elevation{nullptr};
    // A 1x1 convolution scoring a date's quarter-resolution features; bare
    // parameters, zero at the start, so that making the network draws no
    // random numbers more than before it fused dates.
    torch::Tensor m_fuseWeight, m_fuseBias;
    std::vector<torch::nn::Conv2d> m_click; // dilations 1, 2, 4, 8
    torch::nn::Conv2d m_clickOut{nullptr};
    torch::nn::Conv2d m_clickLocal{nullptr}; // full resolution: the clicked pixels themselves
};

// Dilations of the click head's 3x3 convolutions, and its width.
constexpr std::array<int, 4> kClickDilations{1, 2, 4, 8};
constexpr int kClickChannels = 24;
// How far a click's correction reaches, in quarter-resolution cells (32 pixels).
constexpr int kClickReachCells = 8;
TORCH_MODULE(FloeNet);

} // namespace banquise::models::detail
