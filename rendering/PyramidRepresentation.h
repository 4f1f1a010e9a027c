#pragma once

#include "rendering/LayerRepresentation.h"
#include "scene/MapTypes.h"

#include <vtkNew.h> // owned props
#include <vtkSmartPointer.h>

#include <vector>

class vtkImageActor;
class vtkImageData;
class vtkLookupTable;

namespace banquise::scene {
class PyramidLayer;
}

namespace banquise::rendering {

// A raster too large to hold, drawn from its pyramid: the window the view
// shows, plus a margin for panning, read at the level that matches the
// screen's pixels (about one cell per screen pixel), coloured and shown by
// a vtkImageActor. A pan within the margin or a zoom that keeps the level
// reads nothing; memory is a few screens of cells whatever the scene size.
class PyramidRepresentation : public LayerRepresentation {
public:
    explicit PyramidRepresentation(std::shared_ptr<const scene::PyramidLayer> layer);
    ~PyramidRepresentation() override;

    void addTo(vtkRenderer* renderer) override;
    void removeFrom(vtkRenderer* renderer) override;
    void applyStyle(const LayerStyle& style) override;
    void setDepth(double z) override;
    vtkScalarsToColors* lookupTable() const override;
    const scene::Layer& layer() const override;
    void showRegion(const scene::MapExtent& visible, double metresPerPixel) override;

    // The level and cells of the window held (level -1: none), for tests.
    struct Window {
        int level = -1;
        int col = 0;
        int row = 0;
        int cols = 0;
        int rows = 0;
        bool contains(const Window& other) const;
    };
    const Window& window() const { return m_window; }

private:
    // Reads and colours the window the view needs when the one held does
    // not cover it; true when it did.
    bool load();
    void colour();

    std::shared_ptr<const scene::PyramidLayer> m_layer;
    vtkNew<vtkImageActor> m_actor;
    vtkSmartPointer<vtkLookupTable> m_table;
    LayerStyle m_style;
    bool m_styled = false;
    scene::MapExtent m_visible;
    double m_metresPerPixel = 0.0;
    Window m_window;
    // The window's values, kept so that a new style recolours without reading.
    std::vector<std::vector<float>> m_values;
    bool m_reported = false;
};

} // namespace banquise::rendering
