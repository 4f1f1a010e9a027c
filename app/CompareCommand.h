#pragma once

#include "app/CliOptions.h"
#include "app/ComparisonRun.h"
#include "app/ComparisonSources.h"

#include <map>
#include <string>
#include <vector>

namespace banquise::app {

// What a comparison wrote and found (the CLI's `compare`, each scene of `batch`).
struct SceneComparison {
    models::RegressionScores overall; // prediction vs SWOT
    std::map<std::string, double> figures; // headlineFigures
    std::vector<std::string> notes;
    std::string report;
};

// Aligns, compares and writes the report into `out`, printing its progress
// and notes; throws SceneError naming the file that cannot be used (no
// overlap, unreadable, every SWOT pixel flagged).
SceneComparison compareScene(const ComparisonRequest& request, const ComparisonRunOptions& options, const std::string& out);

// banquise-cli compare --prediction P --swot S --out DIR [--scene SCENE] [--loto no] [--loto-steps N]
int compareCommand(const Arguments& args);

} // namespace banquise::app
