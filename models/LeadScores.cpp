#include "models/LeadScores.h"

#include "models/SeaIceClasses.h"
#include "scene/synthetic/CellTruth.h" // LeadWidthCode

#include <opencv2/imgproc.hpp>

namespace banquise::models {

namespace {
using scene::synthetic::kNarrowCentreline;
using scene::synthetic::kNarrowLead;
using scene::synthetic::kResolvableLead;
} // namespace

LeadScores scoreLeadsByWidth(const cv::Mat1b& predictedClasses, const cv::Mat1b& leadWidth)
{
    CV_Assert(predictedClasses.size() == leadWidth.size());
    const cv::Mat1b predicted = (predictedClasses == kOpenLead) | (predictedClasses == kRefrozenLead);
    const cv::Mat1b scored = predictedClasses != kNoClass;
    cv::Mat1b nearNarrow;
    cv::dilate((leadWidth == kNarrowLead) | (leadWidth == kNarrowCentreline), nearNarrow, cv::Mat());
    const cv::Mat1b counted = scored & ~nearNarrow;
    const cv::Mat1b truth = leadWidth == kResolvableLead;
    const double intersection = cv::countNonZero(predicted & truth & counted);
    const double united = cv::countNonZero((predicted | truth) & counted);
    LeadScores scores;
    scores.resolvableIou = united > 0.0 ? intersection / united : 0.0;
    cv::Mat1b predictedNearby;
    cv::dilate(predicted, predictedNearby, cv::Mat());
    const cv::Mat1b centreline = (leadWidth == kNarrowCentreline) & scored;
    const int centrelineCells = cv::countNonZero(centreline);
    scores.thinSkeletonRecall = centrelineCells > 0 ? cv::countNonZero(centreline & predictedNearby) / static_cast<double>(centrelineCells) : 0.0;
    return scores;
}

} // namespace banquise::models
