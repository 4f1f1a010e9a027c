#pragma once

// Private to models/: tiled prediction, whatever network computes the tiles.
#include "models/SeaIceModel.h" // Prediction, PredictionOptions

#include <opencv2/core/mat.hpp>

#include <array>
#include <functional>

namespace banquise::scene {
class Feedback;
}

namespace banquise::models {
struct ModelInputs;
}

namespace banquise::models::detail {

// Planes a tile yields, blended per pixel by the tile weights.
enum Plane {
    kDespeckled,
    kFloeProbability,
    kOpenProbability,
    kRefrozenProbability,
    kEntropy,
    kExpectedEntropy, // mean of the samples' entropies (BALD)
    kElevation,
    kElevationStd,
    kPlanes
};

struct TileOutput {
    std::array<cv::Mat1f, kPlanes> planes;
};

using TileRunner = std::function<TileOutput(const cv::Rect& tile)>;

// Runs `runTile` over the overlapping tiles of the grid (TileLayout), blends
// the overlaps, and hands the prediction to `sink` band by band, each band
// as soon as no further tile reaches it: one strip of tiles in memory.
// NaN / kNoClass where the SAR has no data; no elevation planes unless
// `elevation`. Cancel through feedback.
void predictTiled(const ModelInputs& inputs, const PredictionOptions& options, scene::Feedback* feedback, bool elevation,
                  const TileRunner& runTile, const PredictionRowsSink& sink);

} // namespace banquise::models::detail
