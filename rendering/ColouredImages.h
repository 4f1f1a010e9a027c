#pragma once

#include "rendering/LayerStyle.h"
#include "scene/MapTypes.h"

#include <vtkSmartPointer.h>
#include <vtkWeakPointer.h> // cache entries live as long as a view uses them

#include <map>
#include <tuple>
#include <vector>

class vtkImageData;

namespace banquise::scene {
class RasterLayer;
}

namespace banquise::rendering {

// RGBA images of rasters under a colormap and range, shared by every view
// that shows the same layer the same way: a raster is coloured once, and
// its RGBA memory held once, whatever the number of linked views. An image
// lives while a view holds it. GUI thread only.
class ColouredImages {
public:
    vtkSmartPointer<vtkImageData> image(const scene::RasterLayer& layer, const LayerStyle& style);

private:
    using Key = std::tuple<const scene::RasterLayer*, Colormap, double, double>;
    std::map<Key, vtkWeakPointer<vtkImageData>> m_images;
};

// Colours a raster into a new RGBA image placed on its grid (NaN transparent).
vtkSmartPointer<vtkImageData> colourRaster(const scene::RasterLayer& layer, const LayerStyle& style);
// Colours bands (row-major from the top row) into a new RGBA image of
// square pixels whose bottom-left cell centre is `bottomLeft`.
vtkSmartPointer<vtkImageData> colourBands(const std::vector<const float*>& bands, int width, int height, double pixelSize,
                                          const scene::MapPoint& bottomLeft, const LayerStyle& style);

} // namespace banquise::rendering
