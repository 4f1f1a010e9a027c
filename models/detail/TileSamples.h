#pragma once

// Private to models/: Monte-Carlo samples of one tile reduced to its planes.
#include "models/detail/TiledPrediction.h"

#include <torch/torch.h>

namespace banquise::models::detail {

// Accumulates the class logits and elevations of MC-dropout samples of a
// tile; finish() gives the mean class probabilities, their predictive
// entropy, the mean elevation and its standard deviation.
class TileSamples {
public:
    TileSamples(int height, int width, const torch::TensorOptions& options);
    // logits 1 x C x H x W; elevation 1 x 1 x H x W or undefined.
    void add(const torch::Tensor& logits, const torch::Tensor& elevation);
    // despeckledDb H x W (dB) or undefined (NaN plane).
    TileOutput finish(const torch::Tensor& despeckledDb) const;

private:
    int m_count = 0;
    torch::Tensor m_probabilitySum;
    torch::Tensor m_entropySum;
    torch::Tensor m_elevationSum;
    torch::Tensor m_elevationSquares;
};

} // namespace banquise::models::detail
