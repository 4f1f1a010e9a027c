#pragma once

#include "scene/AnalysisGrid.h"

#include <string>
#include <vector>

namespace banquise::scene {

// A map file read on its own grid: what a prediction or a SWOT raster
// written by Banquise (or by any GIS) is, before it is compared.
struct GriddedRaster {
    AnalysisGrid grid;
    std::vector<std::vector<float>> bands; // NaN no-data
    double time = 0.0;                     // ACQUISITION_TIME metadata, 0 when absent
};

// Reads a north-up raster in a projected CRS that has an EPSG code, with
// square pixels. Throws SceneError naming the file and the reason: missing,
// not a raster, no CRS or no EPSG code, geographic, rotated or non-square.
GriddedRaster readGriddedRaster(const std::string& file);

// A raster's ACQUISITION_TIME metadata (UTC seconds), 0 when absent or unreadable.
double rasterAcquisitionTime(const std::string& file);

} // namespace banquise::scene
