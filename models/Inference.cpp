// SeaIceModel::predict: tiled inference with blended overlaps and
// MC-dropout uncertainty, one strip of tiles in memory at a time.
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/TileLayout.h"
#include "models/detail/ModelImpl.h"
#include "scene/Feedback.h"
#include "scene/SceneError.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace banquise::models {

namespace {

// Planes accumulated per pixel, weighted by the tile blending weight.
enum Plane { kDespeckled, kFloeProbability, kOpenProbability, kRefrozenProbability, kEntropy, kElevation, kElevationStd, kPlanes };

struct TileOutput {
    std::array<cv::Mat1f, kPlanes> planes;
};

TileOutput runTile(detail::FloeNet& net, const ModelInputs& inputs, const cv::Rect& tile, int samples, torch::Device device)
{
    std::vector<float> channels(static_cast<std::size_t>(detail::kInputChannels) * tile.area());
    detail::fillInputChannels(inputs, tile, channels.data());
    const auto input = torch::from_blob(channels.data(), {1, detail::kInputChannels, tile.height, tile.width}).to(device);
    const auto features = net->features(input);
    const auto despeckled = net->heads(features, input, false).despeckled.squeeze() * detail::kScaleDb + detail::kPrimaryMeanDb;
    auto probabilitySum = torch::zeros({kClassCount, tile.height, tile.width}, features.options());
    auto elevationSum = torch::zeros({tile.height, tile.width}, features.options());
    auto elevationSquares = torch::zeros_like(elevationSum);
    for (int s = 0; s < samples; ++s) {
        const detail::HeadOutputs out = net->heads(features, input, samples > 1);
        probabilitySum += torch::softmax(out.logits, 1).squeeze(0);
        const auto e = out.elevation.squeeze();
        elevationSum += e;
        elevationSquares += e * e;
    }
    const auto probability = probabilitySum / samples;
    const auto elevation = elevationSum / samples;
    const auto elevationStd = (elevationSquares / samples - elevation * elevation).clamp_min(0.0).sqrt();
    const auto entropy = -(probability * probability.clamp_min(1e-8).log()).sum(0);
    const std::array<torch::Tensor, kPlanes> tensors{despeckled, probability[kFloe], probability[kOpenLead], probability[kRefrozenLead],
                                                     entropy, elevation, elevationStd};
    TileOutput result;
    for (int p = 0; p < kPlanes; ++p) {
        const auto cpu = tensors[p].to(torch::kCPU).contiguous();
        result.planes[p] = cv::Mat1f(tile.height, tile.width, cpu.data_ptr<float>()).clone();
    }
    return result;
}

// Rows [top, top + rows) of the strip divided by their weights into the outputs.
void finishRows(const std::array<cv::Mat1f, kPlanes>& strip, const cv::Mat1f& weight, int stripTop, int first, int count,
                const ModelInputs& inputs, bool elevation, Prediction& out)
{
    for (int r = first; r < first + count; ++r) {
        const int local = r - stripTop;
        for (int c = 0; c < inputs.width(); ++c) {
            const float w = weight(local, c);
            if (w <= 0.0f || !std::isfinite(inputs.primaryDb(r, c))) {
                out.despeckledDb(r, c) = out.probability(r, c) = out.entropy(r, c) = std::nanf("");
                out.classes(r, c) = kNoClass;
                if (elevation)
                    out.elevation(r, c) = out.elevationStd(r, c) = std::nanf("");
                continue;
            }
            out.despeckledDb(r, c) = strip[kDespeckled](local, c) / w;
            int best = 0;
            for (int k = 1; k < kClassCount; ++k)
                if (strip[kFloeProbability + k](local, c) > strip[kFloeProbability + best](local, c))
                    best = k;
            out.classes(r, c) = static_cast<std::uint8_t>(best);
            out.probability(r, c) = strip[kFloeProbability + best](local, c) / w;
            out.entropy(r, c) = strip[kEntropy](local, c) / w;
            if (elevation) {
                out.elevation(r, c) = strip[kElevation](local, c) / w;
                out.elevationStd(r, c) = strip[kElevationStd](local, c) / w;
            }
        }
    }
}

} // namespace

Prediction SeaIceModel::predict(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback) const
{
    const cv::Size size(inputs.width(), inputs.height());
    const TileLayout layout(size, options.tileSize, options.overlap);
    const bool elevation = m_impl->hasElevation;
    Prediction out;
    out.despeckledDb.create(size);
    out.classes.create(size);
    out.probability.create(size);
    out.entropy.create(size);
    if (elevation) {
        out.elevation.create(size);
        out.elevationStd.create(size);
    }
    torch::NoGradGuard noGrad;
    const torch::Device device = computeDevice();
    detail::FloeNet& net = m_impl->net;
    net->to(device);
    net->eval();

    const int stripHeight = layout.tileSize.height;
    std::array<cv::Mat1f, kPlanes> strip;
    for (auto& plane : strip)
        plane = cv::Mat1f::zeros(stripHeight, size.width);
    cv::Mat1f weight = cv::Mat1f::zeros(stripHeight, size.width);
    const std::size_t tiles = layout.rows.size() * layout.columns.size();
    std::size_t done = 0;
    for (std::size_t i = 0; i < layout.rows.size(); ++i) {
        const int top = layout.rows[i];
        for (int left : layout.columns) {
            if (feedback && feedback->isCancelled())
                throw scene::SceneError("", "prediction cancelled");
            const cv::Rect tile(left, top, layout.tileSize.width, layout.tileSize.height);
            const TileOutput result = runTile(net, inputs, tile, options.monteCarloSamples, device);
            const cv::Mat1f w = layout.weights(tile, size);
            const cv::Rect inStrip(left, 0, tile.width, tile.height);
            for (int p = 0; p < kPlanes; ++p) {
                cv::Mat1f target = strip[p](inStrip);
                target += result.planes[p].mul(w);
            }
            cv::Mat1f weightTarget = weight(inStrip);
            cv::add(weightTarget, w, weightTarget);
            if (feedback)
                feedback->setProgress(static_cast<double>(++done) / tiles, "predicting");
        }
        // Rows above the next tile row get no more tiles: finish them and
        // move the rest of the strip up.
        const int next = i + 1 < layout.rows.size() ? layout.rows[i + 1] : size.height;
        finishRows(strip, weight, top, top, next - top, inputs, elevation, out);
        const int keep = top + stripHeight - next;
        auto shiftUp = [&](cv::Mat1f& plane) {
            cv::Mat1f moved = cv::Mat1f::zeros(stripHeight, size.width);
            if (keep > 0)
                plane(cv::Rect(0, next - top, size.width, keep)).copyTo(moved(cv::Rect(0, 0, size.width, keep)));
            plane = moved;
        };
        for (cv::Mat1f& plane : strip)
            shiftUp(plane);
        shiftUp(weight);
    }
    return out;
}

} // namespace banquise::models
