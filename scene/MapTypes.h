#pragma once

#include <algorithm>
#include <vector>

namespace banquise::scene {

// A position in the analysis grid's CRS, in metres.
struct MapPoint {
    double x = 0.0;
    double y = 0.0;
};

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

struct MapExtent {
    double xMin = 0.0;
    double xMax = 0.0;
    double yMin = 0.0;
    double yMax = 0.0;

    double width() const { return xMax - xMin; }
    double height() const { return yMax - yMin; }
    bool contains(const MapPoint& p) const { return p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax; }
};

// A closed outline in map coordinates (the last vertex joins the first).
using MapPolygon = std::vector<MapPoint>;

// The smallest extent holding every point; all zero when there is none.
inline MapExtent extentOf(const std::vector<MapPoint>& points)
{
    if (points.empty())
        return {};
    MapExtent e{points.front().x, points.front().x, points.front().y, points.front().y};
    for (const MapPoint& p : points) {
        e.xMin = std::min(e.xMin, p.x);
        e.xMax = std::max(e.xMax, p.x);
        e.yMin = std::min(e.yMin, p.y);
        e.yMax = std::max(e.yMax, p.y);
    }
    return e;
}

} // namespace banquise::scene
