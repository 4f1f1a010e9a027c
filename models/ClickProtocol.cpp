#include "models/ClickProtocol.h"

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

} // namespace banquise::models
