#pragma once

#include "models/Decibels.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SpatialInterpolation.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cmath>
#include <string>
#include <vector>

namespace banquise::bench {

// The ceiling of "classes plus kriging": freeboard RMSE of a map that knows
// each cell's exact class fractions (a perfect sub-pixel segmentation) and
// the generator's mean heights (open water 0, nilas 0.04 m, ridges 1.4 m),
// with `floes` (default: the kriged records) for the floes.
inline double oracleFreeboardRmse(const models::ModelInputs& inputs, const std::string& folder, const cv::Mat1f& floes = {})
{
    namespace synthetic = scene::synthetic;
    const std::string file = folder + "/truth/class_fraction.tif";
    const cv::Mat1f oracle = synthetic::readFloatRaster(file, 1 + synthetic::kRefrozenLead) * 0.04f
        + synthetic::readFloatRaster(file, 1 + synthetic::kRidge) * 1.4f
        + synthetic::readFloatRaster(file, 1 + synthetic::kFloe).mul(floes.empty() ? inputs.freeboardPrior : floes);
    return models::scoreRegression(oracle, synthetic::readSyntheticTruth(folder).freeboard).rmse;
}

// The same ceiling with floes mapped as a SAR-guided map at best could:
// regression kriging (kriging with an external drift) of the records on the
// speckle-free HH in dB, so a floe that is brighter (multiyear, deformed)
// is mapped higher by as much as the records say brightness is worth. It
// bounds what the exact classes plus the SAR's brightness tell of freeboard.
inline double oracleFreeboardWithSarRmse(const models::ModelInputs& inputs, const std::string& folder)
{
    namespace synthetic = scene::synthetic;
    const cv::Mat1f db = models::toDecibels(synthetic::readSyntheticTruth(folder).sigma0Hh);
    const cv::Mat1f floe = synthetic::readFloatRaster(folder + "/truth/class_fraction.tif", 1 + synthetic::kFloe);
    const std::vector<float> recordDb = models::footprintMeans(db, inputs.records);
    const std::vector<float> recordFloe = models::footprintMeans(floe, inputs.records);
    const std::vector<models::PointSample> samples = models::recordSamples(inputs);
    // Regression kriging along the least-squares line of freeboard on
    // brightness over the records on floes.
    std::vector<models::PointSample> onFloes;
    std::vector<float> values, brightness;
    for (std::size_t k = 0; k < samples.size(); ++k)
        if (recordFloe[k] > 0.9f && std::isfinite(recordDb[k])) {
            onFloes.push_back(samples[k]);
            values.push_back(static_cast<float>(samples[k].value));
            brightness.push_back(recordDb[k]);
        }
    if (onFloes.size() < 10)
        return oracleFreeboardRmse(inputs, folder);
    const models::RegressionScores fit = models::scoreRegression(values, brightness);
    return oracleFreeboardRmse(inputs, folder, models::regressionKriging(onFloes, brightness, db, {fit.intercept, fit.slope}, 4));
}

} // namespace banquise::bench
