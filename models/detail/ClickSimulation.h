#pragma once

// Private to models/: clicks simulated while training, so that the click
// head learns to use them (DIAL; clicks go where the click-free prediction
// is wrong, as a user's would).
#include <cstdint>
#include <random>
#include <vector>

namespace banquise::models::detail {

struct Batch;

struct SimulatedClicks {
    std::vector<float> maps;     // count x kClassCount x size x size (see markClick)
    std::vector<int64_t> target; // count x size x size: the known class, -1 none
    std::vector<float> weight;   // count x size x size: near a click of the pixel's class
};

// For each crop of `batch`: no click (one crop in five) or one to six
// positive clicks, mostly on pixels whose known class (user label, else
// optical pseudo-label) the click-free prediction `predicted` gets wrong,
// and sometimes a negative click on the wrongly predicted class. Pixels of
// the clicked class near a click weigh most in the click loss.
SimulatedClicks simulateClicks(const Batch& batch, const std::vector<int64_t>& predicted, std::mt19937& rng);

} // namespace banquise::models::detail
