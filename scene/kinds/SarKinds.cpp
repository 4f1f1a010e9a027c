#include "scene/kinds/Kinds.h"

#include "scene/Radarsat2.h"
#include "scene/RadarsatConstellation.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/kinds/ProductFootprint.h"

#include <cpl_json.h>
#include <gdal_priv.h>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

// GRD images are the scene's SAR; an SLC is shown, not used as SAR (its
// geometry is the slant range's).
ProductRole sentinel1Role(const DetectedProduct& p)
{
    return p.detail.rfind("GRD", 0) == 0 ? ProductRole::Sar : ProductRole::Image;
}

// One sigma0 layer per polarisation; dates after the reference are named by their date.
void addSarEntries(const DetectedProduct& p, const ManifestContext& context, const std::string& prefix, bool sar, CPLJSONArray& layers)
{
    const bool later = sar && context.hasReference && p.time > context.referenceTime;
    for (const auto& pol : p.polarisations) {
        std::string name = prefix + " " + pol + " sigma0" + (later ? dateSuffix(p.time) : "");
        if (!sar)
            name += " (SLC)";
        CPLJSONObject e = manifestEntry(p, name, "raster", "sigma0", "linear", "bilinear");
        e.Add("product", p.kind);
        e.Add("polarisation", pol);
        layers.Add(e);
    }
}

// A SAFE folder, the hub's zip of it, or its manifest.safe picked inside.
bool sentinel1Claims(const fs::path& path, bool folder)
{
    const std::string ext = lowerCase(path.extension().string());
    return folder ? ext == ".safe"
                  : path.filename() == "manifest.safe" || (ext == ".zip" && path.filename().string().rfind("S1", 0) == 0);
}

Recognition detectSentinel1(const fs::path& path, DetectedProduct& product, std::string& reason)
{
    const fs::path safe = path.filename() == "manifest.safe" ? path.parent_path() : path;
    const std::string manifest = sentinel1ManifestPath(safe.string());
    DatasetPtr ds = openDataset(manifest, GDAL_OF_RASTER);
    if (!ds || !EQUAL(ds->GetDriver()->GetDescription(), "SAFE")) {
        reason = "a SAFE product GDAL's SAFE driver does not open" + missingPartsNote(fs::path(manifest).parent_path().string(), {});
        return Recognition::Refused;
    }
    product.sensor = "Sentinel-1";
    product.path = manifest;
    product.time = metadataTime(ds->GetMetadataItem("ACQUISITION_START_TIME"));
    for (int b = 1; b <= ds->GetRasterCount(); ++b)
        if (const char* pol = ds->GetRasterBand(b)->GetMetadataItem("POLARIZATION"))
            product.polarisations.push_back(pol);
    const char* type = ds->GetMetadataItem("PRODUCT_TYPE");
    const char* swath = ds->GetMetadataItem("SWATH");
    product.detail = std::string(type ? type : "?") + " " + (swath ? swath : "?") + " " + std::to_string(ds->GetRasterXSize()) + " x "
        + std::to_string(ds->GetRasterYSize());
    gcpFootprint(*ds, product.footprint);
    return Recognition::Recognised;
}

bool measurementClaims(const fs::path& path, bool folder)
{
    const std::string ext = lowerCase(path.extension().string());
    return !folder && (ext == ".tif" || ext == ".tiff");
}

// A bare measurement GeoTIFF with its calibration annotation at hand; without
// one it is an uncalibrated raster (georeferencedRasterKind).
Recognition detectMeasurement(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    const auto measurement = sentinel1Measurement(file.string());
    if (!measurement || measurement->calibrationFile.empty())
        return Recognition::NotThisKind;
    std::string shape;
    if (!openPlacedRaster(file, product, shape, reason))
        return Recognition::Refused;
    product.sensor = "Sentinel-1";
    product.time = measurement->time;
    product.polarisations = {measurement->polarisation};
    product.detail = measurement->product + " measurement " + measurement->polarisation + ", " + shape;
    return Recognition::Recognised;
}

Recognition detectRadarsat2(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    try {
        const Radarsat2Product rs2 = describeRadarsat2(file.string());
        product.sensor = "RADARSAT-2";
        product.path = rs2.productXml;
        product.time = rs2.time;
        product.polarisations = rs2.polarisations;
        product.footprint = rs2.footprint;
        std::string pols;
        for (const auto& p : rs2.polarisations)
            pols += (pols.empty() ? "" : "+") + p;
        product.detail = rs2.productType + " " + pols;
        return Recognition::Recognised;
    } catch (const SceneError& e) {
        reason = e.reason();
        return Recognition::Refused;
    }
}

