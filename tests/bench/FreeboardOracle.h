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
    // The least-squares line of freeboard on brightness over the records on
    // floes, then kriging of what brightness leaves unexplained.
    std::vector<std::size_t> onFloes;
    std::vector<float> values, brightness;
    for (std::size_t k = 0; k < samples.size(); ++k)
        if (recordFloe[k] > 0.9f && std::isfinite(recordDb[k])) {
            onFloes.push_back(k);
            values.push_back(static_cast<float>(samples[k].value));
            brightness.push_back(recordDb[k]);
        }
    if (onFloes.size() < 10)
        return oracleFreeboardRmse(inputs, folder);
    const models::RegressionScores line = models::scoreRegression(values, brightness);
    std::vector<models::PointSample> residuals;
    for (const std::size_t k : onFloes)
        residuals.push_back({samples[k].col, samples[k].row, samples[k].value - (line.intercept + line.slope * recordDb[k])});
    const cv::Mat1f kriged = models::ordinaryKriging(residuals, models::fitVariogram(residuals), db.size(), 4);
    const cv::Mat1f floes = kriged + db * static_cast<float>(line.slope) + static_cast<float>(line.intercept);
    return oracleFreeboardRmse(inputs, folder, floes);
}

} // namespace banquise::bench
