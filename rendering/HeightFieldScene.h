#pragma once

#include "rendering/LayerStyle.h"
#include "scene/MapTypes.h"

#include <vtkNew.h>

#include <memory>
#include <optional>

class vtkActor;
class vtkRenderer;

namespace banquise::scene {
class RasterLayer;
}

namespace banquise::rendering {

// A 3-D view of an elevation map: the surface as a height field (at most
// kMaxSide points a side, averaged from the grid), vertically exaggerated,
// with an image (SAR) draped on it, and a marker at the 2-D views' cursor.
// Builds props from the layers it is given and keeps no reference to them.
class HeightFieldScene {
public:
    static constexpr int kMaxSide = 400;

    HeightFieldScene();
    ~HeightFieldScene();

    vtkRenderer* renderer() const;

    // The surface of `elevation` (band 0, metres; no-data at sea level),
    // coloured by `drape` under `drapeStyle` (or by the elevation itself,
    // diverging, without a drape). The camera looks at it from the south,
    // 35 degrees up, when `resetCamera`.
    void setSurface(const scene::RasterLayer& elevation, const scene::RasterLayer* drape, const LayerStyle& drapeStyle,
                    bool resetCamera = true);
    bool hasSurface() const;
    // Heights multiplied by this (1: true scale; sea-ice relief of a metre
    // over 100 km needs thousands).
    void setExaggeration(double factor);
    double exaggeration() const { return m_exaggeration; }
    // The exaggeration that lifts the surface's highest point (block means)
    // to 5 % of the map's side: relief readable whatever the map's size.
    double suggestedExaggeration() const;
    // The marker at a map point on the surface; nullopt hides it.
    void setCursor(const std::optional<scene::MapPoint>& point);
    // Height of the surface (metres, before exaggeration) under a map point; nullopt outside.
    std::optional<double> heightAt(const scene::MapPoint& point) const;

private:
    struct Surface;
    void placeCursor();

    vtkNew<vtkRenderer> m_renderer;
    vtkNew<vtkActor> m_surface;
    vtkNew<vtkActor> m_marker;
    std::unique_ptr<Surface> m_grid;
    std::optional<scene::MapPoint> m_cursor;
    double m_exaggeration = 1.0;
};

} // namespace banquise::rendering
