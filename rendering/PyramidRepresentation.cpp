#include "rendering/PyramidRepresentation.h"

#include "rendering/ColouredImages.h"
#include "rendering/LookupTable.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterPyramid.h"

#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkLookupTable.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

namespace banquise::rendering {

namespace {
// The window read is the visible one grown by this fraction of its size on
// each side: pans of up to a quarter of the view read nothing.
constexpr double kMargin = 0.25;
} // namespace

bool PyramidRepresentation::Window::contains(const Window& other) const
{
    return level == other.level && col <= other.col && row <= other.row && col + cols >= other.col + other.cols
        && row + rows >= other.row + other.rows;
}

PyramidRepresentation::PyramidRepresentation(std::shared_ptr<const scene::PyramidLayer> layer) : m_layer(std::move(layer))
{
    m_actor->InterpolateOff();
    m_actor->PickableOff();
    m_actor->SetVisibility(false);
}

PyramidRepresentation::~PyramidRepresentation() = default;

void PyramidRepresentation::addTo(vtkRenderer* renderer)
{
    renderer->AddViewProp(m_actor);
}

void PyramidRepresentation::removeFrom(vtkRenderer* renderer)
{
    renderer->RemoveViewProp(m_actor);
}

void PyramidRepresentation::applyStyle(const LayerStyle& style)
{
    const bool recolour = !m_styled || style.colormap != m_style.colormap || style.min != m_style.min || style.max != m_style.max;
    m_style = style;
    m_styled = true;
    const bool composite = style.colormap == Colormap::RgbComposite && m_layer->bandCount() >= 3;
    m_table = composite ? nullptr : makeLookupTable(style.colormap, style.min, style.max);
    // A layer shown again catches up with the view it was hidden from.
    const bool read = style.visible && m_metresPerPixel > 0.0 && load();
    if (recolour && !read && !m_values.empty())
        colour();
    m_actor->SetVisibility(style.visible && !m_values.empty());
    m_actor->SetOpacity(style.opacity);
}

void PyramidRepresentation::showRegion(const scene::MapExtent& visible, double metresPerPixel)
{
    m_visible = visible;
    m_metresPerPixel = metresPerPixel;
    if (m_styled && m_style.visible)
        load();
}

bool PyramidRepresentation::load()
{
    const scene::RasterPyramid& pyramid = m_layer->pyramid();
    const int level = pyramid.levelFor(m_metresPerPixel);
    const scene::AnalysisGrid& grid = pyramid.levelGrid(level);
    const double cell = grid.pixelSize();
    // Cells of the level under the visible extent, clipped to the level.
    auto cellsOf = [&](const scene::MapExtent& e) {
        Window w;
        w.level = level;
        w.col = std::clamp(static_cast<int>(std::floor((e.xMin - grid.originX()) / cell)), 0, grid.width());
        w.row = std::clamp(static_cast<int>(std::floor((grid.originY() - e.yMax) / cell)), 0, grid.height());
        const int colEnd = std::clamp(static_cast<int>(std::ceil((e.xMax - grid.originX()) / cell)), 0, grid.width());
        const int rowEnd = std::clamp(static_cast<int>(std::ceil((grid.originY() - e.yMin) / cell)), 0, grid.height());
        w.cols = colEnd - w.col;
        w.rows = rowEnd - w.row;
        return w;
    };
    const Window needed = cellsOf(m_visible);
    if (needed.cols <= 0 || needed.rows <= 0 || m_window.contains(needed))
        return false;
    const double grow = kMargin * std::max(m_visible.width(), m_visible.height());
    m_window = cellsOf({m_visible.xMin - grow, m_visible.xMax + grow, m_visible.yMin - grow, m_visible.yMax + grow});
    try {
        m_values = pyramid.read(level, m_window.col, m_window.row, m_window.cols, m_window.rows);
    } catch (const std::exception& e) {
        // A pyramid gone or damaged under a running view: the layer shows
        // nothing, says why once, and the window keeps running.
        if (m_values.size() || !m_reported)
            std::fprintf(stderr, "banquise: %s\n", e.what());
        m_reported = true;
        m_values.clear();
        m_actor->SetVisibility(false);
        return false;
    }
    colour();
    m_actor->SetVisibility(m_style.visible);
    return true;
}

void PyramidRepresentation::colour()
{
    const scene::AnalysisGrid& grid = m_layer->pyramid().levelGrid(m_window.level);
    std::vector<const float*> bands;
    for (const auto& band : m_values)
        bands.push_back(band.data());
    const scene::MapPoint bottomLeft = grid.pixelCentre(m_window.col, m_window.row + m_window.rows - 1);
    m_actor->GetMapper()->SetInputData(colourBands(bands, m_window.cols, m_window.rows, grid.pixelSize(), bottomLeft, m_style));
}

void PyramidRepresentation::setDepth(double z)
{
    m_actor->SetPosition(0.0, 0.0, z);
}

vtkScalarsToColors* PyramidRepresentation::lookupTable() const
{
    return m_table;
}

const scene::Layer& PyramidRepresentation::layer() const
{
    return *m_layer;
}

} // namespace banquise::rendering
