#include "scene/kinds/Kinds.h"

#include "scene/Ai4ArcticScene.h"
#include "scene/AltimeterReader.h"
#include "scene/ConcentrationGrid.h"
#include "scene/NetCdfArrays.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/SwathLayer.h"
#include "scene/SwotHrRaster.h"
#include "scene/SwotReader.h"
#include "scene/TrackLayer.h"
#include "scene/kinds/ProductFootprint.h"

#include <cpl_json.h>
#include <gdal_priv.h>

#include <algorithm>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

bool netCdfClaims(const fs::path& path, bool folder)
{
    const std::string ext = lowerCase(path.extension().string());
    return !folder && (ext == ".nc" || ext == ".h5");
}

// Every netCDF kind opens the file first: one that GDAL cannot open is
// refused by the first kind that tries, with that reason.
DatasetPtr openNetCdf(const fs::path& file, std::string& reason)
{
    DatasetPtr ds = openDataset(file.string(), GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        reason = "GDAL cannot open it as netCDF";
    return ds;
}

std::string stemOf(const DetectedProduct& p)
{
    return fs::path(p.path).stem().string();
}

Recognition detectAi4Arctic(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    if (!openNetCdf(file, reason))
        return Recognition::Refused;
    try {
        const auto scene = describeAi4Arctic(file.string());
        if (!scene)
            return Recognition::NotThisKind;
        product.path = file.string();
        product.sensor = "Sentinel-1, ice chart, AMSR-2 (AI4Arctic)";
        product.detail = std::string(scene->readyToTrain ? "ready-to-train" : "raw") + " scene, " + std::to_string(scene->width) + " x "
            + std::to_string(scene->height) + ", " + std::to_string(scene->layers.size()) + " layers";
        product.time = scene->time;
        product.footprint = scene->footprint;
        return Recognition::Recognised;
    } catch (const SceneError& e) {
        reason = e.what();
        return Recognition::Refused;
    }
}

void addAi4ArcticEntries(const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers)
{
    const auto scene = describeAi4Arctic(p.path);
    for (const Ai4ArcticLayer& l : scene ? scene->layers : std::vector<Ai4ArcticLayer>{}) {
        CPLJSONObject e = manifestEntry(p, l.name, "raster", l.quantity.c_str(), l.units.c_str(), l.resampling.c_str());
        e.Set("sensor", l.sensor);
        e.Add("product", p.kind);
        e.Add("layer", l.name);
        layers.Add(e);
    }
}

Recognition detectSwotHrRaster(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    if (!openNetCdf(file, reason))
        return Recognition::Refused;
    const SwotHrRasterInfo hr = describeSwotHrRaster(file.string());
    if (!hr.recognised)
        return Recognition::NotThisKind;
    DatasetPtr height;
    try {
        height.reset(openSwotHrRaster(file.string()));
    } catch (const SceneError& e) {
        reason = e.what();
        return Recognition::Refused;
    }
    product.path = file.string();
    product.sensor = "SWOT";
    product.time = hr.time;
    product.detail = "HR raster, " + rasterShape(*height);
    rasterFootprint(*height, product.footprint);
    return Recognition::Recognised;
}

Recognition detectConcentrationGrid(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    if (!openNetCdf(file, reason))
        return Recognition::Refused;
    try {
        const ConcentrationGridInfo sic = describeConcentrationGrid(file.string());
        if (!sic.recognised)
            return Recognition::NotThisKind;
        DatasetPtr grid(openConcentrationGrid(file.string()));
        product.path = file.string();
        product.sensor = sic.source;
        product.time = sic.time;
        product.detail = "sea-ice concentration, " + rasterShape(*grid) + (sic.qualityVariable.empty() ? "" : ", status flag");
        rasterFootprint(*grid, product.footprint);
        return Recognition::Recognised;
    } catch (const SceneError& e) {
        reason = e.reason();
        return Recognition::Refused;
    }
}

// Weak supervision like AMSR-2's (the models take any sea_ice_concentration
// layer), and the status flag as its own layer where the product has one.
void addConcentrationEntries(const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers)
{
    CPLJSONObject e = manifestEntry(p, "SIC " + stemOf(p), "raster", "sea_ice_concentration", "%", "average");
    e.Add("product", p.kind);
    layers.Add(e);
    if (const ConcentrationGridInfo sic = describeConcentrationGrid(p.path); !sic.qualityVariable.empty()) {
        CPLJSONObject q = manifestEntry(p, "SIC status flag " + stemOf(p), "raster", "other", "", "near");
        q.Add("product", "concentration_quality");
        layers.Add(q);
    }
}

Recognition detectSwotSwath(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    if (!openNetCdf(file, reason))
        return Recognition::Refused;
    const SwotGranule swot = describeSwotGranule(file.string());
    if (swot.layout.empty())
        return Recognition::NotThisKind;
    product.path = file.string();
    product.sensor = "SWOT";
    product.detail = "KaRIn swath, " + swot.layout;
    product.time = swot.time;
    return Recognition::Recognised;
}

std::shared_ptr<const Layer> readSwotSwathLayer(const CPLJSONObject&, LayerInfo info, const std::string& file, const AnalysisGrid& grid)
{
    SwotOnGrid swot = readSwotSwath(file, grid);
    std::vector<std::vector<float>> bands{std::move(swot.height)};
    if (!swot.crossTrackDistance.empty())
        bands.push_back(std::move(swot.crossTrackDistance));
    return std::make_shared<SwathLayer>(std::move(info), grid, std::move(bands), std::move(swot.sides));
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
                addLonLat(footprint, lon.values[i], lat.values[i]);
            if (n > 0)
                addLonLat(footprint, lon.values[n - 1], lat.values[n - 1]);
        } catch (const SceneError&) {
            // A missing or empty beam adds nothing; the reader says more when the product is loaded.
        }
    }
}

