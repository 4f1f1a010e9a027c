#include "scene/ProductCatalog.h"

#include "scene/Ai4ArcticScene.h"
#include "scene/BuoyTracks.h"
#include "scene/ConcentrationGrid.h"
#include "scene/GdalDataset.h"
#include "scene/IceChart.h"
#include "scene/Radarsat2.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/SwotHrRaster.h"
#include "scene/SwotReader.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/Sentinel2Reflectance.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <memory>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
constexpr int kMaxDepth = 6;

void addPoint(std::vector<LonLat>& footprint, double lon, double lat)
{
    if (std::isfinite(lon) && std::isfinite(lat))
        footprint.push_back({lon, lat});
}

double timeFromText(const char* text)
{
    if (!text)
        return 0.0;
    std::string iso = text;
    if (!iso.empty() && iso.back() != 'Z' && iso.find('T') != std::string::npos)
        iso += "Z";
    const auto t = parseUtc(iso);
    return t ? *t : 0.0;
}

// From a dataset's CRS to longitude and latitude (in that order); null when PROJ cannot.
std::unique_ptr<OGRCoordinateTransformation> lonLatTransform(const OGRSpatialReference& srs)
{
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&srs, &wgs84));
}

// The GCPs' positions in longitude and latitude.
void gcpFootprint(GDALDataset& ds, std::vector<LonLat>& footprint)
{
    const OGRSpatialReference* srs = ds.GetGCPSpatialRef();
    if (!srs)
        return;
    const auto toLonLat = lonLatTransform(*srs);
    for (int i = 0; toLonLat && i < ds.GetGCPCount(); ++i) {
        double x = ds.GetGCPs()[i].dfGCPX;
        double y = ds.GetGCPs()[i].dfGCPY;
        if (toLonLat->Transform(1, &x, &y))
            addPoint(footprint, x, y);
    }
}

// A SAFE folder or the hub's zip of it.
bool sentinel1(const fs::path& safe, DetectedProduct& product, std::string& reason)
{
    const std::string manifest = sentinel1ManifestPath(safe.string());
    DatasetPtr ds = openDataset(manifest, GDAL_OF_RASTER);
    if (!ds || !EQUAL(ds->GetDriver()->GetDescription(), "SAFE")) {
        reason = "a SAFE product GDAL's SAFE driver does not open" + missingPartsNote(fs::path(manifest).parent_path().string(), {});
        return false;
    }
    product.kind = "sentinel1_safe";
    product.sensor = "Sentinel-1";
    product.path = manifest;
    product.time = timeFromText(ds->GetMetadataItem("ACQUISITION_START_TIME"));
    for (int b = 1; b <= ds->GetRasterCount(); ++b)
        if (const char* pol = ds->GetRasterBand(b)->GetMetadataItem("POLARIZATION"))
            product.polarisations.push_back(pol);
    const char* type = ds->GetMetadataItem("PRODUCT_TYPE");
    const char* swath = ds->GetMetadataItem("SWATH");
    product.detail = std::string(type ? type : "?") + " " + (swath ? swath : "?") + " " + std::to_string(ds->GetRasterXSize()) + " x "
        + std::to_string(ds->GetRasterYSize());
    gcpFootprint(*ds, product.footprint);
    return true;
}

// "EPSG:32634, 10980 x 10980"
std::string rasterShape(GDALDataset& ds)
{
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
    return (code ? "EPSG:" + std::string(code) : std::string("custom CRS")) + ", " + std::to_string(ds.GetRasterXSize()) + " x "
        + std::to_string(ds.GetRasterYSize());
}

// A 5 x 5 lattice of the raster's extent in longitude and latitude.
void rasterFootprint(GDALDataset& ds, std::vector<LonLat>& footprint)
{
    double t[6];
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs || ds.GetGeoTransform(t) != CE_None)
        return;
    const auto toLonLat = lonLatTransform(*srs);
    if (toLonLat)
        for (int i = 0; i <= 4; ++i)
            for (int j = 0; j <= 4; ++j) {
                double x = t[0] + t[1] * ds.GetRasterXSize() * i / 4.0;
                double y = t[3] + t[5] * ds.GetRasterYSize() * j / 4.0;
                if (toLonLat->Transform(1, &x, &y))
                    addPoint(footprint, x, y);
            }
}

