#include "app/CompareCommand.h"

#include "app/ComparisonReport.h"
#include "app/OffscreenApplication.h"
#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace banquise::app {

SceneComparison compareScene(const ComparisonRequest& request, const ComparisonRunOptions& options, const std::string& out)
{
    models::ModelInputs inputs;
    const ComparisonSources sources = loadComparisonSources(request, request.scene.empty() ? nullptr : &inputs);
    for (const std::string& note : sources.notes)
        std::printf("note       %s\n", note.c_str());
    const ComparisonOutcome outcome = runComparison(sources, request.scene.empty() ? nullptr : &inputs, options, [](const std::string& what) {
        std::printf("...        %s\n", what.c_str());
        std::fflush(stdout);
    });
    ensureOffscreenApplication();
    return {outcome.predictionVsSwot.overall(), headlineFigures(outcome), sources.notes, writeComparisonReport(out, sources, outcome)};
}

int compareCommand(const Arguments& args)
{
    ComparisonRequest request;
    request.prediction = option(args, "--prediction", "");
    request.swot = option(args, "--swot", "");
    request.scene = option(args, "--scene", "");
    const std::string out = option(args, "--out", "");
    if (request.prediction.empty() || request.swot.empty() || out.empty())
        throw std::invalid_argument("compare needs --prediction P, --swot S and --out DIR");
    ComparisonRunOptions options;
    options.leaveOneTrackOut = option(args, "--loto", "yes") != "no";
    options.training.steps = static_cast<int>(numberOption(args, "--loto-steps", 200));
    options.prediction.monteCarloSamples = 4;
    if (options.leaveOneTrackOut && !request.scene.empty())
        models::configureComputeDevice();

    const auto start = std::chrono::steady_clock::now();
    const SceneComparison comparison = compareScene(request, options, out);
    const models::RegressionScores& overall = comparison.overall;
    std::printf("SWOT       %zu pixels: bias %+.3f m, RMSE %.3f m, NMAD %.3f m, r %.3f\n", overall.count, overall.bias, overall.rmse,
                overall.nmad, overall.correlation);
    for (const auto& [name, value] : comparison.figures)
        std::printf("figure     %-22s %.4f\n", name.c_str(), value);
    std::printf("report     %s (%.1f s)\n", comparison.report.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return 0;
}

} // namespace banquise::app
