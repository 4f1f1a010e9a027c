#include "models/Baselines.h"

#include "models/Decibels.h"
#include "models/SeaIceClasses.h"

#include <opencv2/core.hpp> // cv::kmeans
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace banquise::models {

cv::Mat1f leeFilter(const cv::Mat1f& intensity, int window, double looks)
{
    const cv::Mat1b valid = intensity == intensity; // false on NaN
    cv::Mat1f filled = intensity.clone();
    filled.setTo(0.0f, ~valid);
    cv::Mat1f validF;
    valid.convertTo(validF, CV_32F, 1.0 / 255.0);
    // Box means over valid pixels only, so no-data does not darken edges.
    cv::Mat1f sum, sumSq, count;
    const cv::Size box(window, window);
    cv::boxFilter(filled, sum, CV_32F, box, {-1, -1}, false, cv::BORDER_REFLECT);
    cv::boxFilter(filled.mul(filled), sumSq, CV_32F, box, {-1, -1}, false, cv::BORDER_REFLECT);
    cv::boxFilter(validF, count, CV_32F, box, {-1, -1}, false, cv::BORDER_REFLECT);
    const float speckleVariance = static_cast<float>(1.0 / looks); // squared coefficient of variation
    cv::Mat1f out(intensity.size());
    for (int r = 0; r < out.rows; ++r)
        for (int c = 0; c < out.cols; ++c) {
            if (!valid(r, c) || count(r, c) < 1.0f) {
                out(r, c) = std::nanf("");
                continue;
            }
            const float mean = sum(r, c) / count(r, c);
            const float variance = std::max(0.0f, sumSq(r, c) / count(r, c) - mean * mean);
            // Variance of the underlying reflectivity, from var = (mean^2 + varX) Cu^2 + varX.
            const float signalVariance = std::max(0.0f, (variance - mean * mean * speckleVariance) / (1.0f + speckleVariance));
            const float gain = variance > 0.0f ? signalVariance / variance : 0.0f;
            out(r, c) = mean + gain * (intensity(r, c) - mean);
        }
    return out;
}

cv::Mat1f leeFilteredDb(const cv::Mat1f& sigma0Db, double looks)
{
    // Band by band, each with the window's reach of rows around it (so the
    // result is the whole image's): over a 10 000² grid the filter's
    // temporaries would take ~3 GB at once.
    constexpr int kBandRows = 512;
    constexpr int kReach = kLeeWindow / 2;
    cv::Mat1f out(sigma0Db.size());
    for (int top = 0; top < sigma0Db.rows; top += kBandRows) {
        const int bottom = std::min(sigma0Db.rows, top + kBandRows);
        const int from = std::max(0, top - kReach);
        const int to = std::min(sigma0Db.rows, bottom + kReach);
        const cv::Mat1f band = toDecibels(leeFilter(toLinear(sigma0Db.rowRange(from, to)), kLeeWindow, looks));
        band.rowRange(top - from, bottom - from).copyTo(out.rowRange(top, bottom));
    }
    return out;
}

cv::Mat1b otsuSegmentation(const cv::Mat1f& sigma0Db)
{
    const cv::Mat1b valid = sigma0Db == sigma0Db;
    std::vector<float> values;
    values.reserve(sigma0Db.total());
    for (int r = 0; r < sigma0Db.rows; ++r)
        for (int c = 0; c < sigma0Db.cols; ++c)
            if (valid(r, c))
                values.push_back(sigma0Db(r, c));
    cv::Mat1b classes(sigma0Db.size(), kNoClass);
    if (values.empty())
        return classes;
    // The histogram spans the 1st to 99th percentiles: bright ridges and
    // outliers otherwise pull Otsu's split between ridges and the rest.
    const auto low = values.begin() + static_cast<std::ptrdiff_t>(0.01 * (values.size() - 1));
    std::nth_element(values.begin(), low, values.end());
    const float lowDb = *low;
    const auto high = values.begin() + static_cast<std::ptrdiff_t>(0.99 * (values.size() - 1));
    std::nth_element(values.begin(), high, values.end());
    const float highDb = *high;
    const double scale = highDb > lowDb ? 255.0 / (highDb - lowDb) : 1.0;
    cv::Mat1b scaled;
    sigma0Db.convertTo(scaled, CV_8U, scale, -lowDb * scale); // saturates outside the percentiles
    // Otsu over valid pixels only: OpenCV's version takes no mask.
    cv::Mat1b validValues;
    for (int r = 0; r < scaled.rows; ++r)
        for (int c = 0; c < scaled.cols; ++c)
            if (valid(r, c))
                validValues.push_back(scaled(r, c));
    cv::Mat1b ice;
    const double threshold = cv::threshold(validValues, ice, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::threshold(scaled, ice, threshold, 255, cv::THRESH_BINARY);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
    cv::morphologyEx(ice, ice, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(ice, ice, cv::MORPH_CLOSE, kernel);
    classes.setTo(kOpenLead, valid);
    classes.setTo(kFloe, ice & valid);
    return classes;
}

cv::Mat1b kMeansSegmentation(const cv::Mat1f& hhDb, const cv::Mat1f& hvDb)
{
    const bool dual = !hvDb.empty();
    const cv::Mat1b valid = dual ? (hhDb == hhDb) & (hvDb == hvDb) : (hhDb == hhDb);
    const int features = dual ? 2 : 1;
    cv::Mat1b classes(hhDb.size(), kNoClass);
    const int count = cv::countNonZero(valid);
    if (count < 3)
        return classes;
    // Standardise each feature over the valid pixels, so neither dominates.
    std::array<double, 2> mean{};
    std::array<double, 2> spread{1.0, 1.0};
    for (int f = 0; f < features; ++f) {
        cv::Scalar m, s;
        cv::meanStdDev(f == 0 ? hhDb : hvDb, m, s, valid);
        mean[f] = m[0];
        spread[f] = s[0] > 0.0 ? s[0] : 1.0;
    }
    auto feature = [&](int r, int c, int f) {
        return static_cast<float>(((f == 0 ? hhDb(r, c) : hvDb(r, c)) - mean[f]) / spread[f]);
    };
    const int step = std::max(1, count / 200000);
    cv::Mat1f sample;
    int seen = 0;
    for (int r = 0; r < hhDb.rows; ++r)
        for (int c = 0; c < hhDb.cols; ++c)
            if (valid(r, c) && seen++ % step == 0) {
                cv::Mat1f row(1, features);
                for (int f = 0; f < features; ++f)
                    row(0, f) = feature(r, c, f);
                sample.push_back(row);
            }
    cv::Mat labels;
    cv::Mat1f centres;
    cv::theRNG().state = 12345; // k-means++ seeding draws from OpenCV's global generator
    cv::kmeans(sample, 3, labels, cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, 100, 1e-4), 3,
               cv::KMEANS_PP_CENTERS, centres);
    // Darkest cluster open lead, middle refrozen lead, brightest floe.
    std::array<int, 3> order{0, 1, 2};
    auto brightness = [&](int k) {
        double sum = 0.0;
        for (int f = 0; f < features; ++f)
            sum += centres(k, f) * spread[f] + mean[f];
        return sum;
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return brightness(a) < brightness(b); });
    std::array<std::uint8_t, 3> classOf{};
    classOf[order[0]] = kOpenLead;
    classOf[order[1]] = kRefrozenLead;
    classOf[order[2]] = kFloe;
    for (int r = 0; r < hhDb.rows; ++r)
        for (int c = 0; c < hhDb.cols; ++c) {
            if (!valid(r, c))
                continue;
            int best = 0;
            double bestDistance = 1e30;
            for (int k = 0; k < 3; ++k) {
                double d = 0.0;
                for (int f = 0; f < features; ++f)
                    d += std::pow(feature(r, c, f) - centres(k, f), 2);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            classes(r, c) = classOf[best];
        }
    return classes;
}

} // namespace banquise::models
