#pragma once

#include "rendering/LayerRepresentation.h"

#include <vtkNew.h> // owned props
#include <vtkSmartPointer.h>

class vtkActor;
class vtkLookupTable;
class vtkPolyData;
class vtkPolyDataMapper;

namespace banquise::scene {
class TrackLayer;
}

namespace banquise::rendering {

// An altimeter track: its records as points on a thin polyline, coloured by
// value; the footprint rectangles on demand.
class TrackRepresentation : public LayerRepresentation {
public:
    explicit TrackRepresentation(std::shared_ptr<const scene::TrackLayer> layer);
    ~TrackRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    vtkScalarsToColors* lookupTable() const override;
    const scene::Layer& layer() const override;

    static constexpr double kPointSize = 5.0;

private:
    std::shared_ptr<const scene::TrackLayer> m_layer;
    vtkNew<vtkPolyData> m_records;
    vtkNew<vtkPolyDataMapper> m_recordMapper;
    vtkNew<vtkActor> m_recordActor;
    // A dark rim under the records keeps them readable on any image,
    // including a swath coloured with the same colormap.
    vtkNew<vtkPolyDataMapper> m_haloMapper;
    vtkNew<vtkActor> m_haloActor;
    vtkNew<vtkPolyData> m_footprints;
    vtkNew<vtkPolyDataMapper> m_footprintMapper;
    vtkNew<vtkActor> m_footprintActor;
    vtkSmartPointer<vtkLookupTable> m_table;
};

} // namespace banquise::rendering
