#include "rendering/SwathRepresentation.h"

#include "scene/SwathLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace banquise::rendering {

SwathRepresentation::SwathRepresentation(std::shared_ptr<const scene::SwathLayer> layer)
    : RasterRepresentation(layer)
{
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkCellArray> rings;
    for (const auto& polygon : layer->footprints()) {
        rings->InsertNextCell(static_cast<vtkIdType>(polygon.size() + 1));
        vtkIdType first = -1;
        for (const auto& p : polygon) {
            const vtkIdType id = points->InsertNextPoint(p.x, p.y, 0.0);
            first = first < 0 ? id : first;
            rings->InsertCellPoint(id);
        }
        rings->InsertCellPoint(first);
    }
    m_outline->SetPoints(points);
    m_outline->SetLines(rings);
    m_outlineMapper->SetInputData(m_outline);
    m_outlineActor->SetMapper(m_outlineMapper);
    m_outlineActor->GetProperty()->LightingOff(); // flat map colours
    m_outlineActor->ForceTranslucentOn(); // painted in stack order, see ViewScene
    m_outlineActor->GetProperty()->SetColor(0.95, 0.55, 0.1);
    m_outlineActor->GetProperty()->SetLineWidth(2.0);
    m_outlineActor->PickableOff();
}

SwathRepresentation::~SwathRepresentation() = default;

void SwathRepresentation::addTo(vtkRenderer* renderer)
{
    RasterRepresentation::addTo(renderer);
    renderer->AddActor(m_outlineActor);
}

void SwathRepresentation::removeFrom(vtkRenderer* renderer)
{
    RasterRepresentation::removeFrom(renderer);
    renderer->RemoveActor(m_outlineActor);
}

void SwathRepresentation::applyStyle(const LayerStyle& style)
{
    RasterRepresentation::applyStyle(style);
    m_outlineActor->SetVisibility(style.visible);
    m_outlineActor->GetProperty()->SetOpacity(style.opacity);
}

void SwathRepresentation::setDepth(double z)
{
    RasterRepresentation::setDepth(z);
    m_outlineActor->SetPosition(0.0, 0.0, z);
}

} // namespace banquise::rendering
