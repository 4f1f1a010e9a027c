#include "scene/kinds/ProductKind.h"

#include "scene/ProductKinds.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"
#include "scene/kinds/Kinds.h"

#include <cpl_json.h>

#include <filesystem>

namespace banquise::scene {

const std::vector<ProductKind>& productKinds()
{
    // Order decides where kinds claim the same files: a Sentinel-2 SAFE
    // before Sentinel-1's (whose driver would refuse it); an RCM product
    // (a manifest.safe and a product.xml of its own) before Sentinel-1 and
    // RADARSAT-2; a calibrated Sentinel-1 measurement before any raster; the
    // netCDF layouts that say what they are before the sensor profiles, and
    // those before buoy trajectories (ICESat-2 calls itself a trajectory
    // too); IABP tables before plain CSV tracks.
    static const std::vector<ProductKind> kinds = {
        sentinel2SafeKind(), rcmKind(),         sentinel1SafeKind(),     sentinel1MeasurementKind(), radarsat2Kind(),
        ai4ArcticKind(),     swotHrRasterKind(), concentrationGridKind(), swotSwathKind(),            altimeterKind(),
        buoysKind(),         csvTrackKind(),     iceChartKind(),          georeferencedRasterKind(),
    };
    return kinds;
}

const ProductKind& productKind(const std::string& name)
{
    for (const ProductKind& kind : productKinds())
        if (kind.name == name)
            return kind;
    throw SceneError("", "no product kind is called '" + name + "'");
}

const ManifestReader* manifestReader(const std::string& product)
{
    for (const ProductKind& kind : productKinds())
        for (const ManifestReader& reader : kind.readers)
            if (reader.product == product)
                return &reader;
    return nullptr;
}

CPLJSONObject manifestEntry(const DetectedProduct& product, const std::string& name, const char* layerKind, const char* quantity,
                            const char* units, const char* resampling)
{
    CPLJSONObject e;
    e.Add("name", name);
    e.Add("kind", layerKind);
    e.Add("file", std::filesystem::absolute(product.path).string());
    e.Add("sensor", product.sensor);
    e.Add("quantity", quantity);
    e.Add("units", units);
    if (product.time > 0.0)
        e.Add("time", formatUtc(product.time));
    e.Add("resampling", resampling);
    return e;
}

std::string dateSuffix(double time)
{
    return " " + formatUtc(time).substr(0, 10);
}

ProductRole productRole(const DetectedProduct& product)
{
    return productKind(product.kind).role(product);
}

std::vector<ProductFileFilter> productFileFilters()
{
    std::vector<ProductFileFilter> filters;
    for (const ProductKind& kind : productKinds())
        filters.push_back({kind.label, kind.dialogPatterns});
    return filters;
}

} // namespace banquise::scene
