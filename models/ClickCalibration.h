#pragma once

#include "models/SeaIceClasses.h"

#include <array>
#include <vector>

namespace banquise::models {

// What a click says about the whole tile. The model's errors on a tile are
// mostly of one kind (on the demo scene it finds 40 % of the lead area: its
// misses are hundreds of thin pieces, each too small for a click of its
// own), so the clicks also recalibrate the tile's classes: per-class logit
// offsets fitted to the click-free logits at the clicked pixels move every
// pixel of the tile. The refinement of f-BRS (Sofiiuk et al. 2020) reduced
// to its last layer's biases, fitted in closed form instead of through the
// network.

// A clicked pixel as the calibration sees it: the click-free class logits
// there, and what the user said.
struct ClickedLogits {
    std::array<float, kClassCount> logits{};
    int modelClass = 0;
    bool positive = true;
};

// Maximum a posteriori offsets: the clicks' cross-entropy (a negative click:
// -log(1 - p)) plus a Gaussian prior on the two lead offsets, each offset
// within +-kMaxOffset. The prior correlates them: what hides a lead from
// the model (a thin line, a weak contrast) hides open and refrozen leads
// alike, so a click on either kind moves both. Without the correlation a
// first click on a refrozen lead flooded the tile with refrozen lead (demo
// tile: mean IoU 0.512 -> 0.441); with it, 0.569. None without clicks.
ClassOffsets fitClickOffsets(const std::vector<ClickedLogits>& clicks);

// Chosen on the demo scene's sixteen 512² tiles: after 10 protocol clicks
// the mean IoU gain is 0.033-0.049 for precisions 0.05-0.2 and bounds
// 1.5-2.5, 0.041 / 0.047 / 0.048 for correlations 0 / 0.8 / 0.9.
constexpr float kOffsetPrecision = 0.1f;
constexpr float kMaxOffset = 2.0f;
constexpr double kLeadCorrelation = 0.9;

} // namespace banquise::models
