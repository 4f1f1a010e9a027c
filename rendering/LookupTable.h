#pragma once

#include "rendering/Colormap.h"

#include <vtkSmartPointer.h>

class vtkLookupTable;

namespace banquise::rendering {

// A colormap as VTK's 256-entry table over [min, max] in display units;
// NaN transparent.
vtkSmartPointer<vtkLookupTable> makeLookupTable(Colormap colormap, double min, double max);

} // namespace banquise::rendering
