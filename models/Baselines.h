#pragma once

#include <opencv2/core/mat.hpp>

namespace banquise::models {

// The classic methods the learned models are scored against, side by side.

// Lee's adaptive speckle filter (1980) on linear intensity: local mean plus a
// gain times the deviation, the gain from local variance against the
// speckle variance of `looks`-look data. NaN pixels stay NaN.
cv::Mat1f leeFilter(const cv::Mat1f& intensity, int window, double looks);

// Window of Lee's filter wherever Banquise uses it: the despeckling
// baseline, and the brightness of the regression-kriging baseline.
constexpr int kLeeWindow = 7;

// Lee's filter of sigma0 given and returned in dB, with kLeeWindow.
cv::Mat1f leeFilteredDb(const cv::Mat1f& sigma0Db, double looks);

// Two-class segmentation of despeckled co-polarised sigma0 (dB): Otsu's
// threshold on the histogram between the 1st and 99th percentiles, dark =
// open lead, bright = floe (it cannot tell refrozen leads), then a
// morphological opening and closing (3x3) against isolated pixels.
// Returns SeaIceClass codes, kNoClass where the input is NaN.
cv::Mat1b otsuSegmentation(const cv::Mat1f& sigma0Db);

// Three-class segmentation as classical practice does it: k-means (k = 3)
// on despeckled co- and cross-polarised sigma0 (dB, each standardised;
// HH alone when hvDb is empty), the clusters named by mean brightness:
// darkest open lead, middle refrozen lead, brightest floe. Deterministic
// (fixed seed, clusters fitted on a regular sample of at most 200 000
// pixels). Returns SeaIceClass codes, kNoClass where an input is NaN.
cv::Mat1b kMeansSegmentation(const cv::Mat1f& hhDb, const cv::Mat1f& hvDb);

} // namespace banquise::models
