#pragma once

#include "models/SeaIceClasses.h"

#include <array>
#include <vector>

namespace banquise::models {

// A weakly supervised network's class map (the most probable class per
// pixel) under-counts the rare classes: a thin lead is a 0.4 probability
// on its pixels and a floe around it. On the demo scene the map held 1.5 %
// open and 1.4 % refrozen lead where the network's own probabilities
// expected 1.9 % and 2.1 %. After training, offsets of the lead logits
// make the map's class fractions equal the expected ones (the mean
// probabilities over the scene); the network folds them into the biases of
// its class layer, so every prediction and export carries them.

// Offsets such that the argmax fractions of the sampled pixels' logits
// (offsets added) equal their mean softmax probabilities; floe is the
// reference. A class expected on fewer than kMinExpectedFraction of the
// pixels keeps a zero offset (nothing to calibrate on).
ClassOffsets fitClassFractions(const std::vector<std::array<float, kClassCount>>& logits);

constexpr double kMinExpectedFraction = 1e-4;
constexpr float kMaxClassOffset = 3.0f;

} // namespace banquise::models
