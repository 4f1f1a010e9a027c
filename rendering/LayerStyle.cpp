#include "rendering/LayerStyle.h"

#include "labeling/LabelClass.h"
#include "scene/Layer.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"

#include <algorithm>
#include <cmath>

namespace banquise::rendering {

namespace {
constexpr std::size_t kStretchSamples = 1 << 18;
} // namespace

ValueRange percentileRange(std::vector<float> values, double lowPercent, double highPercent)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](float v) { return !std::isfinite(v); }), values.end());
    if (values.empty())
        return {};
    auto at = [&values](double percent) {
        const auto k = static_cast<std::size_t>(std::clamp(percent / 100.0, 0.0, 1.0) * (values.size() - 1) + 0.5);
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
        return static_cast<double>(values[k]);
    };
    ValueRange range{at(lowPercent), at(highPercent)};
    if (range.max <= range.min) { // constant values: a narrow range around them
        const double pad = std::max(std::abs(range.min) * 0.1, 1e-3);
        range.min -= pad;
        range.max += pad;
    }
    return range;
}

Colormap defaultColormap(const scene::Layer& layer)
{
    using scene::Quantity;
    if (layer.kind() == scene::LayerKind::Vectors || layer.info().quantity == Quantity::DriftSpeed)
        return Colormap::Warm;
    switch (layer.info().quantity) {
    case Quantity::Sigma0: return Colormap::GreyDecibel;
    case Quantity::Reflectance: {
        const auto* raster = dynamic_cast<const scene::RasterLayer*>(&layer);
        const auto* pyramid = dynamic_cast<const scene::PyramidLayer*>(&layer);
        const int bands = raster ? raster->bandCount() : pyramid ? pyramid->bandCount() : 1;
        return bands >= 3 ? Colormap::RgbComposite : Colormap::Grey;
    }
    case Quantity::SeaIceConcentration: return Colormap::Sequential;
    case Quantity::Freeboard: return Colormap::Diverging;
    case Quantity::SeaIceClass: return Colormap::Classes;
    default: return Colormap::Grey;
    }
}

ValueRange autoStretch(const scene::Layer& layer, Colormap colormap)
{
    if (colormap == Colormap::Classes)
        return {0.0, static_cast<double>(labeling::labelClasses().size() - 1)}; // codes are not stretched
    std::vector<float> values = layer.sampleValues(kStretchSamples);
    if (isDecibel(colormap))
        for (float& v : values)
            v = static_cast<float>(displayValue(colormap, v));
    ValueRange range = percentileRange(std::move(values), 2.0, 98.0);
    if (colormap == Colormap::Diverging) {
        const double bound = std::max(std::abs(range.min), std::abs(range.max));
        range = {-bound, bound};
    }
    return range;
}

LayerStyle defaultStyle(const scene::Layer& layer)
{
    LayerStyle style;
    style.colormap = defaultColormap(layer);
    const ValueRange range = autoStretch(layer, style.colormap);
    style.min = range.min;
    style.max = range.max;
    if (layer.kind() == scene::LayerKind::Labels)
        style.opacity = 0.6; // the SAR under the labels stays readable
    return style;
}

} // namespace banquise::rendering
