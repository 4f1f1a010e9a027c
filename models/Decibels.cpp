#include "models/Decibels.h"

#include <cmath>

namespace banquise::models {

cv::Mat1f toDecibels(const cv::Mat1f& linear)
{
    cv::Mat1f db(linear.size());
    for (int r = 0; r < linear.rows; ++r)
        for (int c = 0; c < linear.cols; ++c)
            db(r, c) = linear(r, c) > 0.0f ? 10.0f * std::log10(linear(r, c)) : std::nanf("");
    return db;
}

cv::Mat1f toLinear(const cv::Mat1f& decibels)
{
    cv::Mat1f linear(decibels.size());
    for (int r = 0; r < decibels.rows; ++r)
        for (int c = 0; c < decibels.cols; ++c)
            linear(r, c) = std::pow(10.0f, decibels(r, c) / 10.0f);
    return linear;
}

} // namespace banquise::models
