#include "rendering/TrackRepresentation.h"

#include "rendering/LookupTable.h"
#include "rendering/PolygonOutlines.h"

#include "scene/TrackLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include <vector>

namespace banquise::rendering {

TrackRepresentation::TrackRepresentation(std::shared_ptr<const scene::TrackLayer> layer) : m_layer(std::move(layer))
{
    const auto& records = m_layer->records();
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkFloatArray> values;
    values->SetName("value");
    vtkNew<vtkCellArray> vertices;
    // One polyline per ground track (segment): the beams of a product are not joined.
    vtkNew<vtkCellArray> lines;
    std::vector<vtkIdType> run;
    const auto closeRun = [&] {
        if (run.size() > 1)
            lines->InsertNextCell(static_cast<vtkIdType>(run.size()), run.data());
        run.clear();
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (i > 0 && records[i].segment != records[i - 1].segment)
            closeRun();
        const vtkIdType id = points->InsertNextPoint(records[i].position.x, records[i].position.y, 0.0);
        values->InsertNextValue(records[i].value);
        vertices->InsertNextCell(1, &id);
        run.push_back(id);
    }
    closeRun();
    m_records->SetPoints(points);
    m_records->SetVerts(vertices);
    m_records->SetLines(lines);
    m_records->GetPointData()->SetScalars(values);
    m_recordMapper->SetInputData(m_records);
    m_recordMapper->SetScalarModeToUsePointData();
    m_recordActor->SetMapper(m_recordMapper);
    m_recordActor->GetProperty()->LightingOff(); // flat map colours
    m_recordActor->ForceTranslucentOn(); // painted in stack order, see ViewScene
    m_recordActor->GetProperty()->SetPointSize(kPointSize);
    m_recordActor->GetProperty()->SetLineWidth(1.0);

    m_haloMapper->SetInputData(m_records);
    m_haloMapper->ScalarVisibilityOff();
    m_haloActor->SetMapper(m_haloMapper);
    m_haloActor->GetProperty()->SetColor(0.05, 0.05, 0.08);
    m_haloActor->GetProperty()->SetPointSize(kPointSize + 2.0);
    m_haloActor->GetProperty()->SetLineWidth(3.0);
    m_haloActor->GetProperty()->LightingOff();
    m_haloActor->ForceTranslucentOn();
    m_haloActor->PickableOff();

    std::vector<scene::MapPolygon> footprints;
    footprints.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        footprints.push_back(m_layer->footprintOutline(i));
    setPolygonOutlines(m_footprints, footprints);
    m_footprintMapper->SetInputData(m_footprints);
    m_footprintMapper->ScalarVisibilityOff();
    m_footprintActor->SetMapper(m_footprintMapper);
    m_footprintActor->GetProperty()->LightingOff(); // flat map colours
    m_footprintActor->ForceTranslucentOn(); // painted in stack order, see ViewScene
    m_footprintActor->GetProperty()->SetColor(1.0, 0.85, 0.1);
    m_footprintActor->GetProperty()->SetLineWidth(1.0);
    m_recordActor->PickableOff();
    m_footprintActor->PickableOff();
}

TrackRepresentation::~TrackRepresentation() = default;

void TrackRepresentation::addTo(vtkRenderer* renderer)
{
    renderer->AddActor(m_footprintActor);
    renderer->AddActor(m_haloActor);
    renderer->AddActor(m_recordActor);
}

void TrackRepresentation::removeFrom(vtkRenderer* renderer)
{
    renderer->RemoveActor(m_footprintActor);
    renderer->RemoveActor(m_haloActor);
    renderer->RemoveActor(m_recordActor);
}

void TrackRepresentation::applyStyle(const LayerStyle& style)
{
    const Colormap colormap = style.colormap == Colormap::RgbComposite ? Colormap::Grey : style.colormap;
    m_table = makeLookupTable(colormap, style.min, style.max);
    // Records without a value stay visible (grey) and keep the track opaque.
    m_table->SetNanColor(0.5, 0.5, 0.5, 1.0);
    m_recordMapper->SetLookupTable(m_table);
    m_recordMapper->SetScalarRange(style.min, style.max);
    m_recordMapper->SetUseLookupTableScalarRange(true);
    m_recordActor->SetVisibility(style.visible);
    m_recordActor->GetProperty()->SetOpacity(style.opacity);
    m_haloActor->SetVisibility(style.visible);
    m_haloActor->GetProperty()->SetOpacity(style.opacity);
    m_footprintActor->SetVisibility(style.visible && style.showFootprints);
    m_footprintActor->GetProperty()->SetOpacity(style.opacity);
}

void TrackRepresentation::setDepth(double z)
{
    m_recordActor->SetPosition(0.0, 0.0, z);
    m_haloActor->SetPosition(0.0, 0.0, z);
    m_footprintActor->SetPosition(0.0, 0.0, z);
}

vtkScalarsToColors* TrackRepresentation::lookupTable() const
{
    return m_table;
}

const scene::Layer& TrackRepresentation::layer() const
{
    return *m_layer;
}

} // namespace banquise::rendering
