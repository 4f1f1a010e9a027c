#include "models/Scores.h"

#include "scene/synthetic/IceTruth.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace banquise::models {

namespace {

// Makes a normal distribution's median absolute deviation its standard deviation.
constexpr double kNmadScale = 1.4826;

// Median of the values (reordered), the mean of the two middle ones for an even count.
double medianOf(std::vector<float>& values)
{
    if (values.empty())
        return 0.0;
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + middle, values.end());
    const double upper = values[middle];
    if (values.size() % 2)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + middle);
    return 0.5 * (lower + upper);
}

} // namespace

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

RegressionScores scoreRegression(const std::vector<float>& predicted, const std::vector<float>& truth)
{
    CV_Assert(predicted.size() == truth.size());
    // Two passes (means, then centred sums) keep the variances exact for
    // elevations of a few centimetres over millions of pixels.
    RegressionScores scores;
    double sumP = 0.0, sumT = 0.0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        if (std::isfinite(predicted[i]) && std::isfinite(truth[i])) {
            ++scores.count;
            sumP += predicted[i];
            sumT += truth[i];
        }
    if (!scores.count)
        return scores;
    const double n = static_cast<double>(scores.count);
    const double meanP = sumP / n;
    const double meanT = sumT / n;
    double sumPP = 0.0, sumTT = 0.0, sumPT = 0.0, sumD2 = 0.0, sumAbs = 0.0;
    std::vector<float> differences;
    differences.reserve(scores.count);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const double p = predicted[i];
        const double t = truth[i];
        if (!std::isfinite(p) || !std::isfinite(t))
            continue;
        sumPP += (p - meanP) * (p - meanP);
        sumTT += (t - meanT) * (t - meanT);
        sumPT += (p - meanP) * (t - meanT);
        sumD2 += (p - t) * (p - t);
        sumAbs += std::abs(p - t);
        differences.push_back(static_cast<float>(p - t));
    }
    scores.rmse = std::sqrt(sumD2 / n);
    scores.bias = meanP - meanT;
    scores.mae = sumAbs / n;
    scores.correlation = sumPP > 0.0 && sumTT > 0.0 ? sumPT / std::sqrt(sumPP * sumTT) : 0.0;
    scores.slope = sumTT > 0.0 ? sumPT / sumTT : 0.0;
    scores.intercept = meanP - scores.slope * meanT;
    const double median = medianOf(differences);
    for (float& d : differences)
        d = std::abs(d - static_cast<float>(median));
    scores.nmad = kNmadScale * medianOf(differences);
    return scores;
}

RegressionScores scoreRegression(const cv::Mat1f& predicted, const cv::Mat1f& truth)
{
    CV_Assert(predicted.size() == truth.size());
    const auto values = [](const cv::Mat1f& m) {
        std::vector<float> v;
        v.reserve(m.total());
        for (int r = 0; r < m.rows; ++r)
            v.insert(v.end(), m.ptr<float>(r), m.ptr<float>(r) + m.cols);
        return v;
    };
    return scoreRegression(values(predicted), values(truth));
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