std::shared_ptr<GDALMDArray> openVariable(const std::shared_ptr<GDALGroup>& root, const AltimeterProfile& profile, std::size_t beam,
                                          const std::string& variable)
{
    const std::string path = variablePath(profile, beam, variable);
    return path.rfind('/', 0) == 0 ? root->OpenMDArrayFromFullname(path) : root->OpenMDArray(path);
}

// The first sensor profile (assets/sensors) whose variables the file holds.
// A file with a profile's measurement but not its geolocation or time is
// named in the hint.
Recognition detectAltimeter(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    DatasetPtr ds = openNetCdf(file, reason);
    if (!ds)
        return Recognition::Refused;
    const auto root = ds->GetRootGroup();
    const fs::path profiles = fs::path(assetsDirectory()) / "sensors";
    std::error_code error;
    std::string partial;
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
        // Everything a record needs; baselines that renamed one of them are
        // told apart here (CryoSat-2 D's class variable against E's status word).
        std::vector<std::string> needed{profile.time.name, profile.latitude.name, profile.longitude.name, profile.value.name,
                                        profile.surfaceType.name};
        if (!profile.qualityVariable.empty())
            needed.push_back(profile.qualityVariable);
        const auto holdsAll = [&](std::size_t beam) {
            return std::all_of(needed.begin(), needed.end(), [&](const std::string& v) { return openVariable(root, profile, beam, v) != nullptr; });
        };
        // The first beam (or the one track) that holds the profile's variables.
        std::shared_ptr<GDALMDArray> time;
        for (std::size_t beam = 0; beam < std::max<std::size_t>(1, profile.beams.size()) && !time; ++beam)
            if (holdsAll(beam))
                time = openVariable(root, profile, beam, profile.time.name);
        if (!time) {
            std::string missing;
            bool unplaced = false;
            for (std::size_t k = 0; k < needed.size(); ++k)
                if (!openVariable(root, profile, 0, needed[k]) && missing.find(needed[k]) == std::string::npos) {
                    missing += (missing.empty() ? "" : ", ") + needed[k];
                    unplaced = unplaced || k < 3;
                }
            if (partial.empty() && openVariable(root, profile, 0, profile.value.name) && !missing.empty())
                partial = "has the " + profile.sensor + " variable " + profile.value.name + " (profile " + name + ") but not " + missing
                    + (unplaced ? ": no geolocation or time to place it" : "");
            continue;
        }
        product.path = file.string();
        altimeterFootprint(root, file.string(), profile, product.footprint);
        product.profile = name;
        product.sensor = profile.sensor;
        product.detail = profile.product;
        double first = 0.0;
        const GUInt64 start = 0;
        const size_t count = 1;
        if (time->GetDimensionCount() == 1 && time->GetDimensions()[0]->GetSize() > 0
            && time->Read(&start, &count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), &first))
            product.time = profile.timeEpoch + first - profile.taiMinusUtc;
        return Recognition::Recognised;
    }
    reason = !partial.empty() ? partial : "netCDF or HDF5 matching no sensor profile (assets/sensors) and no SWOT layout";
    return Recognition::NotThisKind;
}

