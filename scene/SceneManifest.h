#pragma once

#include <cpl_json.h> // the manifest is a CPLJSONObject (scene/ is GDAL's corner)

#include <string>

namespace banquise::scene {
class AnalysisGrid;
}

// Names and header shared by everything that writes or reads scene.json.
namespace banquise::scene::manifest {

inline constexpr const char* kFileName = "scene.json";
inline constexpr const char* kFormat = "banquise-scene";
inline constexpr int kVersion = 1;

// format, version, name, reference time and grid; the caller adds "layers".
CPLJSONObject header(const std::string& name, const AnalysisGrid& grid, double referenceTime);

} // namespace banquise::scene::manifest
