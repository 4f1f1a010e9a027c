#pragma once

#include <string>
#include <vector>

namespace banquise::app {

// One scene of a batch: a scene folder (with scene.json) to map as it is,
// or the product files and folders to ingest into one.
struct BatchEntry {
    std::string name;                // unique; names the scene's output folder
    std::vector<std::string> inputs; // absolute
};

// A batch manifest is a text file, one scene per line:
//   NAME PATH [PATH...]
// blank lines and lines starting with '#' are skipped, relative paths are
// taken from the manifest's folder, and a path with blanks is quoted ("...").
// Throws std::invalid_argument naming the file and line of a malformed
// entry (no path, a name that is not a file name, a name twice). A path
// that does not exist is not refused here: that scene fails on its own
// while the others run.
std::vector<BatchEntry> readBatchManifest(const std::string& path);

} // namespace banquise::app
