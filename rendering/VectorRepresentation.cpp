#include "rendering/VectorRepresentation.h"

#include "rendering/LookupTable.h"
#include "scene/VectorLayer.h"

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

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

namespace {
constexpr double kHeadAngle = 0.45; // radians either side of the shaft
constexpr double kHeadLength = 0.3; // of the arrow length
} // namespace

VectorRepresentation::VectorRepresentation(std::shared_ptr<const scene::VectorLayer> layer) : m_layer(std::move(layer))
{
    double longest = 0.0;
    for (const auto& a : m_layer->arrows())
        longest = std::max(longest, std::hypot(a.dx, a.dy));
    const double scale = longest > 0.0 ? 0.9 * m_layer->spacing() / longest : 0.0;

    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkCellArray> lines;
    vtkNew<vtkFloatArray> values;
    values->SetName("value");
    auto addPoint = [&](double x, double y, float value) {
        values->InsertNextValue(value);
        return points->InsertNextPoint(x, y, 0.0);
    };
    for (const auto& a : m_layer->arrows()) {
        const double tipX = a.position.x + scale * a.dx;
        const double tipY = a.position.y + scale * a.dy;
        const vtkIdType tail = addPoint(a.position.x, a.position.y, a.value);
        const vtkIdType tip = addPoint(tipX, tipY, a.value);
        const vtkIdType shaft[2] = {tail, tip};
        lines->InsertNextCell(2, shaft);
        const double angle = std::atan2(a.dy, a.dx);
        const double head = kHeadLength * scale * std::hypot(a.dx, a.dy);
        for (const double side : {-kHeadAngle, kHeadAngle}) {
            const vtkIdType barb = addPoint(tipX - head * std::cos(angle + side), tipY - head * std::sin(angle + side), a.value);
            const vtkIdType segment[2] = {tip, barb};
            lines->InsertNextCell(2, segment);
        }
    }
    m_arrows->SetPoints(points);
    m_arrows->SetLines(lines);
    m_arrows->GetPointData()->SetScalars(values);
    m_mapper->SetInputData(m_arrows);
    m_mapper->SetScalarModeToUsePointData();
    m_actor->SetMapper(m_mapper);
    m_actor->GetProperty()->SetLineWidth(1.5);
    m_actor->GetProperty()->LightingOff(); // flat map colours
    m_actor->ForceTranslucentOn();          // painted in stack order, see ViewScene
    m_actor->PickableOff();
}

VectorRepresentation::~VectorRepresentation() = default;

void VectorRepresentation::addTo(vtkRenderer* renderer)
{
    renderer->AddActor(m_actor);
}

void VectorRepresentation::removeFrom(vtkRenderer* renderer)
{
    renderer->RemoveActor(m_actor);
}

void VectorRepresentation::applyStyle(const LayerStyle& style)
{
    const Colormap colormap = style.colormap == Colormap::RgbComposite ? Colormap::Sequential : style.colormap;
    m_table = makeLookupTable(colormap, style.min, style.max);
    m_mapper->SetLookupTable(m_table);
    m_mapper->SetScalarRange(style.min, style.max);
    m_mapper->SetUseLookupTableScalarRange(true);
    m_actor->SetVisibility(style.visible);
    m_actor->GetProperty()->SetOpacity(style.opacity);
}

void VectorRepresentation::setDepth(double z)
{
    m_actor->SetPosition(0.0, 0.0, z);
}

vtkScalarsToColors* VectorRepresentation::lookupTable() const
{
    return m_table;
}

const scene::Layer& VectorRepresentation::layer() const
{
    return *m_layer;
}

} // namespace banquise::rendering
