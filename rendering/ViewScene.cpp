#include "rendering/ViewScene.h"

#include "rendering/ColouredImages.h"
#include "rendering/LayerRepresentation.h"
#include "rendering/RepresentationFactory.h"
#include "scene/Layer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderStepsPass.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkScalarsToColors.h>
#include <vtkTextProperty.h>
#include <vtkTranslucentPass.h>

#include <stdexcept>

namespace banquise::rendering {

namespace {
// Layers are stacked this many metres apart above the map plane.
constexpr double kLayerSpacing = 1.0;


void setUpColorbar(vtkScalarBarActor* bar, double x)
{
    bar->SetOrientationToVertical();
    bar->SetPosition(x, 0.1);
    bar->SetWidth(0.14);
    bar->SetHeight(0.75);
    bar->SetBarRatio(0.2);
    bar->SetNumberOfLabels(5);
    bar->SetLabelFormat("%-#6.3g");
    bar->SetTextPositionToPrecedeScalarBar();
    bar->UnconstrainedFontSizeOn();
    bar->GetLabelTextProperty()->SetFontSize(11);
    bar->GetLabelTextProperty()->ShadowOn();
    bar->GetTitleTextProperty()->SetFontSize(11);
    bar->GetTitleTextProperty()->ShadowOn();
    bar->SetVisibility(false);
}

// "S1 HH sigma…\n[dB]": the name shortened to fit above a narrow bar.
std::string colorbarTitle(const std::string& name, const std::string& units)
{
    constexpr std::size_t kMaxName = 12;
    std::string title = name.size() > kMaxName ? name.substr(0, kMaxName - 1) + "…" : name;
    return units.empty() ? title : title + "\n[" + units + "]";
}
} // namespace

struct ViewScene::Entry {
    std::shared_ptr<const scene::Layer> layer;
    LayerStyle style;
    std::unique_ptr<LayerRepresentation> representation;
};

ViewScene::ViewScene(std::shared_ptr<ColouredImages> images)
    : m_images(images ? std::move(images) : std::make_shared<ColouredImages>())
{
    m_renderer->SetBackground(0.11, 0.13, 0.16);
    // A map stack is painted bottom to top, like a GIS canvas. Images are
    // translucent (NaN is transparent) and VTK 9.1 composites translucent
    // props with its order-independent pass, which mixes two stacked images
    // half and half. So every prop of the stack is drawn in the plain
    // translucent pass (tracks and outlines are forced translucent), in the
    // order restack() added them.
    vtkNew<vtkRenderStepsPass> steps;
    vtkNew<vtkTranslucentPass> ordered;
    steps->SetTranslucentPass(ordered);
    m_renderer->SetPass(steps);
    setUpColorbar(m_imageColorbar, 0.85);
    setUpColorbar(m_trackColorbar, 0.01);
    m_renderer->AddViewProp(m_imageColorbar);
    m_renderer->AddViewProp(m_trackColorbar);

    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(m_crosshair);
    m_crosshairActor->SetMapper(mapper);
    m_crosshairActor->GetProperty()->LightingOff(); // flat map colours
    m_crosshairActor->ForceTranslucentOn(); // painted in stack order, see ViewScene
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

int ViewScene::addLayer(std::shared_ptr<const scene::Layer> layer, const LayerStyle& style, int position)
{
    auto entry = std::make_unique<Entry>();
    entry->representation = createRepresentation(layer, m_images);
    entry->layer = std::move(layer);
    entry->style = style;
    if (m_region)
        entry->representation->showRegion(m_region->first, m_region->second);
    entry->representation->applyStyle(style);
    const int at = position < 0 || position > layerCount() ? layerCount() : position;
    m_entries.insert(m_entries.begin() + at, std::move(entry));
    restack();
    return at;
}

int ViewScene::indexOf(const scene::Layer& layer) const
{
    for (int i = 0; i < layerCount(); ++i)
        if (m_entries[i]->layer.get() == &layer)
            return i;
    return -1;
}

bool ViewScene::removeLayer(const scene::Layer& layer)
{
    const int index = indexOf(layer);
    if (index < 0)
        return false;
    m_entries[index]->representation->removeFrom(m_renderer);
    m_entries.erase(m_entries.begin() + index);
    restack();
    return true;
}

void ViewScene::clear()
{
    for (auto& entry : m_entries)
        entry->representation->removeFrom(m_renderer);
    m_entries.clear();
    updateColorbars();
}

const scene::Layer& ViewScene::layer(int index) const
{
    return *m_entries.at(index)->layer;
}

const LayerStyle& ViewScene::style(int index) const
{
    return m_entries.at(index)->style;
}

const LayerRepresentation& ViewScene::representation(int index) const
{
    return *m_entries.at(index)->representation;
}

void ViewScene::setStyle(int index, const LayerStyle& style)
{
    Entry& entry = *m_entries.at(index);
    entry.style = style;
    entry.representation->applyStyle(style);
    updateColorbars();
}

void ViewScene::showRegion(const scene::MapExtent& visible, double metresPerPixel)
{
    m_region = std::make_pair(visible, metresPerPixel);
    for (auto& entry : m_entries)
        entry->representation->showRegion(visible, metresPerPixel);
}

void ViewScene::synchronise()
{
    bool added = false;
    for (auto& entry : m_entries)
        added = entry->representation->synchronise() || added;
    if (added)
        restack();
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
    updateColorbars();
}

int ViewScene::colorbarLayer(bool overlays) const
{
    for (int i = layerCount() - 1; i >= 0; --i) {
        const Entry& entry = *m_entries[i];
        if (scene::isOverlay(entry.layer->kind()) == overlays && entry.style.visible
            && entry.representation->lookupTable())
            return i;
    }
    return -1;
}

void ViewScene::updateColorbars()
{
    for (const bool tracks : {false, true}) {
        vtkScalarBarActor* bar = tracks ? m_trackColorbar.Get() : m_imageColorbar.Get();
        const int index = colorbarLayer(tracks);
        bar->SetVisibility(index >= 0);
        if (index < 0)
            continue;
        const Entry& entry = *m_entries[index];
        bar->SetLookupTable(entry.representation->lookupTable());
        const std::string units = isDecibel(entry.style.colormap) ? "dB" : entry.layer->info().units;
        bar->SetTitle(colorbarTitle(entry.layer->name(), units).c_str());
        bar->SetTextPosition(tracks ? vtkScalarBarActor::SucceedScalarBar : vtkScalarBarActor::PrecedeScalarBar);
    }
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
