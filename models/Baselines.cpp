#include "models/Baselines.h"

#include "models/SeaIceClasses.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

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
    double low = 0.0;
    double high = 0.0;
    cv::minMaxLoc(sigma0Db, &low, &high, nullptr, nullptr, valid);
    cv::Mat1b scaled;
    sigma0Db.convertTo(scaled, CV_8U, high > low ? 255.0 / (high - low) : 1.0, high > low ? -low * 255.0 / (high - low) : 0.0);
    // Otsu over valid pixels only: OpenCV's version takes no mask, so the
    // threshold comes from the valid pixels' histogram.
    cv::Mat1b values;
    for (int r = 0; r < scaled.rows; ++r)
        for (int c = 0; c < scaled.cols; ++c)
            if (valid(r, c))
                values.push_back(scaled(r, c));
    cv::Mat1b ice;
    const double threshold = values.empty() ? 128.0 : cv::threshold(values, ice, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::threshold(scaled, ice, threshold, 255, cv::THRESH_BINARY);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
    cv::morphologyEx(ice, ice, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(ice, ice, cv::MORPH_CLOSE, kernel);
    cv::Mat1b classes(sigma0Db.size(), kOpenLead);
    classes.setTo(kFloe, ice);
    classes.setTo(kNoClass, ~valid);
    return classes;
}

} // namespace banquise::models
