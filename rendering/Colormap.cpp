#include "rendering/Colormap.h"

#include "labeling/LabelClass.h"

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

namespace {
using Stops = std::vector<std::array<double, 3>>;

// Control points of ColorBrewer's RdBu (reversed: blue low, red high) and of
// a water-to-ice ramp, in sRGB 0..1, evenly spaced.
const Stops& stops(Colormap colormap)
{
    static const Stops grey{{0, 0, 0}, {1, 1, 1}};
    static const Stops sequential{{0.03, 0.11, 0.27}, {0.13, 0.40, 0.67}, {0.42, 0.68, 0.84},
                                  {0.78, 0.89, 0.95}, {1.0, 1.0, 1.0}};
    static const Stops diverging{{0.02, 0.19, 0.38}, {0.13, 0.40, 0.67}, {0.26, 0.58, 0.76}, {0.57, 0.77, 0.87},
                                 {0.82, 0.90, 0.94}, {0.97, 0.97, 0.97}, {0.99, 0.86, 0.78}, {0.96, 0.65, 0.51},
                                 {0.84, 0.38, 0.30}, {0.70, 0.09, 0.17}, {0.40, 0.0, 0.12}};
    static const Stops warm{{0.10, 0.03, 0.25}, {0.45, 0.07, 0.43}, {0.78, 0.21, 0.33}, {0.97, 0.50, 0.09}, {0.98, 0.90, 0.30}};
    switch (colormap) {
    case Colormap::Warm: return warm;
    case Colormap::Sequential: return sequential;
    case Colormap::Diverging: return diverging;
    default: return grey;
    }
}
} // namespace

std::string toString(Colormap colormap)
{
    switch (colormap) {
    case Colormap::GreyDecibel: return "grey (dB)";
    case Colormap::Grey: return "grey";
    case Colormap::RgbComposite: return "RGB composite";
    case Colormap::Sequential: return "sequential (ice)";
    case Colormap::Diverging: return "diverging";
    case Colormap::Warm: return "warm";
    case Colormap::Classes: return "sea-ice classes";
    }
    return "grey";
}

const std::vector<Colormap>& allColormaps()
{
    static const std::vector<Colormap> all{Colormap::GreyDecibel, Colormap::Grey, Colormap::RgbComposite,
                                           Colormap::Sequential, Colormap::Diverging, Colormap::Warm, Colormap::Classes};
    return all;
}

Rgb colourAt(Colormap colormap, double t)
{
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
    if (colormap == Colormap::Classes) { // categorical: the nearest code's label colour
        const auto& classes = labeling::labelClasses();
        return classes[std::min(static_cast<std::size_t>(std::lround(t * (classes.size() - 1))), classes.size() - 1)].colour;
    }
    const Stops& s = stops(colormap);
    const double position = t * static_cast<double>(s.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(position), s.size() - 2);
    const double f = position - static_cast<double>(i);
    Rgb rgb{};
    for (int c = 0; c < 3; ++c)
        rgb[c] = static_cast<std::uint8_t>(std::lround(255.0 * ((1.0 - f) * s[i][c] + f * s[i + 1][c])));
    return rgb;
}

bool isDecibel(Colormap colormap)
{
    return colormap == Colormap::GreyDecibel;
}

double displayValue(Colormap colormap, double value)
{
    if (!isDecibel(colormap))
        return value;
    return value > 0.0 ? 10.0 * std::log10(value) : std::nan("");
}

} // namespace banquise::rendering
