#include "models/ObjectClickProtocol.h"

#include "models/ClickProtocol.h"
#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/ximgproc.hpp>

#include <algorithm>

namespace banquise::models {

namespace {
cv::Mat1b predictedObject(const cv::Mat1b& tileClasses, const ClickObject& object)
{
    const cv::Mat1b classes = tileClasses(object.box);
    return object.thin ? cv::Mat1b((classes == kOpenLead) | (classes == kRefrozenLead)) : cv::Mat1b(classes == object.modelClass);
}
} // namespace

std::vector<ClickObject> findClickObjects(const cv::Mat1b& truthTile)
{
    std::vector<ClickObject> objects;
    const cv::Rect tile(0, 0, truthTile.cols, truthTile.rows);
    for (int k = 0; k < kClassCount; ++k) {
        const cv::Mat1b ofClass = truthTile == k;
        cv::Mat1i labels;
        cv::Mat stats, centroids;
        const int count = cv::connectedComponentsWithStats(ofClass, labels, stats, centroids, 8, CV_32S);
        for (int i = 1; i < count; ++i) {
            if (stats.at<int>(i, cv::CC_STAT_AREA) < kObjectMinPixels)
                continue;
            const cv::Rect bounds(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), stats.at<int>(i, cv::CC_STAT_WIDTH),
                                  stats.at<int>(i, cv::CC_STAT_HEIGHT));
            ClickObject object;
            object.modelClass = k;
            object.box = cv::Rect(bounds.x - kObjectMargin, bounds.y - kObjectMargin, bounds.width + 2 * kObjectMargin,
                                  bounds.height + 2 * kObjectMargin)
                & tile;
            const cv::Mat1b self = labels(object.box) == i;
            object.pixels = cv::Mat1b(object.box.size(), static_cast<unsigned char>(kBackgroundPixel));
            object.pixels.setTo(kIgnoredPixel, ofClass(object.box) | (truthTile(object.box) == kNoClass));
            object.pixels.setTo(kObjectPixel, self);
            if (isLead(k)) {
                // A strip w pixels wide has its centre (w + 1) / 2 from its edge.
                double deepest = 0.0;
                cv::minMaxLoc(depthInside(self), nullptr, &deepest);
                object.thin = 2.0 * deepest - 1.0 < kMinLeadWidthPx - 0.5;
            }
            if (object.thin)
                cv::ximgproc::thinning(self, object.centreline);
            objects.push_back(std::move(object));
        }
    }
    return objects;
}

double objectIou(const cv::Mat1b& tileClasses, const ClickObject& object)
{
    const cv::Mat1b predicted = predictedObject(tileClasses, object);
    const cv::Mat1b truth = object.pixels == kObjectPixel;
    const cv::Mat1b scored = object.pixels != kIgnoredPixel;
    const double united = cv::countNonZero((predicted & scored) | truth);
    return united > 0.0 ? cv::countNonZero(predicted & truth) / united : 1.0;
}

double centrelineRecall(const cv::Mat1b& tileClasses, const ClickObject& object)
{
    const int length = cv::countNonZero(object.centreline);
    if (length == 0)
        return 1.0;
    cv::Mat1b nearby;
    cv::dilate(predictedObject(tileClasses, object), nearby, cv::Mat());
    return cv::countNonZero(object.centreline & nearby) / static_cast<double>(length);
}

std::optional<Click> nextObjectClick(const cv::Mat1b& tileClasses, const ClickObject& object, const cv::Mat1b& clicked, cv::Point origin)
{
    const cv::Mat1b predicted = tileClasses(object.box) == object.modelClass;
    const cv::Mat1b truth = object.pixels == kObjectPixel;
    const cv::Mat1b notClicked = clicked(object.box) == 0;
    cv::Mat1f missed = depthInside(truth & ~predicted);
    cv::Mat1f extra = depthInside(predicted & (object.pixels == kBackgroundPixel));
    missed.setTo(0.0f, ~notClicked);
    extra.setTo(0.0f, ~notClicked);
    double missedDepth = 0.0;
    double extraDepth = 0.0;
    cv::Point missedAt, extraAt;
    cv::minMaxLoc(missed, nullptr, &missedDepth, nullptr, &missedAt);
    cv::minMaxLoc(extra, nullptr, &extraDepth, nullptr, &extraAt);
    if (missedDepth <= 0.0 && extraDepth <= 0.0)
        return std::nullopt;
    const bool positive = missedDepth > extraDepth;
    const cv::Point at = (positive ? missedAt : extraAt) + object.box.tl();
    return Click{origin.x + at.x, origin.y + at.y, object.modelClass, positive};
}

