#pragma once

#include <map>
#include <string>
#include <vector>

namespace banquise::app {

struct ComparisonOutcome;
struct ComparisonSources;

// The headline figures of a comparison, by the names the benchmarks use
// (swot_rmse_m, swot_rmse_kriging_m, loto_rmse_m, loto_rmse_kriging_m,
// truth_rmse_m, truth_rmse_kriging_m, swot_truth_rmse_m); absent ones are left out.
std::map<std::string, double> headlineFigures(const ComparisonOutcome& outcome);

// Writes a comparison into `folder`: report.html (maps, plots, the metrics
// table, leave-one-track-out, provenance and notes), the figures as PNG,
// metrics.csv and metrics.json. Needs a QApplication (offscreen is enough).
// Returns the report's path; throws std::runtime_error naming a file it
// cannot write.
std::string writeComparisonReport(const std::string& folder, const ComparisonSources& sources, const ComparisonOutcome& outcome);

} // namespace banquise::app