bool raster(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    DatasetPtr ds = openDataset(file.string(), GDAL_OF_RASTER);
    if (!ds) {
        reason = "GDAL cannot open it as a raster";
        return false;
    }
    double t[6];
    const bool mapped = ds->GetGeoTransform(t) == CE_None && ds->GetSpatialRef();
    const bool controlled = ds->GetGCPCount() >= 3 && ds->GetGCPSpatialRef();
    if (!mapped && !controlled) {
        reason = "a raster without georeferencing (neither geotransform and CRS nor GCPs)";
        return false;
    }
    product.path = file.string();
    const std::string shape = mapped ? rasterShape(*ds)
                                     : std::to_string(ds->GetGCPCount()) + " GCPs, " + std::to_string(ds->GetRasterXSize()) + " x "
            + std::to_string(ds->GetRasterYSize());
    if (mapped)
        rasterFootprint(*ds, product.footprint);
    else
        gcpFootprint(*ds, product.footprint);
    // A bare Sentinel-1 measurement: calibrated when its annotation is at hand.
    if (const auto measurement = sentinel1Measurement(file.string())) {
        product.sensor = "Sentinel-1";
        product.time = measurement->time;
        if (!measurement->calibrationFile.empty()) {
            product.kind = "sentinel1_tiff";
            product.polarisations = {measurement->polarisation};
            product.detail = measurement->product + " measurement " + measurement->polarisation + ", " + shape;
            return true;
        }
        product.kind = "raster";
        product.detail = "uncalibrated digital numbers (no calibration annotation beside it), " + shape;
        return true;
    }
    product.kind = "raster";
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
    product.time = timeFromText(ds->GetMetadataItem("ACQUISITION_TIME"));
    if (product.time == 0.0)
        product.time = timeFromText(ds->GetMetadataItem("TIFFTAG_DATETIME"));
    product.detail = std::to_string(ds->GetRasterCount()) + " band(s), " + shape;
    return true;
}

// A SAFE folder or zip of a Sentinel-2 L1C/L2A product: its RGB composite
// in reflectance (see Sentinel2Reflectance.h) is what the scene reads.
bool sentinel2(const fs::path& path, DetectedProduct& product, std::string& reason)
{
    Sentinel2Description description;
    DatasetPtr ds;
    try {
        ds.reset(openSentinel2Reflectance(path.string(), &description));
    } catch (const SceneError& e) {
        reason = e.what();
        return false;
    }
    product.kind = "sentinel2_safe";
    product.sensor = description.spacecraft;
    product.path = path.string();
    product.time = description.time;
    product.detail = description.level + " RGB, " + rasterShape(*ds) + ", baseline " + description.baseline;
    rasterFootprint(*ds, product.footprint);
    return true;
}

// Where an altimeter product's records lie: every hundredth position of
// every beam, enough to choose a grid for tracks without a SAR image.
void altimeterFootprint(const std::shared_ptr<GDALGroup>& root, const std::string& file, const AltimeterProfile& profile,
                        std::vector<LonLat>& footprint)
{
    constexpr std::size_t kStride = 100;
    for (std::size_t beam = 0; beam < std::max<std::size_t>(1, profile.beams.size()); ++beam) {
        try {
            const PhysicalArray lat = readPhysical(root, variablePath(profile, beam, profile.latitude.name), file);
            const PhysicalArray lon = readPhysical(root, variablePath(profile, beam, profile.longitude.name), file);
            const std::size_t n = std::min(lat.values.size(), lon.values.size());
            for (std::size_t i = 0; i < n; i += kStride)
                addPoint(footprint, lon.values[i], lat.values[i]);
            if (n > 0)
                addPoint(footprint, lon.values[n - 1], lat.values[n - 1]);
        } catch (const SceneError&) {
            // A missing or empty beam adds nothing; the reader says more when the product is loaded.
        }
    }
}

// Drifting buoys (BuoyTracks.h). No footprint and no time: a buoy file may
// span months and the Arctic, and must not choose the scene's grid or date.
bool buoys(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    try {
        const auto tracks = readBuoyTracks(file.string());
        std::size_t fixes = 0;
        for (const auto& track : tracks)
            fixes += track.fixes.size();
        product.kind = "buoys";
        product.sensor = "buoys";
        product.path = file.string();
        product.detail = std::to_string(tracks.size()) + (tracks.size() == 1 ? " buoy, " : " buoys, ") + std::to_string(fixes) + " fixes";
        return true;
    } catch (const SceneError& e) {
        reason = e.reason();
        return false;
    }
}

