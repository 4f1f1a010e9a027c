#pragma once

#include "scene/MapTypes.h"

#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;

// A SWOT KaRIn L2 LR swath resampled onto the grid.
struct SwotOnGrid {
    std::vector<float> height; // grid pixels, NaN where no good swath pixel
    // Signed distance from nadir (metres, negative left) of the same pixels;
    // empty when the product has no cross_track_distance variable.
    std::vector<float> crossTrackDistance;
    std::vector<MapPolygon> sides; // outline of each swath side, grid CRS
    double meanTime = 0.0;     // UTC seconds
};

// Reads the left and right groups of a SWOT L2 LR (Unsmoothed-like)
// netCDF: 2-D latitude/longitude per side, the height variable and its
// quality flag (0 = good); puts every good pixel on the grid by nearest
// neighbour within its 250 m footprint (GDAL's gridding). Throws SceneError
// (file and reason) when a variable is missing, all pixels are flagged or
// nothing overlaps the grid.
SwotOnGrid readSwotSwath(const std::string& file, const AnalysisGrid& grid, const std::string& heightVariable = "ssh_karin_2",
                         const std::string& qualityVariable = "ssh_karin_2_qual");

} // namespace banquise::scene
