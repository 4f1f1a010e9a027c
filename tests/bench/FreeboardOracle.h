#pragma once

#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <string>

namespace banquise::bench {

// The ceiling of "classes plus kriging": freeboard RMSE of a map that knows
// each cell's exact class fractions (a perfect sub-pixel segmentation) and
// the generator's mean heights (open water 0, nilas 0.04 m, ridges 1.4 m),
// with the kriged records for the floes. SAR tells floes' freeboard apart
// no further than this in a world where floe roughness and thickness are
// drawn independently.
inline double oracleFreeboardRmse(const models::ModelInputs& inputs, const std::string& folder)
{
    namespace synthetic = scene::synthetic;
    const std::string file = folder + "/truth/class_fraction.tif";
    const cv::Mat1f oracle = synthetic::readFloatRaster(file, 1 + synthetic::kRefrozenLead) * 0.04f
        + synthetic::readFloatRaster(file, 1 + synthetic::kRidge) * 1.4f
        + synthetic::readFloatRaster(file, 1 + synthetic::kFloe).mul(inputs.freeboardPrior);
    return models::scoreRegression(oracle, synthetic::readSyntheticTruth(folder).freeboard).rmse;
}

} // namespace banquise::bench
