#pragma once

#include "models/Acquisition.h"

#include <opencv2/core/mat.hpp>

#include <random>
#include <vector>

namespace banquise::models {

// Pixels the model asks about (PixelPick, Shin et al., ICCV 2021): instead
// of whole tiles, a few single pixels per tile, each answered with its
// class only.

// Each pixel's uncertainty under `strategy`, higher where the model is
// less sure: predictive entropy, BALD mutual information, or one minus the
// margin between the two best classes; NaN where there is no prediction.
// Empty for random sampling.
cv::Mat1f pixelUncertainty(const Prediction& prediction, AcquisitionStrategy strategy);

// The share of a tile's most uncertain pixels the queries are drawn from:
// the top alone would cluster on one ambiguous edge.
constexpr double kQueryTopShare = 0.05;

// `count` pixels of `tile` (grid coordinates) not yet labelled (`labels`
// holds kNoClass there), drawn uniformly among the tile's `topShare` most
// uncertain unlabelled ones, or among all of them when `uncertainty` is
// empty (random sampling). Fewer when the tile has fewer to give.
// Reproducible for a given generator state.
std::vector<cv::Point> pickPixels(const cv::Mat1f& uncertainty, const cv::Rect& tile, const cv::Mat1b& labels, int count, std::mt19937& rng,
                                  double topShare = kQueryTopShare);

} // namespace banquise::models
