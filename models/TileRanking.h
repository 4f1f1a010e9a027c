#pragma once

#include "models/Acquisition.h"

#include <opencv2/core/types.hpp>

#include <random>
#include <vector>

namespace banquise::models {

struct ModelInputs;

struct RankedTile {
    int index = 0; // into the candidate tiles
    cv::Rect tile;
    double score = 0.0; // the strategy's score
};

// The tiles to annotate next, best first (DIAL's selection): each tile
// scored by the strategy on the prediction, then `count` of them chosen
// with the selection terms, the model's encoder describing the tiles only
// when a term needs it; `excluded` tiles (held out, labelled already) are
// never chosen. The one ranking the window's queue and the simulated
// sessions share.
std::vector<RankedTile> rankTiles(const SeaIceModel& model, const ModelInputs& inputs, const Prediction& prediction,
                                  const std::vector<cv::Rect>& tiles, AcquisitionStrategy strategy, const SelectionTerms& terms, int count,
                                  const std::vector<bool>& excluded, std::mt19937& rng);

} // namespace banquise::models
