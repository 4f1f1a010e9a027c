#include "scene/synthetic/FootprintSampling.h"

#include <algorithm>
#include <cmath>

namespace banquise::scene::synthetic {

std::vector<MapPoint> footprintSamples(const MapPoint& centre, const MapPoint& along, double alongMetres, double acrossMetres,
                                       double pixelSize)
{
    const MapPoint across{-along.y, along.x};
    const int na = std::max(1, static_cast<int>(std::lround(alongMetres / pixelSize / 2.0)));
    const int nc = std::max(1, static_cast<int>(std::lround(acrossMetres / pixelSize / 2.0)));
    std::vector<MapPoint> points;
    points.reserve(static_cast<std::size_t>(2 * na + 1) * (2 * nc + 1));
    for (int i = -na; i <= na; ++i)
        for (int j = -nc; j <= nc; ++j)
            points.push_back({centre.x + pixelSize * (i * along.x + j * across.x), centre.y + pixelSize * (i * along.y + j * across.y)});
    return points;
}

} // namespace banquise::scene::synthetic
