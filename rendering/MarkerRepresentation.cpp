#include "rendering/MarkerRepresentation.h"

#include "scene/MarkerLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

namespace banquise::rendering {

namespace {
// Widths as shares of the ring's half size: drawn as polygons in map units,
// since wide GL lines are not drawn by every OpenGL driver (Mesa's core profile).
constexpr double kRingWidth = 0.3;
constexpr double kFocusWidth = 0.4;
constexpr double kRimWidth = 0.1; // the dark rim either side of a line
// The crosshair's arms run from this share of the half size outwards.
constexpr double kArmStart = 0.45;
constexpr double kArmEnd = 2.2;

struct Polygons {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> cells;
    vtkNew<vtkUnsignedCharArray> colours;
    Polygons()
    {
        points->SetDataTypeToDouble();
        colours->SetNumberOfComponents(3);
    }
    void addBox(double x0, double y0, double x1, double y1, const std::array<std::uint8_t, 3>& colour)
    {
        const vtkIdType ids[4] = {points->InsertNextPoint(x0, y0, 0.0), points->InsertNextPoint(x1, y0, 0.0),
                                  points->InsertNextPoint(x1, y1, 0.0), points->InsertNextPoint(x0, y1, 0.0)};
        cells->InsertNextCell(4, ids);
        colours->InsertNextTypedTuple(colour.data());
    }
    // A square frame between half sizes `inner` and `outer` around (x, y).
    void addFrame(double x, double y, double inner, double outer, const std::array<std::uint8_t, 3>& colour)
    {
        addBox(x - outer, y - outer, x + outer, y - inner, colour);
        addBox(x - outer, y + inner, x + outer, y + outer, colour);
        addBox(x - outer, y - inner, x - inner, y + inner, colour);
        addBox(x + inner, y - inner, x + outer, y + inner, colour);
    }
    // Four arms from `from` to `to` off the centre, `half` wide either side.
    void addArms(double x, double y, double from, double to, double half, const std::array<std::uint8_t, 3>& colour)
    {
        addBox(x + from, y - half, x + to, y + half, colour);
        addBox(x - to, y - half, x - from, y + half, colour);
        addBox(x - half, y + from, x + half, y + to, colour);
        addBox(x - half, y - to, x + half, y - from, colour);
    }
    void moveTo(vtkPolyData* data)
    {
        data->SetPoints(points);
        data->SetPolys(cells);
        data->GetCellData()->SetScalars(colours);
        data->Modified();
    }
};

// The rim (black, under) and the line (the marker's colour, over) of one marker.
void addMarker(Polygons& rims, Polygons& lines, const scene::Marker& m)
{
    static constexpr std::array<std::uint8_t, 3> black{0, 0, 0};
    const double x = m.position.x;
    const double y = m.position.y;
    const double h = m.halfSize;
    const double t = (m.emphasised ? kFocusWidth : kRingWidth) * h / 2.0;
    const double r = kRimWidth * h;
    rims.addFrame(x, y, h - t - r, h + t + r, black);
    lines.addFrame(x, y, h - t, h + t, m.colour);
    if (!m.emphasised)
        return;
    rims.addArms(x, y, kArmStart * h - r, kArmEnd * h + r, t + r, black);
    lines.addArms(x, y, kArmStart * h, kArmEnd * h, t, m.colour);
}

void setUp(vtkPolyData* data, vtkPolyDataMapper* mapper, vtkActor* actor)
{
    mapper->SetInputData(data);
    mapper->SetScalarModeToUseCellData();
    mapper->SetColorModeToDirectScalars();
    actor->SetMapper(mapper);
    actor->GetProperty()->LightingOff(); // flat map colours
    actor->ForceTranslucentOn();          // painted in stack order, see ViewScene
    actor->PickableOff();
}
} // namespace

MarkerRepresentation::MarkerRepresentation(std::shared_ptr<const scene::MarkerLayer> layer) : m_layer(std::move(layer))
{
    setUp(m_rims, m_rimMapper, m_rimActor);
    setUp(m_lines, m_lineMapper, m_lineActor);
    rebuild();
}

MarkerRepresentation::~MarkerRepresentation() = default;

void MarkerRepresentation::rebuild()
{
    Polygons rims;
    Polygons lines;
    // Emphasised markers last, so that they draw over the others.
    for (const bool emphasised : {false, true})
        for (const auto& m : m_layer->markers())
            if (m.emphasised == emphasised)
                addMarker(rims, lines, m);
    rims.moveTo(m_rims);
    lines.moveTo(m_lines);
    m_revision = m_layer->revision();
}

bool MarkerRepresentation::synchronise()
{
    if (m_layer->revision() != m_revision)
        rebuild();
    return false; // the same props, new lines
}

void MarkerRepresentation::addTo(vtkRenderer* renderer)
{
    // The rims first: within one depth, later props paint over earlier ones.
    for (vtkActor* actor : {m_rimActor.GetPointer(), m_lineActor.GetPointer()})
        renderer->AddActor(actor);
}

void MarkerRepresentation::removeFrom(vtkRenderer* renderer)
{
    for (vtkActor* actor : {m_rimActor.GetPointer(), m_lineActor.GetPointer()})
        renderer->RemoveActor(actor);
}

void MarkerRepresentation::applyStyle(const LayerStyle& style)
{
    for (vtkActor* actor : {m_rimActor.GetPointer(), m_lineActor.GetPointer()}) {
        actor->SetVisibility(style.visible);
        actor->GetProperty()->SetOpacity(style.opacity);
    }
}

void MarkerRepresentation::setDepth(double z)
{
    m_rimActor->SetPosition(0.0, 0.0, z);
    m_lineActor->SetPosition(0.0, 0.0, z);
}

const scene::Layer& MarkerRepresentation::layer() const
{
    return *m_layer;
}

} // namespace banquise::rendering
