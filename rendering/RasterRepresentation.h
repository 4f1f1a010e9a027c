#pragma once

#include "rendering/LayerRepresentation.h"

#include <vtkNew.h> // owned props
#include <vtkSmartPointer.h>

class vtkImageActor;
class vtkImageData;
class vtkLookupTable;

namespace banquise::scene {
class RasterLayer;
}

namespace banquise::rendering {

class ColouredImages;

// A raster as a textured image in grid coordinates: values coloured on the
// CPU into RGBA (NaN fully transparent, see ColouredImages) and shown by a
// vtkImageActor.
class RasterRepresentation : public LayerRepresentation {
public:
    // `images` is shared by the views of a grid, so that they colour a layer once.
    RasterRepresentation(std::shared_ptr<const scene::RasterLayer> layer, std::shared_ptr<ColouredImages> images);
    ~RasterRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    vtkScalarsToColors* lookupTable() const override;
    const scene::Layer& layer() const override;

private:
    std::shared_ptr<const scene::RasterLayer> m_layer;
    std::shared_ptr<ColouredImages> m_images;
    vtkSmartPointer<vtkImageData> m_image;
    vtkNew<vtkImageActor> m_actor;
    vtkSmartPointer<vtkLookupTable> m_table;
    LayerStyle m_coloured;
    bool m_hasColours = false;
};

} // namespace banquise::rendering
