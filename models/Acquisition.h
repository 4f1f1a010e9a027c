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

// How much the choice of tiles weighs, besides their scores (min-max
// scaled to 0..1), what their encoder descriptions say.
struct SelectionTerms {
    // Minus this times the largest cosine similarity to the tiles chosen
    // already, so that the queue does not fill with near-identical tiles.
    // As strong as the density term: a near-copy of a chosen tile (the
    // grid's last row of tiles overlaps the one before) is as typical as
    // it, and would otherwise come next (0.3 before density was added).
    double diversity = 1.0;
    // Plus this times the tile's mean similarity to the pool still to be
    // labelled (min-max scaled to 0..1): information density (Settles &
    // Craven 2008), so that uncertain but typical tiles come before
    // uncertain outliers whose labels teach little about the rest.
    double density = 1.0;
};

// The terms a strategy's choice uses: none for random sampling, the
// baseline every other strategy is measured against.
SelectionTerms selectionTermsFor(AcquisitionStrategy strategy, const SelectionTerms& terms);

// Greedy choice of `count` tiles, each time the best scaled score plus the
// terms. Indices into `scores`, best first; `excluded` tiles are never
// chosen nor counted in the pool.
std::vector<int> selectTiles(const std::vector<double>& scores, const std::vector<std::vector<float>>& descriptions, int count,
                             const SelectionTerms& terms, const std::vector<bool>& excluded = {});

} // namespace banquise::models
