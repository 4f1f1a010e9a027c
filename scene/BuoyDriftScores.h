#pragma once

#include "scene/BuoyTracks.h"

#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;
class MotionField;

// How far the SAR drift of one buoy's ice is from the buoy's own drift
// over the pair of SAR dates.
struct BuoyDriftError {
    std::string buoy;
    std::string file;
    LonLat start;              // where the buoy was at the first SAR date
    double buoyMetresPerDay = 0.0; // its drift speed
    double errorMetresPerDay = 0.0; // |SAR displacement - buoy displacement| / days
};

struct BuoyDriftScores {
    std::vector<BuoyDriftError> buoys;
    double medianMetresPerDay = 0.0; // NaN when no buoy was scored
    double p95MetresPerDay = 0.0;
    std::vector<std::string> leftOut; // a buoy or a file and why, in words
};

// Scores a motion field estimated between two SAR dates (times in seconds
// since epoch) on the grid against every buoy that was inside the grid at
// the first date with a fix within `maxGap` seconds either side of both
// dates. Buoys and files that cannot be scored are named with the reason.
BuoyDriftScores scoreDriftAgainstBuoys(const MotionField& field, const AnalysisGrid& grid, double firstTime, double secondTime,
                                       const std::vector<BuoyTrack>& buoys, double maxGap = 6 * 3600.0);

} // namespace banquise::scene
