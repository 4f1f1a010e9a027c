#include "app/ComparisonRun.h"

#include "app/ComparisonSources.h"
#include "models/ModelInputs.h"

#include <cmath>

namespace banquise::app {

ComparisonOutcome runComparison(const ComparisonSources& sources, const models::ModelInputs* inputs, const ComparisonRunOptions& options,
                                const std::function<void(const std::string&)>& progress, scene::Feedback* feedback)
{
    const auto say = [&](const std::string& what) {
        if (progress)
            progress(what);
    };
    ComparisonOutcome out;
    out.footprintWindow = std::max(1, static_cast<int>(std::lround(kSwotPixelMetres / sources.grid.pixelSize())));
    const models::ComparisonOptions comparison;
    const std::string window = std::to_string(out.footprintWindow);
    out.parameters = {{"footprint averaging", window + " x " + window + " px before comparing with SWOT's 250 m pixels"},
                      {"cross-track bins", std::to_string(static_cast<int>(comparison.crossTrackBinMetres / 1000.0)) + " km of |distance from nadir|"},
                      {"NMAD", "1.4826 x median |d - median d|"},
                      {"regression", "least squares of the estimate on the reference"}};
    say("comparing the prediction with SWOT");
    out.predictionVsSwot = models::compareElevation(models::footprintAverage(sources.estimate, out.footprintWindow), sources.swot,
                                                    sources.classes, sources.crossTrackDistance);
    if (!sources.kriging.empty()) {
        say("comparing the kriging baseline with SWOT");
        out.krigingVsSwot = models::compareElevation(models::footprintAverage(sources.kriging, out.footprintWindow), sources.swot,
                                                     sources.classes, sources.crossTrackDistance);
    }
    if (!sources.truth.empty()) {
        out.againstTruth.push_back({"prediction vs truth", models::scoreRegression(sources.estimate, sources.truth)});
        if (!sources.kriging.empty())
            out.againstTruth.push_back({"kriging vs truth", models::scoreRegression(sources.kriging, sources.truth)});
        out.againstTruth.push_back({"SWOT vs truth", models::scoreRegression(sources.swot, models::footprintAverage(sources.truth,
                                                                                                                   out.footprintWindow))});
    }
    if (options.leaveOneTrackOut && inputs && !inputs->records.empty()) {
        out.parameters.push_back({"leave-one-track-out", "a model trained from scratch per held-out track, " + std::to_string(options.training.steps)
                                                             + " steps, seed " + std::to_string(options.training.seed) + ", "
                                                             + std::to_string(options.prediction.monteCarloSamples) + " MC samples"});
        out.leaveOneTrackOut = models::leaveOneTrackOut(*inputs, models::ModelConfig{}, options.training, options.prediction,
                                                        [&](int, const std::string& track) { say("leave-one-track-out: without " + track); },
                                                        feedback);
    }
    return out;
}

std::vector<models::MetricsRow> reportRows(const ComparisonOutcome& outcome)
{
    std::vector<models::MetricsRow> rows;
    const auto add = [&rows](const std::string& comparison, models::MetricsRow row) {
        row.comparison = comparison;
        rows.push_back(std::move(row));
    };
    for (const models::MetricsRow& row : outcome.predictionVsSwot.table)
        add("prediction vs SWOT", row);
    if (outcome.krigingVsSwot)
        for (const models::MetricsRow& row : outcome.krigingVsSwot->table)
            add("kriging vs SWOT", row);
    for (const auto& [name, scores] : outcome.againstTruth)
        add(name, {"", "overall", "all", scores});
    if (outcome.leaveOneTrackOut) {
        const models::LeaveOneTrackOut& loto = *outcome.leaveOneTrackOut;
        add("LOTO prediction", {"", "overall", "all", loto.model});
        for (const models::HeldOutTrack& t : loto.tracks)
            add("LOTO prediction", {"", "track", t.track, t.model});
        add("LOTO kriging", {"", "overall", "all", loto.kriging});
        for (const models::HeldOutTrack& t : loto.tracks)
            add("LOTO kriging", {"", "track", t.track, t.kriging});
    }
    return rows;
}

} // namespace banquise::app
