#pragma once

#include "rendering/LayerRepresentation.h"

#include <vtkNew.h> // owned props
#include <vtkSmartPointer.h>

class vtkActor;
class vtkLookupTable;
class vtkPolyData;
class vtkPolyDataMapper;

namespace banquise::scene {
class VectorLayer;
}

namespace banquise::rendering {

// A vector field as arrows coloured by value; arrow lengths are scaled so
// that the longest spans most of a lattice cell (kilometres of drift would
// otherwise cover the map).
class VectorRepresentation : public LayerRepresentation {
public:
    explicit VectorRepresentation(std::shared_ptr<const scene::VectorLayer> layer);
    ~VectorRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    vtkScalarsToColors* lookupTable() const override;
    const scene::Layer& layer() const override;

private:
    std::shared_ptr<const scene::VectorLayer> m_layer;
    vtkNew<vtkPolyData> m_arrows;
    vtkNew<vtkPolyDataMapper> m_mapper;
    vtkNew<vtkActor> m_actor;
    vtkSmartPointer<vtkLookupTable> m_table;
};

} // namespace banquise::rendering
