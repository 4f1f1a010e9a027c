#pragma once

#include <opencv2/core/mat.hpp>

namespace banquise::models {

// 10 log10 of linear power, NaN where it is not positive; and back.
cv::Mat1f toDecibels(const cv::Mat1f& linear);
cv::Mat1f toLinear(const cv::Mat1f& decibels);

} // namespace banquise::models
