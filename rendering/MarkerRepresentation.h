#pragma once

#include "rendering/LayerRepresentation.h"

#include <vtkNew.h> // owned props

#include <cstdint>
#include <memory>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;

namespace banquise::scene {
class MarkerLayer;
}

namespace banquise::rendering {

// A marker layer as square rings in each marker's colour on a dark rim
// (readable on any image), the emphasised ones thicker and with a
// crosshair whose arms stop short of the point, so that the marked pixel
// itself stays visible. Ring widths scale with the marker (map units).
// synchronise() redraws when the markers changed.
class MarkerRepresentation : public LayerRepresentation {
public:
    explicit MarkerRepresentation(std::shared_ptr<const scene::MarkerLayer> layer);
    ~MarkerRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    // No colorbar: markers are coloured by what they ask or hold.
    vtkScalarsToColors* lookupTable() const override { return nullptr; }
    const scene::Layer& layer() const override;
    bool synchronise() override;

private:
    void rebuild();

    std::shared_ptr<const scene::MarkerLayer> m_layer;
    std::uint64_t m_revision = 0;
    // Dark rims under every ring, the coloured rings over them.
    vtkNew<vtkPolyData> m_rims;
    vtkNew<vtkPolyDataMapper> m_rimMapper;
    vtkNew<vtkActor> m_rimActor;
    vtkNew<vtkPolyData> m_lines;
    vtkNew<vtkPolyDataMapper> m_lineMapper;
    vtkNew<vtkActor> m_lineActor;
};

} // namespace banquise::rendering
