#pragma once

// Private to models/: the training terms, each a scalar tensor that is zero
// for a perfect prediction (hand-computed cases in tests/models).
#include <torch/torch.h>

namespace banquise::models::detail {

// Weak supervision by coarse concentration: for every cell k (the flat
// pixels cellPixel[i] where cellIndex[i] == k), the mean ice probability
// over the cell's pixels must equal its concentration; squared errors
// weighted by the cells' pixel counts. A pixel may be in several cells, one
// per source (a radiometer's grid and a chart's polygons).
torch::Tensor concentrationLoss(const torch::Tensor& iceProbability, const torch::Tensor& cellPixel, const torch::Tensor& cellIndex,
                                const torch::Tensor& cellConcentration);

// Cross-entropy on uncertain labels: logits N x C x H x W, labels N x H x W
// (int64, -1 = none), each pixel weighted by its confidence; normalised by
// the confidence sum.
torch::Tensor pseudoLabelLoss(const torch::Tensor& logits, const torch::Tensor& labels, const torch::Tensor& confidence);

// Altimeter likelihood: record r's footprint mean of the elevation (pixels
// `pixel` of the flattened map with weights `weight`, grouped by `record`)
// must equal value[r] within sigma[r]: mean of 0.5 ((mean - value) / sigma)^2.
torch::Tensor footprintLoss(const torch::Tensor& elevation, const torch::Tensor& pixel, const torch::Tensor& record,
                            const torch::Tensor& weight, const torch::Tensor& value, const torch::Tensor& sigma);

// Leads sit at sea level: mean over pixels of p(open lead) * elevation^2,
// on pixels predicted open lead (p > 0.5) only, with p taken as given: a
// small lead probability everywhere would otherwise pull every floe down,
// and the elevation would teach the classes.
torch::Tensor seaLevelLoss(const torch::Tensor& openLeadProbability, const torch::Tensor& elevation);

// Gaussian prior on the correction of the kriged map: mean of c^2. Away from
// records and leads the map stays the kriged one.
torch::Tensor correctionPrior(const torch::Tensor& correction);

// Speckle negative log-likelihood of observed intensities I under a
// predicted log reflectivity r (gamma speckle, per look), shifted so its
// minimum, reached at r = log I, is zero: mean(r - log I + I exp(-r) - 1).
torch::Tensor speckleLoss(const torch::Tensor& logReflectivity, const torch::Tensor& intensity);

// Mean class entropy (nats) of logits N x C x H x W.
torch::Tensor entropyLoss(const torch::Tensor& logits);

} // namespace banquise::models::detail
