#pragma once

#include "scene/MapTypes.h"

#include <vector>

class vtkPolyData;

namespace banquise::rendering {

// Fills polyData with one closed polyline per polygon (map coordinates,
// z = 0): track footprints, swath outlines.
void setPolygonOutlines(vtkPolyData* polyData, const std::vector<scene::MapPolygon>& polygons);

} // namespace banquise::rendering
