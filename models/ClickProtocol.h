#pragma once

#include "models/InteractiveSegmentation.h"

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

namespace banquise::models {

// The standard evaluation of interactive segmentation (RITM, DIAL): a
// simulated user clicks, each time, at the pixel farthest from the boundary
// of the largest region where the prediction is wrong, with the true class;
// the curve of mean IoU against the number of clicks gives NoC@85/90 (clicks
// needed to reach 85 % / 90 %, capped) and the gain after k clicks.

// Distance of each set pixel of `mask` to the nearest unset one, the
// border counting as unset (RITM's padded distance transform): how deep a
// pixel lies inside an error region, where the simulated user clicks.
cv::Mat1f depthInside(const cv::Mat1b& mask);

// The next corrective click on a tile (`predicted` and `truth` are the
// tile's SeaIceClass rasters, kNoClass in truth ignored; `origin` is the
// tile's top-left pixel on the grid); nullopt when nothing is wrong.
std::optional<Click> nextCorrectiveClick(const cv::Mat1b& predicted, const cv::Mat1b& truth, cv::Point origin);

struct ClickCurve {
    std::vector<double> meanIou; // after 0, 1, ... clicks
    // Clicks needed to reach `target` mean IoU; `cap` when never reached.
    int clicksToReach(double target, int cap) const;
    // Mean IoU gained after `clicks` clicks (or the last), from none.
    double gainAfter(int clicks) const;
};

// Runs the protocol on one tile for up to `maxClicks` clicks.
ClickCurve runClickProtocol(const InteractiveSegmentation& segmentation, const cv::Mat1b& truthTile, int maxClicks);

// The same protocol with a perfect local correction: each click puts its
// true class on exactly the wrong region it lands in, and changes nothing
// else. The ceiling of what clicks that correct where they fall can gain
// from `predicted`; where errors are many small regions it stays low
// whatever the click model.
ClickCurve oracleClickCurve(const cv::Mat1b& predicted, const cv::Mat1b& truthTile, int maxClicks);

} // namespace banquise::models
