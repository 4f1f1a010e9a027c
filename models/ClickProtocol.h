#pragma once

#include "models/InteractiveSegmentation.h"

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

namespace banquise::models {

// The simulated user of interactive segmentation (RITM, DIAL): each time,
// a click at the pixel farthest from the boundary of the largest region
// where the prediction is wrong, with the true class. Per object, see
// ObjectClickProtocol.h; per tile, DIAL's active-learning annotator.

// Distance of each set pixel of `mask` to the nearest unset one, the
// border counting as unset (RITM's padded distance transform): how deep a
// pixel lies inside an error region, where the simulated user clicks.
cv::Mat1f depthInside(const cv::Mat1b& mask);

// The next corrective click on a tile (`predicted` and `truth` are the
// tile's SeaIceClass rasters, kNoClass in truth ignored; `origin` is the
// tile's top-left pixel on the grid); nullopt when nothing is wrong.
std::optional<Click> nextCorrectiveClick(const cv::Mat1b& predicted, const cv::Mat1b& truth, cv::Point origin);

} // namespace banquise::models
