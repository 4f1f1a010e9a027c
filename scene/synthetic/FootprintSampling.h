#pragma once

#include "scene/MapTypes.h"

#include <vector>

namespace banquise::scene::synthetic {

// Sample points, one pixel apart, of a footprint rectangle centred on
// `centre` with its long side along `along` (a unit vector): the points the
// simulator averages the truth over and the evaluation checks leads on.
std::vector<MapPoint> footprintSamples(const MapPoint& centre, const MapPoint& along, double alongMetres, double acrossMetres,
                                       double pixelSize);

} // namespace banquise::scene::synthetic