// Freeboard, or what the product measures when Banquise cannot make freeboard of it.
void addAltimeterEntry(const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers)
{
    const AltimeterProfile profile = loadAltimeterProfile(p.profile);
    const bool freeboard = profile.valueQuantity == "freeboard" || profile.freeboardFromLeadsKm > 0.0;
    const std::string quantity = freeboard ? "freeboard" : profile.valueQuantity;
    CPLJSONObject e = manifestEntry(p, p.sensor + (freeboard ? " freeboard" : " " + profile.value.name), "track", quantity.c_str(), "m", "near");
    e.Add("product", p.kind);
    e.Add("profile", p.profile);
    layers.Add(e);
}

std::shared_ptr<const Layer> readAltimeterLayer(const CPLJSONObject& entry, LayerInfo info, const std::string& file, const AnalysisGrid& grid)
{
    const AltimeterProfile profile = loadAltimeterProfile(entry.GetString("profile", ""));
    return std::make_shared<TrackLayer>(std::move(info), readAltimeterRecords(file, profile, grid),
                                        Footprint{profile.footprintAlongM, profile.footprintAcrossM});
}

ProductKind netCdfKind(const char* name, const char* label)
{
    ProductKind kind;
    kind.name = name;
    kind.label = label;
    kind.dialogPatterns = {"*.nc"};
    kind.claims = netCdfClaims;
    return kind;
}

} // namespace

ProductKind ai4ArcticKind()
{
    ProductKind kind = netCdfKind("ai4arctic", "AI4Arctic scene");
    kind.detect = detectAi4Arctic;
    kind.role = [](const DetectedProduct& p) { return p.detail.rfind("raw", 0) == 0 ? ProductRole::Sar : ProductRole::Other; };
    kind.addManifestEntries = addAi4ArcticEntries;
    kind.readers = {{"ai4arctic", [](const CPLJSONObject& entry, const std::string& file) {
                         return openAi4ArcticLayer(file, entry.GetString("layer", ""));
                     }}};
    return kind;
}

ProductKind swotHrRasterKind()
{
    ProductKind kind = netCdfKind("swot_hr_raster", "SWOT HR raster");
    kind.detect = detectSwotHrRaster;
    kind.role = [](const DetectedProduct&) { return ProductRole::Swath; };
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers) {
        const SwotHrRasterInfo hr = describeSwotHrRaster(p.path);
        CPLJSONObject e = manifestEntry(p, hr.layerName + " " + stemOf(p), "raster", "other", hr.units.c_str(), "bilinear");
        e.Add("product", p.kind);
        layers.Add(e);
    };
    kind.readers = {{"swot_hr_raster", [](const CPLJSONObject&, const std::string& file) { return openSwotHrRaster(file); }}};
    return kind;
}

ProductKind concentrationGridKind()
{
    ProductKind kind = netCdfKind("concentration_grid", "Sea-ice concentration grid (OSI SAF, NSIDC, ASI)");
    kind.detect = detectConcentrationGrid;
    kind.role = [](const DetectedProduct&) { return ProductRole::Concentration; };
    kind.addManifestEntries = addConcentrationEntries;
    kind.readers = {{"concentration_grid", [](const CPLJSONObject&, const std::string& file) { return openConcentrationGrid(file); }},
                    {"concentration_quality",
                     [](const CPLJSONObject&, const std::string& file) { return openConcentrationQuality(file); }}};
    return kind;
}

ProductKind swotSwathKind()
{
    ProductKind kind = netCdfKind("swot_l2_lr", "SWOT L2 LR SSH");
    kind.detect = detectSwotSwath;
    kind.role = [](const DetectedProduct&) { return ProductRole::Swath; };
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers) {
        CPLJSONObject e = manifestEntry(p, "SWOT " + stemOf(p), "swath", "freeboard", "m", "near");
        e.Add("product", p.kind);
        layers.Add(e);
    };
    kind.readers = {{"swot_l2_lr", nullptr, readSwotSwathLayer}};
    return kind;
}

ProductKind altimeterKind()
{
    ProductKind kind = netCdfKind("altimeter", "Altimeter track (CryoSat-2, Sentinel-3, SARAL, ICESat-2)");
    kind.dialogPatterns = {"*.nc", "*.h5"};
    kind.detect = detectAltimeter;
    kind.role = [](const DetectedProduct&) { return ProductRole::Other; };
    kind.addManifestEntries = addAltimeterEntry;
    kind.readers = {{"altimeter", nullptr, readAltimeterLayer}};
    return kind;
}

} // namespace banquise::scene
