#pragma once

#include "rendering/LayerStyle.h"
#include "scene/MapTypes.h"

#include <vtkNew.h> // owned props

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class vtkActor;
class vtkPolyData;
class vtkRenderer;
class vtkScalarBarActor;

namespace banquise::scene {
class Layer;
}

namespace banquise::rendering {

class ColouredImages;
class LayerRepresentation;

// The stack of layers one view shows (index 0 at the bottom), each with its
// own style, plus the view's colorbar and crosshair. Holds shared references
// to the layers, never copies of their data. GUI thread only.
class ViewScene {
public:
    // `images` colours rasters; views of one grid share it (a view alone gets its own).
    explicit ViewScene(std::shared_ptr<ColouredImages> images = nullptr);
    ~ViewScene();
    ViewScene(const ViewScene&) = delete;
    ViewScene& operator=(const ViewScene&) = delete;

    vtkRenderer* renderer() const;

    // Inserts a layer at a stack position (0 = bottom; -1 = on top); returns it.
    int addLayer(std::shared_ptr<const scene::Layer> layer, const LayerStyle& style, int position = -1);
    // Stack index of a layer, or -1.
    int indexOf(const scene::Layer& layer) const;
    // Takes a layer out of the stack; false when the stack does not hold it.
    bool removeLayer(const scene::Layer& layer);
    void clear();
    int layerCount() const { return static_cast<int>(m_entries.size()); }
    const scene::Layer& layer(int index) const;
    const LayerStyle& style(int index) const;
    const LayerRepresentation& representation(int index) const;
    void setStyle(int index, const LayerStyle& style);
    // Brings the props of changing layers (labels) up to date with their data.
    void synchronise();
    // Moves a layer to another position of the stack (0 = bottom).
    void moveLayer(int from, int to);
    // Index of the top-most visible image (raster, swath) or overlay (track,
    // vectors) that has a colour table, or -1: what the two colorbars describe.
    int colorbarLayer(bool overlays) const;

    // What the view shows (map extent, metres per screen pixel), before each
    // frame: layers read by window load what it needs; later layers start from it.
    void showRegion(const scene::MapExtent& visible, double metresPerPixel);

    // Crosshair lines through a map point across the given extent; nullopt hides it.
    void setCrosshair(const std::optional<scene::MapPoint>& point, const scene::MapExtent& extent);

private:
    struct Entry;
    void restack();
    void updateColorbars();

    std::shared_ptr<ColouredImages> m_images;
    vtkNew<vtkRenderer> m_renderer;
    // Right: the top image layer; left: the top track.
    vtkNew<vtkScalarBarActor> m_imageColorbar;
    vtkNew<vtkScalarBarActor> m_trackColorbar;
    vtkNew<vtkPolyData> m_crosshair;
    vtkNew<vtkActor> m_crosshairActor;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::optional<std::pair<scene::MapExtent, double>> m_region;
};

} // namespace banquise::rendering
