#pragma once

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::models {

// A point measurement at continuous pixel coordinates of a grid.
struct PointSample {
    double col = 0.0;
    double row = 0.0;
    double value = 0.0;
};

// Exponential variogram: gamma(h) = nugget + partialSill * (1 - exp(-h / range)), h in pixels.
struct Variogram {
    double nugget = 0.0;
    double partialSill = 1.0;
    double range = 1.0;
    double covariance(double h) const;
};

// Weighted least squares fit of an exponential variogram to the empirical
// semivariance of the samples (pair distances binned up to half the largest).
Variogram fitVariogram(const std::vector<PointSample>& samples);

// The two geostatistical baselines of the elevation map, evaluated every
// `step` pixels and resampled bilinearly to `size` (both fields are smooth at
// that scale; it keeps the cost at samples x pixels / step^2).
// Inverse-distance weighting with power 2 over every sample.
cv::Mat1f inverseDistanceWeighting(const std::vector<PointSample>& samples, cv::Size size, int step);
// Ordinary kriging with an exponential variogram, in its dual form: one
// linear solve for all samples, then a weighted sum of covariances per pixel.
// The nugget is treated as measurement noise and filtered: the map passes
// near, not through, noisy samples (exactly through them when it is zero).
cv::Mat1f ordinaryKriging(const std::vector<PointSample>& samples, const Variogram& variogram, cv::Size size, int step);

// A straight line value = intercept + slope * covariate.
struct DriftLine {
    double intercept = 0.0;
    double slope = 0.0;
    double at(double covariate) const { return intercept + slope * covariate; }
};

// The samples' line on a covariate, fitted robustly (Huber weights at 1.345
// robust standard deviations, by iteratively reweighted least squares):
// samples far off the line (a lead that wind roughening made bright) weigh
// little. Samples whose covariate is not finite are left out; a flat line
// at the median when fewer than three remain or the covariate does not vary.
DriftLine fitDriftLine(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples);

// Regression kriging (kriging with an external drift fitted first): the
// line of the samples on a covariate map, plus ordinary kriging of what the
// line leaves. Where the covariate is not finite the line takes the samples'
// median covariate. `covariateAtSamples` is the covariate as each sample
// sees it (its footprint's mean).
cv::Mat1f regressionKriging(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples,
                            const cv::Mat1f& covariate, int step);
// The same along a line fitted elsewhere (e.g. by least squares).
cv::Mat1f regressionKriging(const std::vector<PointSample>& samples, const std::vector<float>& covariateAtSamples,
                            const cv::Mat1f& covariate, const DriftLine& line, int step);

} // namespace banquise::models