// A product folder, its manifest.safe or its metadata/product.xml, in the
// RCM schema (a Sentinel-1 SAFE has a manifest.safe too, and RADARSAT-2 a
// product.xml).
bool rcmClaims(const fs::path& path, bool folder)
{
    const bool candidate = folder ? fs::exists(path / "metadata" / "product.xml")
                                  : path.filename() == "manifest.safe" || path.filename() == "product.xml";
    return candidate && isRcmProduct(path.string());
}

Recognition detectRcm(const fs::path& path, DetectedProduct& product, std::string& reason)
{
    try {
        const RcmProduct rcm = describeRcm(path.string());
        product.sensor = rcm.satellite.empty() ? "RCM" : rcm.satellite;
        product.path = rcm.productXml;
        product.time = rcm.time;
        product.polarisations = rcm.polarisations;
        product.footprint = rcm.footprint;
        std::string pols;
        for (const auto& p : rcm.polarisations)
            pols += (pols.empty() ? "" : "+") + p;
        product.detail = rcm.productType + " " + pols + (rcm.beamMode.empty() ? "" : ", " + rcm.beamMode);
        return Recognition::Recognised;
    } catch (const SceneError& e) {
        reason = e.reason();
        return Recognition::Refused;
    }
}

ProductRole radarsat2Role(const DetectedProduct& p)
{
    return p.detail.rfind("SLC", 0) == 0 ? ProductRole::Image : ProductRole::Sar;
}

} // namespace

ProductKind sentinel1SafeKind()
{
    ProductKind kind;
    kind.name = "sentinel1_safe";
    kind.label = "Sentinel-1 SAFE";
    kind.dialogPatterns = {"manifest.safe", "S1*.zip"};
    kind.claims = sentinel1Claims;
    kind.detect = detectSentinel1;
    kind.role = sentinel1Role;
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext& context, CPLJSONArray& layers) {
        addSarEntries(p, context, "S1", sentinel1Role(p) == ProductRole::Sar, layers);
    };
    kind.readers = {{"sentinel1_safe", [](const CPLJSONObject& entry, const std::string& file) {
                         return openCalibratedSentinel1(file, entry.GetString("polarisation", "HH"));
                     }}};
    return kind;
}

ProductKind sentinel1MeasurementKind()
{
    ProductKind kind;
    kind.name = "sentinel1_tiff";
    kind.label = "Sentinel-1 measurement GeoTIFF";
    kind.dialogPatterns = {"s1*.tiff"};
    kind.claims = measurementClaims;
    kind.detect = detectMeasurement;
    kind.role = sentinel1Role;
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext& context, CPLJSONArray& layers) {
        addSarEntries(p, context, "S1", sentinel1Role(p) == ProductRole::Sar, layers);
    };
    kind.readers = {{"sentinel1_tiff",
                     [](const CPLJSONObject&, const std::string& file) { return openCalibratedSentinel1Measurement(file); }}};
    return kind;
}

ProductKind radarsat2Kind()
{
    ProductKind kind;
    kind.name = "radarsat2";
    kind.label = "RADARSAT-2 product";
    kind.dialogPatterns = {"product.xml"};
    kind.claims = [](const fs::path& path, bool folder) { return !folder && path.filename() == "product.xml"; };
    kind.detect = detectRadarsat2;
    kind.role = radarsat2Role;
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext& context, CPLJSONArray& layers) {
        addSarEntries(p, context, "RS2", radarsat2Role(p) == ProductRole::Sar, layers);
    };
    kind.readers = {{"radarsat2", [](const CPLJSONObject& entry, const std::string& file) {
                         return openCalibratedRadarsat2(file, entry.GetString("polarisation", "HH"));
                     }}};
    return kind;
}

ProductKind rcmKind()
{
    ProductKind kind;
    kind.name = "rcm";
    kind.label = "RADARSAT Constellation Mission product";
    kind.dialogPatterns = {"product.xml", "manifest.safe"};
    kind.claims = rcmClaims;
    kind.detect = detectRcm;
    // A complex or geocoded product is recognised, and its reader says why
    // it cannot calibrate it.
    kind.role = [](const DetectedProduct&) { return ProductRole::Sar; };
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext& context, CPLJSONArray& layers) {
        addSarEntries(p, context, "RCM", true, layers);
    };
    kind.readers = {{"rcm", [](const CPLJSONObject& entry, const std::string& file) {
                         return openCalibratedRcm(file, entry.GetString("polarisation", "HH"));
                     }}};
    return kind;
}

} // namespace banquise::scene