bool netCdf(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    DatasetPtr ds = openDataset(file.string(), GDAL_OF_MULTIDIM_RASTER);
    if (!ds) {
        reason = "GDAL cannot open it as netCDF";
        return false;
    }
    auto root = ds->GetRootGroup();
    product.path = file.string();
    try {
        if (const auto scene = describeAi4Arctic(file.string())) {
            product.kind = "ai4arctic";
            product.sensor = "Sentinel-1, ice chart, AMSR-2 (AI4Arctic)";
            product.detail = std::string(scene->readyToTrain ? "ready-to-train" : "raw") + " scene, " + std::to_string(scene->width)
                + " x " + std::to_string(scene->height) + ", " + std::to_string(scene->layers.size()) + " layers";
            product.time = scene->time;
            product.footprint = scene->footprint;
            return true;
        }
    } catch (const SceneError& e) {
        reason = e.what();
        return false;
    }
    if (const SwotHrRasterInfo hr = describeSwotHrRaster(file.string()); hr.recognised) {
        DatasetPtr height;
        try {
            height.reset(openSwotHrRaster(file.string()));
        } catch (const SceneError& e) {
            reason = e.what();
            return false;
        }
        product.kind = "swot_hr_raster";
        product.sensor = "SWOT";
        product.time = hr.time;
        product.detail = "HR raster, " + rasterShape(*height);
        rasterFootprint(*height, product.footprint);
        return true;
    }
    try {
        if (const ConcentrationGridInfo sic = describeConcentrationGrid(file.string()); sic.recognised) {
            DatasetPtr grid(openConcentrationGrid(file.string()));
            product.kind = "concentration_grid";
            product.sensor = sic.source;
            product.time = sic.time;
            product.detail = "sea-ice concentration, " + rasterShape(*grid) + (sic.qualityVariable.empty() ? "" : ", status flag");
            rasterFootprint(*grid, product.footprint);
            return true;
        }
    } catch (const SceneError& e) {
        reason = e.reason();
        return false;
    }
    if (const SwotGranule swot = describeSwotGranule(file.string()); !swot.layout.empty()) {
        product.kind = "swot_l2_lr";
        product.sensor = "SWOT";
        product.detail = "KaRIn swath, " + swot.layout;
        product.time = swot.time;
        return true;
    }
    const fs::path profiles = fs::path(assetsDirectory()) / "sensors";
    std::error_code error;
    std::string partial; // a profile whose value is there without its geolocation
    for (const auto& entry : fs::directory_iterator(profiles, error)) {
        if (entry.path().extension() != ".json")
            continue;
        const std::string name = entry.path().stem().string();
        AltimeterProfile profile;
        try {
            profile = loadAltimeterProfile(name);
        } catch (const SceneError&) {
            continue;
        }
        // The first beam (or the one track) that holds the profile's variables.
        std::shared_ptr<GDALMDArray> time;
        for (std::size_t beam = 0; beam < std::max<std::size_t>(1, profile.beams.size()) && !time; ++beam) {
            const auto has = [&](const std::string& variable) {
                const std::string path = variablePath(profile, beam, variable);
                return path.rfind('/', 0) == 0 ? root->OpenMDArrayFromFullname(path) : root->OpenMDArray(path);
            };
            if (has(profile.latitude.name) && has(profile.value.name))
                time = has(profile.time.name);
        }
        if (!time) {
            // The profile's measurement is there but not where it lies: name what is missing.
            const auto has = [&](const std::string& variable) {
                const std::string path = variablePath(profile, 0, variable);
                return static_cast<bool>(path.rfind('/', 0) == 0 ? root->OpenMDArrayFromFullname(path) : root->OpenMDArray(path));
            };
            std::string missing;
            for (const VariableSpec* spec : {&profile.time, &profile.latitude, &profile.longitude})
                if (!has(spec->name))
                    missing += (missing.empty() ? "" : ", ") + spec->name;
            if (partial.empty() && has(profile.value.name) && !missing.empty())
                partial = "has the " + profile.sensor + " variable " + profile.value.name + " (profile " + name + ") but not " + missing
                    + ": no geolocation or time to place it";
            continue;
        }
        altimeterFootprint(root, file.string(), profile, product.footprint);
        product.kind = "altimeter";
        product.profile = name;
        product.sensor = profile.sensor;
        product.detail = profile.product;
        double first = 0.0;
        const GUInt64 start = 0;
        const size_t count = 1;
        if (time->GetDimensionCount() == 1 && time->GetDimensions()[0]->GetSize() > 0
            && time->Read(&start, &count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), &first))
            product.time = profile.timeEpoch + first - profile.taiMinusUtc;
        return true;
    }
    // Last: altimeter products (ICESat-2's) may call themselves trajectories too.
    if (const auto featureType = root ? root->GetAttribute("featureType") : nullptr;
        featureType && featureType->ReadAsString() && lowerCase(featureType->ReadAsString()) == "trajectory")
        return buoys(file, product, reason);
    reason = !partial.empty() ? partial : "netCDF or HDF5 matching no sensor profile (assets/sensors) and no SWOT layout";
    return false;
}

