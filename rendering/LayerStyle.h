#pragma once

#include "rendering/Colormap.h"

#include <cstddef>
#include <vector>

namespace banquise::scene {
class Layer;
}

namespace banquise::rendering {

// How one view shows one layer; a value, separate from the layer's data.
struct LayerStyle {
    bool visible = true;
    double opacity = 1.0;
    Colormap colormap = Colormap::Grey;
    // In display units (dB for GreyDecibel).
    double min = 0.0;
    double max = 1.0;
    bool showFootprints = false;

    bool operator==(const LayerStyle& o) const
    {
        return visible == o.visible && opacity == o.opacity && colormap == o.colormap && min == o.min && max == o.max
            && showFootprints == o.showFootprints;
    }
    bool operator!=(const LayerStyle& o) const { return !(*this == o); }
};

struct ValueRange {
    double min = 0.0;
    double max = 1.0;
};

// Percentile range (e.g. 2-98 %) of finite values; {0, 1} when none.
ValueRange percentileRange(std::vector<float> values, double lowPercent, double highPercent);

// The colormap that fits what a layer measures (grey dB for SAR, RGB for
// three-band optical, sequential for concentration, diverging for elevation).
Colormap defaultColormap(const scene::Layer& layer);

// Range from a 2-98 % stretch of the layer's values in the colormap's units;
// diverging maps get a range symmetric about zero.
ValueRange autoStretch(const scene::Layer& layer, Colormap colormap);

LayerStyle defaultStyle(const scene::Layer& layer);

} // namespace banquise::rendering
