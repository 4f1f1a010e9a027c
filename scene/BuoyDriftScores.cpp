#include "scene/BuoyDriftScores.h"

#include "scene/AnalysisGrid.h"
#include "scene/DriftCompensation.h"
#include "scene/UtcTime.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace banquise::scene {

namespace {
double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (rank - static_cast<double>(below)) * (values[above] - values[below]);
}
} // namespace

BuoyDriftScores scoreDriftAgainstBuoys(const MotionField& field, const AnalysisGrid& grid, double firstTime, double secondTime,
                                       const std::vector<BuoyTrack>& buoys, double maxGap)
{
    BuoyDriftScores scores;
    const double days = (secondTime - firstTime) / 86400.0;
    const std::string window = formatUtc(firstTime) + " and " + formatUtc(secondTime);
    // Per file: whether any of its buoys had a position in the window.
    std::map<std::string, bool> inWindow;
    std::vector<std::string> outside;
    for (const BuoyTrack& buoy : buoys) {
        bool& seen = inWindow[buoy.file];
        const auto first = buoyPositionAt(buoy, firstTime, maxGap);
        const auto second = buoyPositionAt(buoy, secondTime, maxGap);
        if (!first || !second)
            continue;
        seen = true;
        const MapPoint from = grid.fromLonLat(*first);
        const MapPoint to = grid.fromLonLat(*second);
        if (!grid.extent().contains(from)) {
            outside.push_back(buoy.id);
            continue;
        }
        const MapPoint sar = driftDisplacement(field, grid, from);
        const double buoyEast = to.x - from.x;
        const double buoyNorth = to.y - from.y;
        scores.buoys.push_back({buoy.id, buoy.file, *first, std::hypot(buoyEast, buoyNorth) / days,
                                std::hypot(sar.x - buoyEast, sar.y - buoyNorth) / days});
    }
    for (const auto& [file, seen] : inWindow)
        if (!seen)
            scores.leftOut.push_back(file + ": no buoy position within " + std::to_string(static_cast<int>(maxGap / 3600.0))
                                     + " h of both SAR dates (" + window + ")");
    if (!outside.empty()) {
        std::string names;
        for (const auto& id : outside)
            names += (names.empty() ? "" : ", ") + id;
        scores.leftOut.push_back(std::to_string(outside.size()) + " buoy(s) outside the scene at the first date: " + names);
    }
    std::vector<double> errors;
    for (const auto& b : scores.buoys)
        errors.push_back(b.errorMetresPerDay);
    scores.medianMetresPerDay = percentile(errors, 50.0);
    scores.p95MetresPerDay = percentile(errors, 95.0);
    return scores;
}

} // namespace banquise::scene
