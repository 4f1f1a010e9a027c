#pragma once

#include "rendering/RasterRepresentation.h"

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;

namespace banquise::scene {
class SwathLayer;
}

namespace banquise::rendering {

// A swath: its image (as a raster) inside the outline of each swath side.
class SwathRepresentation : public RasterRepresentation {
public:
    SwathRepresentation(std::shared_ptr<const scene::SwathLayer> layer, std::shared_ptr<ColouredImages> images);
    ~SwathRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;

private:
    vtkNew<vtkPolyData> m_outline;
    vtkNew<vtkPolyDataMapper> m_outlineMapper;
    vtkNew<vtkActor> m_outlineActor;
};

} // namespace banquise::rendering
