#include "models/ClickCorrection.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace banquise::models {

namespace {
constexpr int kSegmentReach = 128;
constexpr float kSameLookDb = 3.0f;
} // namespace

cv::Mat1f smoothedDecibels(const cv::Mat1f& db)
{
    cv::Mat1f values = db.clone();
    const cv::Mat1b finite = values == values;
    values.setTo(cv::mean(values, finite)[0], ~finite);
    cv::Mat1f smooth;
    cv::medianBlur(values, smooth, 5);
    cv::GaussianBlur(smooth, smooth, cv::Size(0, 0), 1.5);
    return smooth;
}

void correctLookalikes(cv::Mat1b& classes, const cv::Mat1b& base, const cv::Mat1f& appearance, const Click& click, cv::Point origin)
{
    const cv::Point at(click.column - origin.x, click.row - origin.y);
    const cv::Rect tile(0, 0, classes.cols, classes.rows);
    if (!click.positive || !tile.contains(at) || base(at) == click.modelClass)
        return;
    const double look = cv::mean(appearance(cv::Rect(at.x - 2, at.y - 2, 5, 5) & tile))[0];
    cv::Mat1b near = cv::Mat1b::zeros(classes.size());
    cv::circle(near, at, kSegmentReach, 255, cv::FILLED);
    cv::Mat1f difference;
    cv::absdiff(appearance, look, difference);
    const cv::Mat1b segment = (base == base(at)) & near;
    // A clicked pixel that looks like its segment tells nothing about which
    // of the segment's pixels share its fate: only the click head acts.
    if (std::abs(cv::mean(appearance, segment)[0] - look) <= kSameLookDb)
        return;
    const cv::Mat1b candidate = segment & (difference <= kSameLookDb);
    cv::Mat1i labels;
    cv::connectedComponents(candidate, labels, 8, CV_32S);
    if (labels(at) > 0)
        classes.setTo(click.modelClass, labels == labels(at));
}

} // namespace banquise::models
