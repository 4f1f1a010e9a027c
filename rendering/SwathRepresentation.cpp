#include "rendering/SwathRepresentation.h"

#include "rendering/PolygonOutlines.h"

#include "scene/SwathLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace banquise::rendering {

SwathRepresentation::SwathRepresentation(std::shared_ptr<const scene::SwathLayer> layer, std::shared_ptr<ColouredImages> images)
    : RasterRepresentation(layer, std::move(images))
{
    setPolygonOutlines(m_outline, layer->footprints());
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
