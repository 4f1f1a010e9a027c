#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace banquise::rendering {

enum class Colormap {
    GreyDecibel, // SAR: 10 log10 of linear power, grey ramp
    Grey,
    RgbComposite, // three bands shown as red, green, blue
    Sequential,   // concentration: dark blue water to white ice
    Diverging,    // elevation: blue below, white at zero, red above (RdBu)
    Warm,         // speeds and other overlays: dark purple to yellow (inferno-like), readable over grey SAR and white ice
    Classes,      // sea-ice class codes (labeling::LabelCode) in their label colours, over the range [0, 3]
};

using Rgb = std::array<std::uint8_t, 3>;

std::string toString(Colormap colormap);
const std::vector<Colormap>& allColormaps();
// Colour of a normalised position t in [0, 1] (clamped).
Rgb colourAt(Colormap colormap, double t);
// True for the dB map: values are shown as 10 log10(v).
bool isDecibel(Colormap colormap);
// The value the colormap sees: dB for GreyDecibel, else unchanged.
double displayValue(Colormap colormap, double value);

} // namespace banquise::rendering
