#pragma once

#include "models/SeaIceModel.h" // Prediction

#include <opencv2/core/types.hpp>

#include <random>
#include <string>
#include <vector>

namespace banquise::models {

// How active learning picks the next tiles to annotate (DIAL's selection):
// at random, or where the model is least sure: high predictive entropy, a
// small margin between its two best classes, or high BALD mutual
// information between the prediction and the MC-dropout weights.
enum class AcquisitionStrategy { Random, Entropy, Margin, Bald };

std::string toString(AcquisitionStrategy strategy);
// Throws std::invalid_argument on an unknown name.
AcquisitionStrategy acquisitionStrategyFromString(const std::string& name);

// Non-overlapping square tiles covering the grid (the last row and column
// shifted inside it).
std::vector<cv::Rect> candidateTiles(cv::Size grid, int tileSize);

// A tile's score: the mean over its pixels of the strategy's uncertainty
// (NaN pixels ignored), or a uniform random number.
std::vector<double> scoreTiles(const Prediction& prediction, const std::vector<cv::Rect>& tiles, AcquisitionStrategy strategy,
                               std::mt19937& rng);

// Greedy choice of `count` tiles: each time the highest score (scores are
// min-max scaled to 0..1) minus `diversity` times the largest cosine
// similarity of the tile's encoder description to those chosen already,
// so that the queue does not fill with near-identical tiles. Indices into
// `scores`, best first; `excluded` tiles are never chosen.
std::vector<int> selectTiles(const std::vector<double>& scores, const std::vector<std::vector<float>>& descriptions, int count,
                             double diversity, const std::vector<bool>& excluded = {});

} // namespace banquise::models
