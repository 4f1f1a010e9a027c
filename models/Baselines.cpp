#include "models/Baselines.h"

#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
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

} // namespace banquise::models
