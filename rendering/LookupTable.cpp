#include "rendering/LookupTable.h"

#include <vtkLookupTable.h>

namespace banquise::rendering {

vtkSmartPointer<vtkLookupTable> makeLookupTable(Colormap colormap, double min, double max)
{
    auto table = vtkSmartPointer<vtkLookupTable>::New();
    table->SetNumberOfTableValues(256);
    table->SetTableRange(min, max < min ? min : (max == min ? min + 1e-6 : max));
    for (int i = 0; i < 256; ++i) {
        const Rgb rgb = colourAt(colormap, i / 255.0);
        table->SetTableValue(i, rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0, 1.0);
    }
    table->SetNanColor(0.0, 0.0, 0.0, 0.0);
    table->SetUseBelowRangeColor(false);
    table->SetUseAboveRangeColor(false);
    return table;
}

} // namespace banquise::rendering