bool radarsat2(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    try {
        const Radarsat2Product rs2 = describeRadarsat2(file.string());
        product.kind = "radarsat2";
        product.sensor = "RADARSAT-2";
        product.path = rs2.productXml;
        product.time = rs2.time;
        product.polarisations = rs2.polarisations;
        product.footprint = rs2.footprint;
        std::string pols;
        for (const auto& p : rs2.polarisations)
            pols += (pols.empty() ? "" : "+") + p;
        product.detail = rs2.productType + " " + pols;
        return true;
    } catch (const SceneError& e) {
        reason = e.reason();
        return false;
    }
}

bool iceChart(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    const IceChartInfo chart = describeIceChart(file.string());
    if (!chart.recognised) {
        reason = "a vector file without a SIGRID-3 CT field: not an ice chart";
        return false;
    }
    try {
        DatasetPtr total(openIceChartField(file.string(), "CT"));
        rasterFootprint(*total, product.footprint);
    } catch (const SceneError& e) {
        reason = e.reason();
        return false;
    }
    product.kind = "ice_chart";
    product.sensor = "ice chart";
    product.path = file.string();
    // SIGRID-3 carries no date; the ice services put it in the name (CIS: ..._20240314T1800Z_...).
    static const std::regex stamp("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})Z?");
    const std::string stem = file.stem().string();
    if (std::smatch m; std::regex_search(stem, m, stamp))
        product.time = parseUtc(m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":00Z").value_or(0.0);
    product.detail = "SIGRID-3, " + std::to_string(chart.polygons) + " polygons";
    return true;
}

bool csvTrack(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    std::ifstream in(file);
    std::string header;
    std::getline(in, header);
    header = lowerCase(header);
    auto has = [&header](const char* column) {
        const std::string c = column;
        return header == c || header.rfind(c + ",", 0) == 0 || header.find("," + c + ",") != std::string::npos
            || (header.size() > c.size() && header.compare(header.size() - c.size() - 1, c.size() + 1, "," + c) == 0);
    };
    if (has("buoyid"))
        return buoys(file, product, reason);
    if (!has("lat") || !has("lon") || !has("value")) {
        reason = "CSV without lat, lon and value columns";
        return false;
    }
    product.kind = "csv_track";
    product.sensor = "track";
    product.path = file.string();
    product.detail = "CSV track";
    return true;
}

void visit(const fs::path& path, int depth, Detection& out)
{
    std::error_code error;
    const std::string ext = lowerCase(path.extension().string());
    DetectedProduct product;
    std::string reason;
    if (fs::is_directory(path, error)) {
        if (ext == ".safe") {
            const bool recognised = sentinel2Metadata(path.string()).empty() ? sentinel1(path, product, reason)
                                                                              : sentinel2(path, product, reason);
            if (recognised)
                out.products.push_back(product);
            else
                out.skipped.push_back(path.string() + ": " + reason);
            return;
        }
        if (depth >= kMaxDepth)
            return;
        std::vector<fs::path> children;
        for (const auto& entry : fs::directory_iterator(path, error))
            children.push_back(entry.path());
        std::sort(children.begin(), children.end());
        for (const auto& child : children)
            visit(child, depth + 1, out);
        return;
    }
    bool recognised = false;
    const std::string name = path.filename().string();
    if (name == "product.xml") // a RADARSAT-2 product folder
        recognised = radarsat2(path, product, reason);
    else if (name == "manifest.safe") // picked inside its SAFE: the product is the folder
        recognised = sentinel1(path.parent_path(), product, reason);
    else if (name == "MTD_MSIL1C.xml" || name == "MTD_MSIL2A.xml")
        recognised = sentinel2(path, product, reason);
    else if (ext == ".tif" || ext == ".tiff" || ext == ".vrt" || ext == ".jp2")
        recognised = raster(path, product, reason);
    else if (ext == ".nc" || ext == ".h5")
        recognised = netCdf(path, product, reason);
    else if (ext == ".csv")
        recognised = csvTrack(path, product, reason);
    else if (ext == ".shp" || ext == ".gpkg")
        recognised = iceChart(path, product, reason);
    else if (ext == ".dat") // IABP's blank-separated tables
        recognised = buoys(path, product, reason);
    else if (ext == ".zip" && path.filename().string().rfind("S2", 0) == 0)
        recognised = sentinel2(path, product, reason);
    else if (ext == ".zip" && path.filename().string().rfind("S1", 0) == 0)
        recognised = sentinel1(path, product, reason);
    else
        reason = "not a product kind Banquise reads";
    if (recognised)
        out.products.push_back(product);
    else
        out.skipped.push_back(path.string() + ": " + reason);
}
} // namespace

Detection detectProducts(const std::vector<std::string>& paths)
{
    GdalSession::ensure();
    Detection out;
    for (const auto& path : paths) {
        if (!fs::exists(path)) {
            out.skipped.push_back(path + ": does not exist");
            continue;
        }
        visit(fs::path(path), 0, out);
    }
    return out;
}

} // namespace banquise::scene
