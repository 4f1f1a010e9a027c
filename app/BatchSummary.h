#pragma once

#include "app/BatchManifest.h"
#include "app/BatchState.h"

#include <string>
#include <vector>

namespace banquise::app {

struct BatchCounts {
    int done = 0;
    int failed = 0;
    int running = 0;
    int pending = 0;
};

// The manifest's scenes as the state records them (a scene the state does
// not know yet is pending).
std::vector<BatchSceneRecord> manifestRecords(const std::vector<BatchEntry>& entries, const BatchState& state);
BatchCounts countStates(const std::vector<BatchSceneRecord>& records);

// outFolder/summary.csv: a row per scene (state, attempts, seconds, every
// figure any scene has, the reason of a failure), written under a
// temporary name and renamed. Returns its path.
std::string writeBatchSummary(const std::string& outFolder, const std::vector<BatchSceneRecord>& records);

// The same as a table on the terminal, with the counts.
void printBatchTable(const std::vector<BatchSceneRecord>& records);

} // namespace banquise::app
