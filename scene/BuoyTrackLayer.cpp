#include "scene/BuoyTrackLayer.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"

#include <cmath>

namespace banquise::scene {

namespace {
// km/day between two fixes, on the grid.
float speedBetween(const MapPoint& a, double ta, const MapPoint& b, double tb)
{
    return tb > ta ? static_cast<float>(std::hypot(b.x - a.x, b.y - a.y) / 1000.0 / ((tb - ta) / 86400.0)) : std::nanf("");
}
} // namespace

std::shared_ptr<TrackLayer> makeBuoyTrackLayer(LayerInfo info, const std::vector<BuoyTrack>& buoys, const AnalysisGrid& grid,
                                               double windowSeconds)
{
    const MapExtent extent = grid.extent();
    std::vector<TrackRecord> records;
    for (std::size_t b = 0; b < buoys.size(); ++b) {
        const auto& fixes = buoys[b].fixes;
        std::vector<MapPoint> positions;
        positions.reserve(fixes.size());
        for (const BuoyFix& fix : fixes)
            positions.push_back(grid.fromLonLat(fix.lonLat));
        for (std::size_t i = 0; i < fixes.size(); ++i) {
            if (std::abs(fixes[i].time - info.time) > windowSeconds || !extent.contains(positions[i]))
                continue;
            const std::size_t before = i > 0 ? i - 1 : i;
            const std::size_t after = i + 1 < fixes.size() ? i + 1 : i;
            TrackRecord r;
            r.position = positions[i];
            r.lonLat = fixes[i].lonLat;
            r.time = fixes[i].time;
            r.value = speedBetween(positions[before], fixes[before].time, positions[after], fixes[after].time);
            r.sigma = std::nanf("");
            r.segment = static_cast<int>(b);
            records.push_back(r);
        }
    }
    if (records.empty())
        throw SceneError(info.sourceFile.empty() ? info.name : info.sourceFile,
                         "no buoy position falls on the analysis grid within " + std::to_string(static_cast<int>(windowSeconds / 3600.0))
                             + " h of the scene's time");
    return std::make_shared<TrackLayer>(std::move(info), std::move(records), Footprint{});
}

} // namespace banquise::scene
