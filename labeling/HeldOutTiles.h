#pragma once

#include "models/Prediction.h"
#include "models/SeaIceClasses.h"

#include <opencv2/core/types.hpp>

#include <array>
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
// IoU of each class over the held-out pixels pooled (NaN for a class in
// neither map): what a tile-wise mean hides about the rare classes.
std::array<double, models::kClassCount> heldOutClassIou(const models::Prediction& prediction, const cv::Mat1b& truth,
                                                        const std::vector<cv::Rect>& tiles);

} // namespace banquise::labeling
