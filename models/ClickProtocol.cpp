#include "models/ClickProtocol.h"

#include "models/Scores.h"
#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace banquise::models {

namespace {
// The largest connected region where the prediction is wrong, as a mask;
// empty when nothing is wrong.
cv::Mat1b largestWrongRegion(const cv::Mat1b& predicted, const cv::Mat1b& truth)
{
    cv::Mat1b wrong = (predicted != truth) & (truth != kNoClass);
    cv::Mat1i labels;
    cv::Mat stats, centroids;
    const int count = cv::connectedComponentsWithStats(wrong, labels, stats, centroids, 8, CV_32S);
    int largest = 0;
    for (int i = 1; i < count; ++i)
        if (largest == 0 || stats.at<int>(i, cv::CC_STAT_AREA) > stats.at<int>(largest, cv::CC_STAT_AREA))
            largest = i;
    return largest == 0 ? cv::Mat1b() : cv::Mat1b(labels == largest);
}
} // namespace

cv::Mat1f depthInside(const cv::Mat1b& mask)
{
    cv::Mat1b padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
    cv::Mat1f distance;
    cv::distanceTransform(padded, distance, cv::DIST_L2, cv::DIST_MASK_5);
    return distance(cv::Rect(1, 1, mask.cols, mask.rows)).clone();
}

std::optional<Click> nextCorrectiveClick(const cv::Mat1b& predicted, const cv::Mat1b& truth, cv::Point origin)
{
    const cv::Mat1b region = largestWrongRegion(predicted, truth);
    if (region.empty())
        return std::nullopt;
    cv::Point farthest;
    cv::minMaxLoc(depthInside(region), nullptr, nullptr, nullptr, &farthest);
    return Click{origin.x + farthest.x, origin.y + farthest.y, truth(farthest), true};
}

int ClickCurve::clicksToReach(double target, int cap) const
{
    for (std::size_t k = 0; k < meanIou.size() && static_cast<int>(k) <= cap; ++k)
        if (meanIou[k] >= target)
            return static_cast<int>(k);
    return cap;
}

double ClickCurve::gainAfter(int clicks) const
{
    if (meanIou.empty())
        return 0.0;
    const std::size_t k = std::min<std::size_t>(clicks, meanIou.size() - 1);
    return meanIou[k] - meanIou.front();
}

ClickCurve runClickProtocol(const InteractiveSegmentation& segmentation, const cv::Mat1b& truthTile, int maxClicks)
{
    ClickCurve curve;
    std::vector<Click> clicks;
    cv::Mat1b predicted = segmentation.classes(clicks);
    curve.meanIou.push_back(scoreSegmentation(predicted, truthTile).meanIou);
    for (int k = 0; k < maxClicks; ++k) {
        const auto click = nextCorrectiveClick(predicted, truthTile, segmentation.tile().tl());
        if (!click) { // perfect: it stays so
            curve.meanIou.push_back(curve.meanIou.back());
            continue;
        }
        clicks.push_back(*click);
        predicted = segmentation.classes(clicks);
        curve.meanIou.push_back(scoreSegmentation(predicted, truthTile).meanIou);
    }
    return curve;
}

ClickCurve oracleClickCurve(const cv::Mat1b& predicted, const cv::Mat1b& truthTile, int maxClicks)
{
    ClickCurve curve;
    cv::Mat1b corrected = predicted.clone();
    curve.meanIou.push_back(scoreSegmentation(corrected, truthTile).meanIou);
    for (int k = 0; k < maxClicks; ++k) {
        // The protocol clicks inside the largest wrong region; the perfect
        // correction gives that whole region its true classes.
        const cv::Mat1b region = largestWrongRegion(corrected, truthTile);
        if (!region.empty())
            truthTile.copyTo(corrected, region);
        curve.meanIou.push_back(scoreSegmentation(corrected, truthTile).meanIou);
    }
    return curve;
}

} // namespace banquise::models
