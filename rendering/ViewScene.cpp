#include "rendering/ViewScene.h"

#include "rendering/LayerRepresentation.h"
#include "rendering/RepresentationFactory.h"
#include "scene/Layer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkScalarsToColors.h>
#include <vtkTextProperty.h>

#include <stdexcept>

namespace banquise::rendering {

namespace {
// Layers are stacked this many metres apart above the map plane.
constexpr double kLayerSpacing = 1.0;
} // namespace

struct ViewScene::Entry {
    std::shared_ptr<const scene::Layer> layer;
    LayerStyle style;
    std::unique_ptr<LayerRepresentation> representation;
};

ViewScene::ViewScene()
{
    m_renderer->SetBackground(0.11, 0.13, 0.16);
    m_colorbar->SetOrientationToVertical();
    m_colorbar->SetPosition(0.88, 0.08);
    m_colorbar->SetWidth(0.1);
    m_colorbar->SetHeight(0.8);
    m_colorbar->SetNumberOfLabels(5);
    m_colorbar->SetLabelFormat("%-#6.3g");
    m_colorbar->UnconstrainedFontSizeOn();
    m_colorbar->GetLabelTextProperty()->SetFontSize(11);
    m_colorbar->GetTitleTextProperty()->SetFontSize(12);
    m_colorbar->SetVisibility(false);
    m_renderer->AddViewProp(m_colorbar);

    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(m_crosshair);
    m_crosshairActor->SetMapper(mapper);
    m_crosshairActor->GetProperty()->SetColor(1.0, 0.2, 0.6);
    m_crosshairActor->GetProperty()->SetLineWidth(1.0);
    m_crosshairActor->SetVisibility(false);
    m_crosshairActor->PickableOff();
    m_renderer->AddActor(m_crosshairActor);
}

ViewScene::~ViewScene() = default;

vtkRenderer* ViewScene::renderer() const
{
    return m_renderer;
}

int ViewScene::addLayer(std::shared_ptr<const scene::Layer> layer, const LayerStyle& style)
{
    auto entry = std::make_unique<Entry>();
    entry->representation = createRepresentation(layer);
    entry->layer = std::move(layer);
    entry->style = style;
    entry->representation->applyStyle(style);
    m_entries.push_back(std::move(entry));
    restack();
    return layerCount() - 1;
}

void ViewScene::clear()
{
    for (auto& entry : m_entries)
        entry->representation->removeFrom(m_renderer);
    m_entries.clear();
    updateColorbar();
}

const scene::Layer& ViewScene::layer(int index) const
{
    return *m_entries.at(index)->layer;
}

const LayerStyle& ViewScene::style(int index) const
{
    return m_entries.at(index)->style;
}

void ViewScene::setStyle(int index, const LayerStyle& style)
{
    Entry& entry = *m_entries.at(index);
    entry.style = style;
    entry.representation->applyStyle(style);
    updateColorbar();
}

void ViewScene::moveLayer(int from, int to)
{
    if (from < 0 || from >= layerCount() || to < 0 || to >= layerCount())
        throw std::out_of_range("layer index out of range");
    auto moved = std::move(m_entries[from]);
    m_entries.erase(m_entries.begin() + from);
    m_entries.insert(m_entries.begin() + to, std::move(moved));
    restack();
}

void ViewScene::restack()
{
    // Translucent props draw in the order they were added: re-add bottom
    // first so that blending follows the stack, and lift each above the last.
    for (auto& entry : m_entries)
        entry->representation->removeFrom(m_renderer);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        m_entries[i]->representation->setDepth(static_cast<double>(i) * kLayerSpacing);
        m_entries[i]->representation->addTo(m_renderer);
    }
    m_renderer->RemoveActor(m_crosshairActor);
    m_crosshairActor->SetPosition(0.0, 0.0, static_cast<double>(m_entries.size() + 1) * kLayerSpacing);
    m_renderer->AddActor(m_crosshairActor);
    updateColorbar();
}

int ViewScene::colorbarLayer() const
{
    for (int i = layerCount() - 1; i >= 0; --i)
        if (m_entries[i]->style.visible && m_entries[i]->representation->lookupTable())
            return i;
    return -1;
}

void ViewScene::updateColorbar()
{
    const int index = colorbarLayer();
    if (index < 0) {
        m_colorbar->SetVisibility(false);
        return;
    }
    const Entry& entry = *m_entries[index];
    m_colorbar->SetLookupTable(entry.representation->lookupTable());
    const std::string units = isDecibel(entry.style.colormap) ? "dB" : entry.layer->info().units;
    m_colorbar->SetTitle((entry.layer->name() + (units.empty() ? "" : "\n[" + units + "]")).c_str());
    m_colorbar->SetVisibility(true);
}

void ViewScene::setCrosshair(const std::optional<scene::MapPoint>& point, const scene::MapExtent& extent)
{
    m_crosshairActor->SetVisibility(point.has_value());
    if (!point)
        return;
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    points->InsertNextPoint(extent.xMin, point->y, 0.0);
    points->InsertNextPoint(extent.xMax, point->y, 0.0);
    points->InsertNextPoint(point->x, extent.yMin, 0.0);
    points->InsertNextPoint(point->x, extent.yMax, 0.0);
    vtkNew<vtkCellArray> lines;
    const vtkIdType horizontal[2] = {0, 1};
    const vtkIdType vertical[2] = {2, 3};
    lines->InsertNextCell(2, horizontal);
    lines->InsertNextCell(2, vertical);
    m_crosshair->SetPoints(points);
    m_crosshair->SetLines(lines);
    m_crosshair->Modified();
}

} // namespace banquise::rendering
