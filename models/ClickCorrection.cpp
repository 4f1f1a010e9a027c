#include "models/ClickCorrection.h"

#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>

namespace banquise::models {

namespace {
constexpr int kSegmentReach = 128;
constexpr float kSameLookDb = 3.0f;
constexpr float kCreditToSpread = 0.2f;
constexpr int kNeighbourhoodReach = 8;
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

void correctClickedRegion(cv::Mat1b& classes, const ClassProbabilities& probabilities, const cv::Mat1f& appearance, const Click& click,
                          cv::Point origin)
{
    const cv::Point at(click.column - origin.x, click.row - origin.y);
    const cv::Rect tile(0, 0, classes.cols, classes.rows);
    if (!tile.contains(at))
        return;
    const int current = classes(at);
    if (click.positive == (current == click.modelClass))
        return; // the map already says what the click says
    int wanted = click.modelClass;
    if (!click.positive)
        wanted = isLead(click.modelClass) ? kFloe : (probabilities[kOpenLead](at) >= probabilities[kRefrozenLead](at) ? kOpenLead : kRefrozenLead);
    cv::Mat1b candidate = cv::Mat1b::zeros(classes.size());
    cv::circle(candidate, at, kSegmentReach, 255, cv::FILLED);
    candidate &= classes == current;
    if (!(isLead(current) && isLead(wanted))) {
        const float clickedCredit = probabilities[wanted](at);
        const double look = cv::mean(appearance(cv::Rect(at.x - 2, at.y - 2, 5, 5) & tile))[0];
        cv::Mat1f difference;
        cv::absdiff(appearance, look, difference);
        candidate &= (difference <= kSameLookDb) & (probabilities[wanted] >= clickedCredit);
        if (clickedCredit < kCreditToSpread) {
            cv::Mat1b neighbourhood = cv::Mat1b::zeros(classes.size());
            cv::circle(neighbourhood, at, kNeighbourhoodReach, 255, cv::FILLED);
            candidate &= neighbourhood;
        }
    }
    cv::Mat1i labels;
    cv::connectedComponents(candidate, labels, 8, CV_32S);
    if (labels(at) > 0)
        classes.setTo(wanted, labels == labels(at));
    classes(at) = static_cast<unsigned char>(wanted);
}

} // namespace banquise::models
