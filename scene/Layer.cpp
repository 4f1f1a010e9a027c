#include "scene/Layer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace banquise::scene {

namespace {
const std::array<std::pair<Quantity, const char*>, 8> kQuantityNames{{
    {Quantity::Sigma0, "sigma0"},
    {Quantity::Reflectance, "reflectance"},
    {Quantity::SeaIceConcentration, "sea_ice_concentration"},
    {Quantity::Freeboard, "freeboard"},
    {Quantity::SurfaceClass, "surface_class"},
    {Quantity::SeaIceClass, "sea_ice_class"},
    {Quantity::DriftSpeed, "drift_speed"},
    {Quantity::Other, "other"},
}};
} // namespace

std::string toString(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Raster: return "raster";
    case LayerKind::Track: return "track";
    case LayerKind::Swath: return "swath";
    case LayerKind::Vectors: return "vectors";
    case LayerKind::Labels: return "labels";
    case LayerKind::Markers: return "markers";
    case LayerKind::Pyramid: return "pyramid";
    }
    return "raster";
}

std::vector<float> finiteSample(const std::vector<float>& values, std::size_t maxCount)
{
    const std::size_t step = maxCount == 0 ? 1 : std::max<std::size_t>(1, values.size() / maxCount);
    std::vector<float> out;
    out.reserve(maxCount == 0 ? values.size() : std::min(values.size(), maxCount + 1));
    for (std::size_t i = 0; i < values.size(); i += step)
        if (std::isfinite(values[i]))
            out.push_back(values[i]);
    return out;
}

std::string toString(Quantity quantity)
{
    for (const auto& [q, name] : kQuantityNames)
        if (q == quantity)
            return name;
    return "other";
}

Quantity quantityFromString(const std::string& name)
{
    for (const auto& [q, known] : kQuantityNames)
        if (name == known)
            return q;
    return Quantity::Other;
}

} // namespace banquise::scene
