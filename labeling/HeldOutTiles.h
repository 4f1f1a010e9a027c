#pragma once

#include "models/Prediction.h"

#include <opencv2/core/types.hpp>

#include <vector>

namespace banquise::labeling {

// The tiles a simulated labelling run never labels and scores every round
// on: `count` of `tiles` drawn with `seed`, the same for every strategy of
// one seed. `excluded` flags them among `tiles`.
struct HeldOutTiles {
    std::vector<cv::Rect> tiles;
    std::vector<bool> excluded;
};
HeldOutTiles chooseHeldOutTiles(const std::vector<cv::Rect>& tiles, int count, unsigned seed);

// Mean over the held-out tiles of their mean IoU against `truth`.
double heldOutMeanIou(const models::Prediction& prediction, const cv::Mat1b& truth, const std::vector<cv::Rect>& tiles);

} // namespace banquise::labeling
