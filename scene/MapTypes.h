#pragma once

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

} // namespace banquise::scene
