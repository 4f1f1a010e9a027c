#include "models/detail/TiledPrediction.h"

#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/TileLayout.h"
#include "scene/Feedback.h"
#include "scene/SceneError.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace banquise::models::detail {

namespace {

// Rows [top, top + count) of the strip divided by their weights: the band
// of the prediction they make.
Prediction finishRows(const std::array<cv::Mat1f, kPlanes>& strip, const cv::Mat1f& weight, int top, int count,
                      const ModelInputs& inputs, bool elevation)
{
    Prediction out = allocatePrediction(cv::Size(inputs.width(), count), elevation);
    for (int r = 0; r < count; ++r) // the band starts at the strip's top
        for (int c = 0; c < inputs.width(); ++c) {
            const float w = weight(r, c);
            if (w <= 0.0f || !std::isfinite(inputs.primaryDb(top + r, c))) {
                out.despeckledDb(r, c) = out.probability(r, c) = out.entropy(r, c) = std::nanf("");
                out.margin(r, c) = out.mutualInformation(r, c) = std::nanf("");
                out.classes(r, c) = kNoClass;
                if (elevation)
                    out.elevation(r, c) = out.elevationStd(r, c) = std::nanf("");
                continue;
            }
            out.despeckledDb(r, c) = strip[kDespeckled](r, c) / w;
            int best = 0;
            for (int k = 1; k < kClassCount; ++k)
                if (strip[kFloeProbability + k](r, c) > strip[kFloeProbability + best](r, c))
                    best = k;
            float second = 0.0f;
            for (int k = 0; k < kClassCount; ++k)
                if (k != best)
                    second = std::max(second, strip[kFloeProbability + k](r, c));
            out.classes(r, c) = static_cast<std::uint8_t>(best);
            out.probability(r, c) = strip[kFloeProbability + best](r, c) / w;
            out.margin(r, c) = out.probability(r, c) - second / w;
            out.entropy(r, c) = strip[kEntropy](r, c) / w;
            out.mutualInformation(r, c) = std::max(0.0f, out.entropy(r, c) - strip[kExpectedEntropy](r, c) / w);
            if (elevation) {
                out.elevation(r, c) = strip[kElevation](r, c) / w;
                out.elevationStd(r, c) = strip[kElevationStd](r, c) / w;
            }
        }
    return out;
}

} // namespace

void predictTiled(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback, bool elevation,
                  const TileRunner& runTile, const PredictionRowsSink& sink)
{
    const cv::Size size(inputs.width(), inputs.height());
    const TileLayout layout(size, options.tileSize, options.overlap);
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
            const TileOutput result = runTile(tile);
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
        sink(top, finishRows(strip, weight, top, next - top, inputs, elevation));
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
}

} // namespace banquise::models::detail
