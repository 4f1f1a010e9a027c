#include "scene/Layer.h"

#include <array>
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
