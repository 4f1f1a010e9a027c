#include "scene/kinds/Kinds.h"

#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/Sentinel2Reflectance.h"
#include "scene/kinds/ProductFootprint.h"

#include <cpl_json.h>
#include <gdal_priv.h>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

bool sentinel2Claims(const fs::path& path, bool folder)
{
    const std::string name = path.filename().string();
    const std::string ext = lowerCase(path.extension().string());
    return folder ? ext == ".safe"
                  : name == "MTD_MSIL1C.xml" || name == "MTD_MSIL2A.xml" || (ext == ".zip" && name.rfind("S2", 0) == 0);
}

// A SAFE folder or zip of a Sentinel-2 L1C/L2A product: its RGB composite in
// reflectance (see Sentinel2Reflectance.h) is what the scene reads. A SAFE
// folder without Sentinel-2 metadata is Sentinel-1's.
Recognition detectSentinel2(const fs::path& path, DetectedProduct& product, std::string& reason)
{
    if (fs::is_directory(path) && sentinel2Metadata(path.string()).empty())
        return Recognition::NotThisKind;
    Sentinel2Description description;
    DatasetPtr ds;
    try {
        ds.reset(openSentinel2Reflectance(path.string(), &description));
    } catch (const SceneError& e) {
        reason = e.what();
        return Recognition::Refused;
    }
    product.sensor = description.spacecraft;
    product.path = path.string();
    product.time = description.time;
    product.detail = description.level + " RGB, " + rasterShape(*ds) + ", baseline " + description.baseline;
    rasterFootprint(*ds, product.footprint);
    return Recognition::Recognised;
}

bool isOptical(const DetectedProduct& p)
{
    return p.sensor.find("Sentinel-2") != std::string::npos;
}

Recognition detectRaster(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    std::string shape;
    DatasetPtr ds = openPlacedRaster(file, product, shape, reason);
    if (!ds)
        return Recognition::Refused;
    // A Sentinel-1 measurement without its calibration annotation beside it
    // (with one, it is sentinel1MeasurementKind's).
    if (const auto measurement = sentinel1Measurement(file.string())) {
        product.sensor = "Sentinel-1";
        product.time = measurement->time;
        product.detail = "uncalibrated digital numbers (no calibration annotation beside it), " + shape;
        return Recognition::Recognised;
    }
    const std::string name = lowerCase(file.filename().string());
    const char* sensor = ds->GetMetadataItem("SENSOR");
    const char* spacecraft = ds->GetRasterCount() > 0 ? ds->GetMetadataItem("SPACECRAFT_NAME") : nullptr;
    product.sensor = sensor ? sensor
        : spacecraft ? spacecraft
        : name.find("amsr") != std::string::npos ? "AMSR-2"
        : name.rfind("t", 0) == 0 && name.find("_b0") != std::string::npos ? "Sentinel-2"
        : "raster";
    if (name.find("_rgb_") != std::string::npos || name.find("tci") != std::string::npos)
        product.sensor = "Sentinel-2";
    product.time = metadataTime(ds->GetMetadataItem("ACQUISITION_TIME"));
    if (product.time == 0.0)
        product.time = metadataTime(ds->GetMetadataItem("TIFFTAG_DATETIME"));
    product.detail = std::to_string(ds->GetRasterCount()) + " band(s), " + shape;
    return Recognition::Recognised;
}

ProductRole rasterRole(const DetectedProduct& p)
{
    if (isOptical(p))
        return p.detail.rfind("3 band", 0) == 0 ? ProductRole::Optical : ProductRole::Band;
    return p.sensor == "AMSR-2" ? ProductRole::Concentration : ProductRole::Image;
}

// Concentration kept per cell (averaged), optical averaged too (its pixels
// are finer than the usual SAR grid), anything else bilinear.
void addRasterEntry(const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers)
{
    const bool concentration = p.sensor == "AMSR-2";
    const bool optical = isOptical(p);
    layers.Add(manifestEntry(p, p.sensor + " " + fs::path(p.path).stem().string(), "raster",
                             concentration ? "sea_ice_concentration" : optical ? "reflectance" : "other",
                             concentration ? "%" : optical ? "reflectance" : "", concentration ? "average" : "bilinear"));
}

} // namespace

ProductKind sentinel2SafeKind()
{
    ProductKind kind;
    kind.name = "sentinel2_safe";
    kind.label = "Sentinel-2 L1C/L2A";
    kind.dialogPatterns = {"MTD_MSIL1C.xml", "MTD_MSIL2A.xml", "S2*.zip"};
    kind.claims = sentinel2Claims;
    kind.detect = detectSentinel2;
    kind.role = [](const DetectedProduct&) { return ProductRole::Optical; };
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers) {
        CPLJSONObject e = manifestEntry(p, "S2 RGB" + (p.time > 0.0 ? dateSuffix(p.time) : ""), "raster", "reflectance", "reflectance",
                                        "average");
        e.Add("product", p.kind);
        layers.Add(e);
    };
    kind.readers = {{"sentinel2_safe", [](const CPLJSONObject&, const std::string& file) { return openSentinel2Reflectance(file); }}};
    return kind;
}

ProductKind georeferencedRasterKind()
{
    ProductKind kind;
    kind.name = "raster";
    kind.label = "Georeferenced raster";
    kind.dialogPatterns = {"*.tif", "*.tiff", "*.vrt", "*.jp2"};
    kind.claims = [](const fs::path& path, bool folder) {
        const std::string ext = lowerCase(path.extension().string());
        return !folder && (ext == ".tif" || ext == ".tiff" || ext == ".vrt" || ext == ".jp2");
    };
    kind.detect = detectRaster;
    kind.role = rasterRole;
    kind.addManifestEntries = addRasterEntry;
    // The entries carry no "product": a plain raster is warped, not calibrated.
    kind.readers = {{"raster", [](const CPLJSONObject&, const std::string& file) { return openDataset(file).release(); }}};
    return kind;
}

} // namespace banquise::scene
