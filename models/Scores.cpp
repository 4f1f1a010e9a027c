#include "models/Scores.h"

#include "scene/synthetic/IceTruth.h"

#include <cmath>
#include <limits>

namespace banquise::models {

SegmentationScores scoreSegmentation(const cv::Mat1b& predicted, const cv::Mat1b& truth)
{
    CV_Assert(predicted.size() == truth.size());
    std::array<std::size_t, kClassCount> intersection{};
    std::array<std::size_t, kClassCount> predictedCount{};
    std::array<std::size_t, kClassCount> truthCount{};
    SegmentationScores scores;
    std::size_t correct = 0;
    for (int r = 0; r < truth.rows; ++r)
        for (int c = 0; c < truth.cols; ++c) {
            const std::uint8_t p = predicted(r, c);
            const std::uint8_t t = truth(r, c);
            if (p >= kClassCount || t >= kClassCount)
                continue;
            ++scores.pixels;
            ++predictedCount[p];
            ++truthCount[t];
            if (p == t) {
                ++intersection[p];
                ++correct;
            }
        }
    int present = 0;
    double sum = 0.0;
    for (int k = 0; k < kClassCount; ++k) {
        const std::size_t unionCount = predictedCount[k] + truthCount[k] - intersection[k];
        scores.iou[k] = unionCount ? static_cast<double>(intersection[k]) / unionCount : std::numeric_limits<double>::quiet_NaN();
        if (unionCount) {
            sum += scores.iou[k];
            ++present;
        }
    }
    scores.meanIou = present ? sum / present : 0.0;
    scores.accuracy = scores.pixels ? static_cast<double>(correct) / scores.pixels : 0.0;
    return scores;
}

RegressionScores scoreRegression(const cv::Mat1f& predicted, const cv::Mat1f& truth)
{
    CV_Assert(predicted.size() == truth.size());
    double sumP = 0.0, sumT = 0.0, sumPP = 0.0, sumTT = 0.0, sumPT = 0.0, sumD2 = 0.0, sumAbs = 0.0;
    RegressionScores scores;
    for (int r = 0; r < truth.rows; ++r)
        for (int c = 0; c < truth.cols; ++c) {
            const double p = predicted(r, c);
            const double t = truth(r, c);
            if (!std::isfinite(p) || !std::isfinite(t))
                continue;
            ++scores.count;
            sumP += p;
            sumT += t;
            sumPP += p * p;
            sumTT += t * t;
            sumPT += p * t;
            sumD2 += (p - t) * (p - t);
            sumAbs += std::abs(p - t);
        }
    if (!scores.count)
        return scores;
    const double n = static_cast<double>(scores.count);
    scores.rmse = std::sqrt(sumD2 / n);
    scores.bias = (sumP - sumT) / n;
    scores.mae = sumAbs / n;
    const double covariance = sumPT / n - sumP / n * sumT / n;
    const double varianceP = sumPP / n - sumP / n * sumP / n;
    const double varianceT = sumTT / n - sumT / n * sumT / n;
    scores.correlation = varianceP > 0.0 && varianceT > 0.0 ? covariance / std::sqrt(varianceP * varianceT) : 0.0;
    return scores;
}

double psnrDb(const cv::Mat1f& estimateDb, const cv::Mat1f& truthDb)
{
    const RegressionScores error = scoreRegression(estimateDb, truthDb);
    float low = std::numeric_limits<float>::max();
    float high = std::numeric_limits<float>::lowest();
    for (float v : truthDb)
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    if (!error.count || error.rmse <= 0.0)
        return std::numeric_limits<double>::infinity();
    return 20.0 * std::log10((high - low) / error.rmse);
}

cv::Mat1b classesFromSurfaceCodes(const cv::Mat1b& surface)
{
    namespace truth = scene::synthetic;
    cv::Mat1b classes(surface.size());
    for (int r = 0; r < surface.rows; ++r)
        for (int c = 0; c < surface.cols; ++c) {
            switch (surface(r, c)) {
            case truth::kOpenWater: classes(r, c) = kOpenLead; break;
            case truth::kRefrozenLead: classes(r, c) = kRefrozenLead; break;
            case truth::kFloe:
            case truth::kRidge: classes(r, c) = kFloe; break;
            default: classes(r, c) = kNoClass;
            }
        }
    return classes;
}

} // namespace banquise::models
