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

// Which SWOT L2 LR layout a netCDF file has ("Unsmoothed": a group per
// swath side at 250 m; "Basic/Expert": both sides in one 2 km grid; names in
// assets/products/swot_l2_lr.json), empty when none; and its first time.
struct SwotGranule {
    std::string layout;
    double time = 0.0; // UTC seconds, 0 when absent
};
SwotGranule describeSwotGranule(const std::string& file);

// Reads a SWOT L2 LR granule in either layout: 2-D latitude/longitude, the
// height variable and its quality flag (0 = good); puts every good pixel on
// the grid by nearest neighbour within its footprint (250 m or 2 km; GDAL's
// gridding). Throws SceneError (file and reason) when a variable is
// missing, all pixels are flagged or nothing overlaps the grid.
SwotOnGrid readSwotSwath(const std::string& file, const AnalysisGrid& grid);

} // namespace banquise::scene
