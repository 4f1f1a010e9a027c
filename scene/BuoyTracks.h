#pragma once

#include "scene/MapTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace banquise::scene {

// One position report of a drifting buoy.
struct BuoyFix {
    double time = 0.0; // seconds since epoch, UTC
    LonLat lonLat;     // longitude in -180..180
};

// The reports of one buoy, in time order.
struct BuoyTrack {
    std::string id;
    std::string file;
    std::vector<BuoyFix> fixes;
};

// Reads drifting-buoy positions, the reference ice drift is scored on:
// - an IABP table (.csv, .dat or .txt; comma or blank separated) with the
//   columns BuoyID, Year, Lat, Lon and POS_DOY or DOY (day of year, 1.0 at
//   the start of 1 January), found by their header names; longitudes may
//   run 0..360 or -180..180; rows with a missing value (-999) or a position
//   off the globe are skipped;
// - a CF netCDF with featureType "trajectory" (one trajectory, the
//   multidimensional [trajectory, obs] layout or a contiguous ragged array
//   with a row-size variable), its coordinates found by standard_name.
// Throws SceneError naming the file and what it lacks when a column or
// variable is missing, a time axis is not CF, or no position is valid.
std::vector<BuoyTrack> readBuoyTracks(const std::string& path);

// Where the buoy was at `time`, linearly between the fixes either side
// (longitude across the antimeridian), when both are within `maxGap`
// seconds of it; nullopt otherwise.
std::optional<LonLat> buoyPositionAt(const BuoyTrack& track, double time, double maxGap);

} // namespace banquise::scene
