#include "widgets/ViewGrid.h"

#include "rendering/ColouredImages.h"
#include "rendering/LayerStyle.h"
#include "rendering/MapNavigation.h"
#include "rendering/ViewScene.h"
#include "scene/Scene.h"
#include "widgets/VtkView.h"

#include <QGridLayout>

#include <vtkCamera.h>

namespace banquise::widgets {

ViewGrid::ViewGrid(QWidget* parent) : QWidget(parent)
{
    rendering::setUpMapCamera(m_camera);
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    const auto images = std::make_shared<rendering::ColouredImages>();
    for (int i = 0; i < kMaxViews; ++i) {
        auto* view = new VtkView(m_camera, images, this);
        view->setObjectName(QStringLiteral("view%1").arg(i + 1));
        m_grid->addWidget(view, i / 2, i % 2);
        connect(view, &VtkView::cursorMoved, this, [this](double x, double y) {
            showCrosshair(scene::MapPoint{x, y});
            Q_EMIT cursorMoved(x, y);
        });
        connect(view, &VtkView::cursorLeft, this, [this] {
            showCrosshair(std::nullopt);
            Q_EMIT cursorLeft();
        });
        m_views.push_back(view);
    }
    setGridLayout(GridLayout::OneByTwo);
}

ViewGrid::~ViewGrid() = default;

void ViewGrid::setGridLayout(GridLayout layout)
{
    m_layout = layout;
    const int count = visibleViewCount();
    for (int i = 0; i < kMaxViews; ++i)
        m_views[i]->setVisible(i < count);
    Q_EMIT layoutChanged();
}

int ViewGrid::visibleViewCount() const
{
    switch (m_layout) {
    case GridLayout::Single: return 1;
    case GridLayout::OneByTwo: return 2;
    case GridLayout::TwoByTwo: return 4;
    }
    return 1;
}

void ViewGrid::showScene(const scene::Scene& scene)
{
    m_sceneExtent = scene.grid().extent();
    std::vector<std::size_t> images;
    for (std::size_t i = 0; i < scene.layers().size(); ++i)
        if (!scene::isOverlay(scene.layers()[i]->kind()))
            images.push_back(i);
    for (int v = 0; v < kMaxViews; ++v) {
        rendering::ViewScene& stack = m_views[v]->viewScene();
        stack.clear();
        const std::size_t shownImage = images.empty() ? scene.layers().size() : images[v % images.size()];
        // Images below tracks, in scene order.
        for (const bool tracks : {false, true})
            for (std::size_t i = 0; i < scene.layers().size(); ++i) {
                const auto& layer = scene.layers()[i];
                if (scene::isOverlay(layer->kind()) != tracks)
                    continue;
                rendering::LayerStyle style = rendering::defaultStyle(*layer);
                style.visible = tracks || i == shownImage;
                stack.addLayer(layer, style);
            }
    }
    fitToScene();
}

void ViewGrid::addLayer(const std::shared_ptr<const scene::Layer>& layer, bool visible)
{
    rendering::LayerStyle style = rendering::defaultStyle(*layer);
    style.visible = visible;
    for (VtkView* view : m_views) {
        rendering::ViewScene& stack = view->viewScene();
        // Images go under the tracks and vectors already drawn over the others.
        int position = stack.layerCount();
        if (!scene::isOverlay(layer->kind()))
            while (position > 0 && scene::isOverlay(stack.layer(position - 1).kind()))
                --position;
        stack.addLayer(layer, style, position);
        view->update();
    }
}

void ViewGrid::setLayerVisible(const scene::Layer& layer, bool visible, int viewIndex)
{
    for (int k = 0; k < static_cast<int>(m_views.size()); ++k) {
        if (viewIndex >= 0 && k != viewIndex)
            continue;
        VtkView* view = m_views[k];
        rendering::ViewScene& stack = view->viewScene();
        if (const int i = stack.indexOf(layer); i >= 0) {
            rendering::LayerStyle style = stack.style(i);
            style.visible = visible;
            stack.setStyle(i, style);
        }
        view->update();
    }
}

void ViewGrid::addAlternative(const scene::Layer& original, const std::shared_ptr<const scene::Layer>& replacement)
{
    for (VtkView* view : m_views) {
        rendering::ViewScene& stack = view->viewScene();
        const int i = stack.indexOf(original);
        if (i < 0)
            continue;
        const rendering::LayerStyle style = stack.style(i);
        rendering::LayerStyle hidden = style;
        hidden.visible = false;
        stack.setStyle(i, hidden);
        stack.addLayer(replacement, style, i + 1);
        view->update();
    }
}

void ViewGrid::fitToScene()
{
    fitTo(m_sceneExtent);
}

void ViewGrid::fitTo(const scene::MapExtent& extent)
{
    if (extent.width() <= 0.0)
        return;
    const VtkView* first = m_views.front();
    rendering::fitExtent(m_camera, extent, first->width(), first->height());
}

void ViewGrid::refresh()
{
    for (VtkView* view : m_views)
        view->update();
}

void ViewGrid::removeLayer(const scene::Layer& layer)
{
    for (VtkView* view : m_views) {
        view->viewScene().removeLayer(layer);
        view->update();
    }
}

void ViewGrid::synchroniseLayers()
{
    for (VtkView* view : m_views) {
        view->viewScene().synchronise();
        if (view->isVisible())
            view->update();
    }
}

void ViewGrid::setMapTool(MapTool* tool)
{
    m_tool = tool;
    for (VtkView* view : m_views)
        view->setMapTool(tool);
}

void ViewGrid::showCrosshair(const std::optional<scene::MapPoint>& point)
{
    for (VtkView* view : m_views) {
        view->viewScene().setCrosshair(point, m_sceneExtent);
        view->update();
    }
}

} // namespace banquise::widgets
