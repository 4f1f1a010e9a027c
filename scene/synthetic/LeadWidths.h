#pragma once

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::scene::synthetic {

// Lead widths (metres) sampled along the leads' centre lines: one sample per
// medial-axis pixel of the lead mask (non-zero = lead), the width twice its
// distance to the nearest non-lead pixel. Per unit length, as lead-width
// distributions are measured on Sentinel-2 lead maps.
std::vector<double> leadWidthSamples(const cv::Mat1b& leads, double pixelSize);

// Maximum-likelihood exponent a of the power law p(w) ~ w^-a truncated to
// [low, high], fitted on the samples within it; 0 with fewer than 20 of them.
double fitPowerLawExponent(const std::vector<double>& samples, double low, double high);

} // namespace banquise::scene::synthetic
