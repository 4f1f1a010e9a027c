#pragma once

#include "models/LeadScores.h"
#include "models/Scores.h"

#include <array>

namespace banquise::scene::synthetic {
struct SyntheticTruth;
}

namespace banquise::models {

struct ModelInputs;
struct Prediction;

// A prediction scored against a synthetic scene's truth, beside the classic
// baselines run on the same inputs.
struct Evaluation {
    SegmentationScores segmentation;
    SegmentationScores segmentationOtsu; // Otsu on Lee-filtered HH
    SegmentationScores segmentationKMeans; // k-means on Lee-filtered HH and HV
    // Leads by width (zero when the truth has no lead-width map), the model's
    // and the baselines'.
    LeadScores leads;
    LeadScores leadsOtsu;
    LeadScores leadsKMeans;
    RegressionScores elevation;          // empty (count 0) without elevation
    RegressionScores elevationIdw;
    RegressionScores elevationKriging;
    // Regression kriging of the records on the Lee-filtered HH in dB (a
    // robust line on their footprints' brightness, its residuals kriged):
    // what the SAR's brightness adds to the records without learning.
    RegressionScores elevationRegressionKriging;
    // The same by truth surface (scene::synthetic::SurfaceClass: open water,
    // refrozen lead, floe, ridge), with each surface's share of the squared
    // error over all pixels: where a map loses. On the demo scene ridges, 1 %
    // of the pixels, make two thirds of kriging's squared error.
    struct BySurface {
        std::array<RegressionScores, 4> scores;
        std::array<double, 4> shareOfSquaredError{};
    };
    BySurface elevationBySurface;
    BySurface elevationKrigingBySurface;
    double despecklePsnrDb = 0.0;
    double despecklePsnrLeeDb = 0.0;
    // Mean of despeckled minus speckle-free dB: a calibration offset costs
    // PSNR that no smoothing can win back.
    double despeckleBiasDb = 0.0;
    double despeckleBiasLeeDb = 0.0;
    // Equivalent number of looks on uniform floe windows (0 when the truth
    // has no roughness map): how much speckle is left, beside the input's.
    double despeckleEnl = 0.0;
    double despeckleEnlLee = 0.0;
    double inputEnl = 0.0;
    // Mean predictive entropy on misclassified and on correct pixels.
    double entropyWrong = 0.0;
    double entropyRight = 0.0;
};

Evaluation evaluate(const ModelInputs& inputs, const Prediction& prediction, const scene::synthetic::SyntheticTruth& truth);

} // namespace banquise::models
