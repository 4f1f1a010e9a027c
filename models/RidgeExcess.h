#pragma once

#include "models/Prediction.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace banquise::models {

struct FootprintRecord;

// Pressure ridges stand far above the level ice around them but are one or
// two SAR pixels wide: an altimeter footprint (hundreds of pixels) averages
// them away, so neither kriging nor a smooth correction of it can place
// their height. SAR shows them as bright lines; the records, read against
// the kriged level-ice map, say how high they stand on average.

// Pixels of `despeckledDb` brighter than their 5 x 5 median by more than
// kRidgeContrastDb, among ice: thin bright lines (a floe's own texture and
// edges stay below it) whose 5 x 5 neighbourhood `classes` calls floe
// (SeaIceClass; kNoClass counts as floe). NaN pixels are never ridges, nor
// make a neighbour one.
constexpr float kRidgeContrastDb = 3.5f;
cv::Mat1b detectRidges(const cv::Mat1f& despeckledDb, const cv::Mat1b& classes);

// The mean height of ridges above the level ice, from altimeter records:
// weighted least squares (weights 1/sigma^2) of each record's excess over
// the level-ice map's footprint mean on its footprint's ridge fraction.
// `records` counts those whose footprint holds a ridge; 0 means no estimate.
// Few records (a small scene, one short track) leave it too uncertain to
// use: ridges stand above the ice, so an excess within two sigmas of zero
// (or below it) is not measured.
struct RidgeExcess {
    double metres = 0.0;
    double sigma = 0.0; // one-sigma uncertainty of `metres`
    int records = 0;
    bool known() const { return records > 0; }
    bool measured() const { return known() && metres > 2.0 * sigma; }
};
RidgeExcess estimateRidgeExcess(const cv::Mat1b& ridges, const cv::Mat1f& levelIce, const std::vector<FootprintRecord>& records);

// Ridge pixels of `elevation` become the level ice there plus the excess,
// and their `elevationStd` takes the excess's uncertainty in quadrature;
// nothing changes unless the excess is measured.
void raiseRidges(cv::Mat1f& elevation, cv::Mat1f& elevationStd, const cv::Mat1b& ridges, const cv::Mat1f& levelIce,
                 const RidgeExcess& excess);

// A sink that raises the ridges detected on the despeckled map of the bands
// it is handed onto their freeboard (the kriged prior being the level ice)
// before passing them to `next`. A ridge is found from the two rows on
// either side, so a band is held until the rows below it arrive and the
// result is that of the whole grid. `next` itself when the excess is not
// measured; bands without freeboard pass unchanged.
PredictionRowsSink raisingDetectedRidges(const cv::Mat1f& prior, const RidgeExcess& excess, PredictionRowsSink next);

} // namespace banquise::models
