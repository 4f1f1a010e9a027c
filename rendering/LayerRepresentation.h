#pragma once

#include "rendering/LayerStyle.h"
#include "scene/MapTypes.h"

#include <memory>

class vtkRenderer;
class vtkScalarsToColors;

namespace banquise::scene {
class Layer;
}

namespace banquise::rendering {

// Turns one layer and its style into VTK props (napari's layer visual,
// ParaView's representation). It owns its props, never the layer's data
// beyond a shared reference. GUI thread only.
class LayerRepresentation {
public:
    virtual ~LayerRepresentation() = default;

    virtual void addTo(vtkRenderer* renderer) = 0;
    virtual void removeFrom(vtkRenderer* renderer) = 0;
    virtual void applyStyle(const LayerStyle& style) = 0;
    // Height above the map plane: later layers of a stack draw above.
    virtual void setDepth(double z) = 0;
    // The colour table a colorbar shows, nullptr for RGB composites.
    virtual vtkScalarsToColors* lookupTable() const = 0;

    virtual const scene::Layer& layer() const = 0;
    // Catches up with a layer that changes (labels); true when it made new
    // props, which the view must then restack.
    virtual bool synchronise() { return false; }
    // What the view shows (map extent, metres per screen pixel), before each
    // frame: layers read from disk by window (pyramids) load what it needs.
    virtual void showRegion(const scene::MapExtent& /*visible*/, double /*metresPerPixel*/) {}
};

} // namespace banquise::rendering
