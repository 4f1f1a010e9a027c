#pragma once

#include "models/ElevationComparison.h"
#include "models/LeaveOneTrackOut.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace banquise::models {
struct ModelInputs;
}

namespace banquise::app {

struct ComparisonSources;

// SWOT's pixel: maps finer than this are averaged over it before the comparison.
constexpr double kSwotPixelMetres = 250.0;

struct ComparisonRunOptions {
    bool leaveOneTrackOut = true; // needs the scene's model inputs
    models::TrainingOptions training;
    models::PredictionOptions prediction;
};

// Every figure of a validation section, from the aligned maps.
struct ComparisonOutcome {
    int footprintWindow = 1; // pixels averaged to SWOT's 250 m
    models::ElevationComparison predictionVsSwot;
    std::optional<models::ElevationComparison> krigingVsSwot;
    // Prediction, kriging and SWOT against a synthetic scene's truth (native resolution).
    std::vector<std::pair<std::string, models::RegressionScores>> againstTruth;
    std::optional<models::LeaveOneTrackOut> leaveOneTrackOut;
    // (what, value) of the settings used, for the report's provenance.
    std::vector<std::pair<std::string, std::string>> parameters;
};

// `feedback` cancels the leave-one-track-out trainings (SceneError "training cancelled").
ComparisonOutcome runComparison(const ComparisonSources& sources, const models::ModelInputs* inputs, const ComparisonRunOptions& options,
                                const std::function<void(const std::string&)>& progress = {}, scene::Feedback* feedback = nullptr);

// The outcome as rows named by their comparison ("prediction vs SWOT",
// "LOTO kriging", ...), in the order of the report's table, of metrics.csv
// and of the comparison dock.
std::vector<models::MetricsRow> reportRows(const ComparisonOutcome& outcome);

} // namespace banquise::app