std::vector<double> refineObject(const ClickResponse& respond, const ClickObject& object, cv::Point origin, int maxClicks)
{
    const auto score = [&object](const cv::Mat1b& classes) { return object.thin ? centrelineRecall(classes, object) : objectIou(classes, object); };
    std::vector<Click> clicks;
    cv::Mat1b classes = respond(clicks);
    cv::Mat1b clicked = cv::Mat1b::zeros(classes.size());
    std::vector<double> scores{score(classes)};
    while (static_cast<int>(clicks.size()) < maxClicks && !(clicks.size() >= 10 && scores.back() >= 0.9)) {
        const auto click = nextObjectClick(classes, object, clicked, origin);
        if (!click)
            break;
        clicks.push_back(*click);
        clicked(click->row - origin.y, click->column - origin.x) = 1;
        classes = respond(clicks);
        scores.push_back(score(classes));
    }
    scores.resize(maxClicks + 1, scores.back());
    return scores;
}

PaintControl::PaintControl(cv::Mat1b initial, cv::Mat1b truthTile, cv::Point origin)
    : m_initial(std::move(initial)), m_truth(std::move(truthTile)), m_origin(origin)
{
    for (int k = 0; k < kClassCount; ++k)
        m_insideDistance[k] = depthInside(m_truth == k);
}

cv::Mat1b PaintControl::operator()(const std::vector<Click>& clicks) const
{
    cv::Mat1b painted = m_initial.clone();
    for (const Click& click : clicks) {
        const cv::Point at(click.column - m_origin.x, click.row - m_origin.y);
        const int paint = click.positive ? click.modelClass : m_truth(at);
        if (paint == kNoClass)
            continue;
        // The disk stays inside the painted class's truth region.
        const int radius = std::clamp(static_cast<int>(m_insideDistance[paint](at)) - 1, 0, kMaxBrushRadius);
        cv::circle(painted, at, radius, paint, cv::FILLED, cv::LINE_8);
    }
    return painted;
}

LocalCorrectionOracle::LocalCorrectionOracle(cv::Mat1b initial, cv::Mat1b truthTile, cv::Point origin)
    : m_initial(std::move(initial)), m_truth(std::move(truthTile)), m_origin(origin)
{
}

cv::Mat1b LocalCorrectionOracle::operator()(const std::vector<Click>& clicks) const
{
    cv::Mat1b corrected = m_initial.clone();
    for (const Click& click : clicks) {
        const cv::Point at(click.column - m_origin.x, click.row - m_origin.y);
        cv::Mat1i regions;
        cv::connectedComponents((corrected != m_truth) & (m_truth != kNoClass), regions, 8, CV_32S);
        if (const int region = regions(at); region != 0)
            m_truth.copyTo(corrected, regions == region);
    }
    return corrected;
}

NocSummary summariseObjectRuns(const std::vector<std::vector<double>>& runs, int maxClicks)
{
    NocSummary summary;
    summary.objects = static_cast<int>(runs.size());
    if (runs.empty())
        return summary;
    const auto clicksToReach = [maxClicks](const std::vector<double>& run, double target) {
        for (int k = 1; k <= maxClicks; ++k)
            if (run[k] >= target)
                return k;
        return maxClicks;
    };
    constexpr std::array<int, 4> kAfter{1, 3, 5, 10};
    for (const auto& run : runs) {
        summary.noc85 += clicksToReach(run, 0.85);
        summary.noc90 += clicksToReach(run, 0.90);
        summary.failureRate += run[maxClicks] < 0.90 ? 1.0 : 0.0;
        summary.meanBefore += run[0];
        for (std::size_t i = 0; i < kAfter.size(); ++i)
            summary.meanAfter[i] += run[std::min(kAfter[i], maxClicks)];
    }
    const double n = static_cast<double>(runs.size());
    summary.noc85 /= n;
    summary.noc90 /= n;
    summary.failureRate /= n;
    summary.meanBefore /= n;
    for (double& mean : summary.meanAfter)
        mean /= n;
    return summary;
}

} // namespace banquise::models
