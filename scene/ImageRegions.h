#pragma once

#include "scene/ClassMapFiles.h" // ClassPolygon

#include <vector>

namespace banquise::scene {

class PyramidLayer;
class RasterLayer;

// The region of an image around a pixel, as a watershed of its smoothed
// image cuts it (one seed every `spacing` pixels, at the weakest gradient
// of its cell: superpixel-like regions that follow floe and lead edges),
// within a `window`-pixel square centred on the pixel. Returned as
// pixel-edge polygons in grid pixel coordinates, for the label tools' fill.
// σ⁰ layers are taken in dB. Empty when the pixel is outside or has no data.
std::vector<ClassPolygon> regionAround(const RasterLayer& image, int column, int row, int window = 256, int spacing = 16);
// The same on a raster shown from its pyramid: only the window is read.
std::vector<ClassPolygon> regionAround(const PyramidLayer& image, int column, int row, int window = 256, int spacing = 16);

} // namespace banquise::scene
