#include "scene/SceneReader.h"

#include "scene/Ai4ArcticScene.h"
#include "scene/AltimeterReader.h"
#include "scene/BuoyTrackLayer.h"
#include "scene/ConcentrationGrid.h"
#include "scene/IceChart.h"
#include "scene/Radarsat2.h"
#include "scene/Feedback.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/LayerCache.h"
#include "scene/RasterLayer.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/SensorProfile.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/Sentinel2Reflectance.h"
#include "scene/SwotHrRaster.h"
#include "scene/SwotReader.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <memory>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

constexpr double kFirstSeaIceSar = 679708800.0; // 1991-07-17T00:00:00Z, ERS-1 launch

LayerInfo readInfo(const CPLJSONObject& entry, const std::string& file)
{
    LayerInfo info;
    info.name = entry.GetString("name", fs::path(file).stem().string());
    info.sensor = entry.GetString("sensor", "");
    info.units = entry.GetString("units", "");
    info.quantity = quantityFromString(entry.GetString("quantity", "other"));
    info.sourceFile = file;
    const std::string time = entry.GetString("time", "");
    if (!time.empty()) {
        const auto parsed = parseUtc(time);
        if (!parsed)
            throw SceneError(file, "acquisition time '" + time + "' is not ISO-8601 UTC");
        // Before the first spaceborne SAR over sea ice (ERS-1, July 1991) or
        // in the future: a product time read with the wrong epoch.
        const double now = static_cast<double>(std::time(nullptr));
        // The epoch itself is how earlier versions wrote an unknown time.
        if (*parsed != 0.0 && (*parsed < kFirstSeaIceSar || *parsed > now + 86400.0))
            throw SceneError(file, "acquisition time " + time + " is out of range (before 1991-07-17 or in the future): a wrong time epoch?");
        info.time = *parsed;
    }
    return info;
}

// The raster a layer entry names: a GDAL-readable file, a Sentinel-1 SAFE
// product ("product": "sentinel1_safe": GRD or SLC, folder or zip) or bare
// measurement GeoTIFF ("sentinel1_tiff") calibrated to sigma0, or
// a Sentinel-2 product ("sentinel2_safe") as RGB reflectance, a SWOT HR
// raster granule's quality-masked height ("swot_hr_raster"), a CF netCDF
// sea-ice concentration grid in percent ("concentration_grid") or its status
// flag ("concentration_quality"), one field of a SIGRID-3 ice chart
// ("sigrid3_chart", "field": "CT", "SA", ...), or one layer of an AI4Arctic
// scene ("ai4arctic").
DatasetPtr openRaster(const CPLJSONObject& entry, const std::string& file)
{
    const std::string product = entry.GetString("product", "");
    if (product == "sentinel1_safe")
        return DatasetPtr(openCalibratedSentinel1(file, entry.GetString("polarisation", "HH")));
    if (product == "sentinel1_tiff")
        return DatasetPtr(openCalibratedSentinel1Measurement(file));
    if (product == "sentinel2_safe")
        return DatasetPtr(openSentinel2Reflectance(file));
    if (product == "swot_hr_raster")
        return DatasetPtr(openSwotHrRaster(file));
    if (product == "concentration_grid")
        return DatasetPtr(openConcentrationGrid(file));
    if (product == "concentration_quality")
        return DatasetPtr(openConcentrationQuality(file));
    if (product == "radarsat2")
        return DatasetPtr(openCalibratedRadarsat2(file, entry.GetString("polarisation", "HH")));
    if (product == "sigrid3_chart")
        return DatasetPtr(openIceChartField(file, entry.GetString("field", "CT")));
    if (product == "ai4arctic")
        return DatasetPtr(openAi4ArcticLayer(file, entry.GetString("layer", "")));
    if (!product.empty())
        throw SceneError(file, "unknown product kind '" + product + "'");
    return openDataset(file);
}

std::string columnValue(OGRFeature& feature, int index)
{
    return index >= 0 && feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index) : std::string();
}

double parseNumber(const std::string& text)
{
    if (text.empty())
        return std::nan("");
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    return end && *end == '\0' ? v : std::nan("");
}

std::shared_ptr<const Layer> readTrack(const CPLJSONObject& entry, const std::string& file, const AnalysisGrid& grid)
{
    LayerInfo info = readInfo(entry, file);
    // OGR's CSV driver; every column read as text and parsed here so that
    // ISO times are not reinterpreted by type auto-detection.
    DatasetPtr source = openDataset(file, GDAL_OF_VECTOR);
    if (!source || source->GetLayerCount() < 1)
        throw SceneError(file, withGdalReason("cannot open as a track table"));
    OGRLayer* table = source->GetLayer(0);
    OGRFeatureDefn* definition = table->GetLayerDefn();
    const int lat = definition->GetFieldIndex("lat");
    const int lon = definition->GetFieldIndex("lon");
    const int time = definition->GetFieldIndex("time");
    const int value = definition->GetFieldIndex("value");
    const int sigma = definition->GetFieldIndex("sigma");
    const int surface = definition->GetFieldIndex("surface_type");
    if (lat < 0 || lon < 0 || value < 0)
        throw SceneError(file, "track table needs the columns lat, lon and value");

    std::vector<TrackRecord> records;
    const MapExtent gridExtent = grid.extent();
    for (auto& feature : *table) {
        TrackRecord r;
        r.lonLat = {parseNumber(columnValue(*feature, lon)), parseNumber(columnValue(*feature, lat))};
        if (!std::isfinite(r.lonLat.lon) || !std::isfinite(r.lonLat.lat))
            continue;
        r.position = grid.fromLonLat(r.lonLat);
        if (!gridExtent.contains(r.position))
            continue;
        const auto t = parseUtc(columnValue(*feature, time));
        r.time = t ? *t : info.time;
        r.value = static_cast<float>(parseNumber(columnValue(*feature, value)));
        r.sigma = static_cast<float>(parseNumber(columnValue(*feature, sigma)));
        const double s = parseNumber(columnValue(*feature, surface));
        r.surface = std::isfinite(s) && s >= 0 && s <= 3 ? static_cast<SurfaceType>(static_cast<int>(s)) : SurfaceType::Unknown;
        records.push_back(r);
    }
    if (records.empty())
        throw SceneError(file, "no track record falls on the analysis grid");
    const Footprint footprint{entry.GetDouble("footprint_along_m", 300.0), entry.GetDouble("footprint_across_m", 1600.0)};
    return std::make_shared<TrackLayer>(std::move(info), std::move(records), footprint);
}

std::vector<MapPolygon> readFootprints(const CPLJSONObject& entry)
{
    std::vector<MapPolygon> polygons;
    const CPLJSONArray outlines = entry.GetArray("footprints");
    for (int i = 0; i < outlines.Size(); ++i) {
        const CPLJSONArray ring = outlines[i].ToArray();
        MapPolygon polygon;
        for (int j = 0; j < ring.Size(); ++j) {
            const CPLJSONArray xy = ring[j].ToArray();
            if (xy.Size() == 2)
                polygon.push_back({xy[0].ToDouble(), xy[1].ToDouble()});
        }
        if (polygon.size() >= 3)
            polygons.push_back(std::move(polygon));
    }
    return polygons;
}

LayerKind layerKind(const CPLJSONObject& entry)
{
    const std::string kind = entry.GetString("kind", "raster");
    return kind == "track" ? LayerKind::Track : kind == "swath" ? LayerKind::Swath : LayerKind::Raster;
}

std::shared_ptr<const Layer> readLayer(const CPLJSONObject& entry, const fs::path& folder, const AnalysisGrid& grid)
{
    const std::string fileName = entry.GetString("file", "");
    if (fileName.empty())
        throw SceneError(folder.string(), "a layer entry of the manifest has no file");
    const std::string file = (folder / fileName).string();
    if (!fs::exists(file))
        throw SceneError(file, "file does not exist");

    const std::string kind = entry.GetString("kind", "raster");
    const std::string product = entry.GetString("product", "");
    if (kind == "track" && product == "altimeter") {
        const AltimeterProfile profile = loadAltimeterProfile(entry.GetString("profile", ""));
        return std::make_shared<TrackLayer>(readInfo(entry, file), readAltimeterRecords(file, profile, grid),
                                            Footprint{profile.footprintAlongM, profile.footprintAcrossM});
    }
    if (kind == "track" && product == "buoys")
        return makeBuoyTrackLayer(readInfo(entry, file), readBuoyTracks(file), grid, entry.GetDouble("window_hours", 24.0) * 3600.0);
    if (kind == "swath" && product == "swot_l2_lr") {
        SwotOnGrid swot = readSwotSwath(file, grid);
        std::vector<std::vector<float>> bands{std::move(swot.height)};
        if (!swot.crossTrackDistance.empty())
            bands.push_back(std::move(swot.crossTrackDistance));
        return std::make_shared<SwathLayer>(readInfo(entry, file), grid, std::move(bands), std::move(swot.sides));
    }
    if (kind == "track")
        return readTrack(entry, file, grid);
    LayerInfo info = readInfo(entry, file);
    // Calibrated or warped rasters come from the scene's cache when made before.
    const LayerCache cache(folder);
    const std::string cacheKey = LayerCache::key(entry.Format(CPLJSONObject::PrettyFormat::Plain), file, grid);
    std::vector<std::vector<float>> bands;
    if (auto cached = cache.load(cacheKey, grid)) {
        bands = std::move(*cached);
    } else {
        DatasetPtr source = openRaster(entry, file);
        if (!source)
            throw SceneError(file, withGdalReason("cannot open as a raster"));
        bool warped = false;
        bands = readRasterOnGrid(*source, file, grid, entry.GetString("resampling", "bilinear"), &warped);
        if (warped || !entry.GetString("product", "").empty())
            cache.store(cacheKey, grid, bands, info.time);
    }
    if (kind == "swath")
        return std::make_shared<SwathLayer>(std::move(info), grid, std::move(bands), readFootprints(entry));
    if (kind == "raster")
        return std::make_shared<RasterLayer>(std::move(info), grid, std::move(bands));
    throw SceneError(file, "unknown layer kind '" + kind + "'");
}

AnalysisGrid readGrid(const CPLJSONObject& root, const std::string& manifest)
{
    const CPLJSONObject g = root.GetObj("grid");
    if (!g.IsValid())
        throw SceneError(manifest, "manifest has no grid");
    AnalysisGrid grid(g.GetInteger("epsg", 3413), g.GetDouble("origin_x", 0.0), g.GetDouble("origin_y", 0.0),
                      g.GetDouble("pixel_size", 0.0), g.GetInteger("width", 0), g.GetInteger("height", 0));
    if (!grid.isValid())
        throw SceneError(manifest, "grid size and pixel size must be positive");
    try {
        grid.crsWkt();
    } catch (const SceneError& e) {
        throw SceneError(manifest, e.reason());
    }
    return grid;
}

} // namespace

namespace {

// The manifest's root object, checked: format and version.
CPLJSONObject readManifest(const std::string& path, fs::path& manifestPath)
{
    GdalSession::ensure();
    manifestPath = fs::path(path);
    if (!fs::exists(manifestPath))
        throw SceneError(path, "does not exist");
    if (fs::is_directory(manifestPath))
        manifestPath /= manifest::kFileName;
    if (!fs::exists(manifestPath))
        throw SceneError(path, std::string("is not a Banquise scene (no ") + manifest::kFileName + ")");

    CPLJSONDocument document;
    if (!document.Load(manifestPath.string()))
        throw SceneError(manifestPath.string(), withGdalReason("is not valid JSON"));
    const CPLJSONObject root = document.GetRoot();
    if (root.GetString("format", "") != manifest::kFormat)
        throw SceneError(manifestPath.string(), std::string("is not a Banquise scene manifest (format is not '") + manifest::kFormat + "')");
    if (root.GetInteger("version", 0) > manifest::kVersion)
        throw SceneError(manifestPath.string(), "was written by a newer Banquise (manifest version "
                                                    + std::to_string(root.GetInteger("version", 0)) + ")");
    return root;
}

Scene sceneHeader(const CPLJSONObject& root, const fs::path& manifestPath)
{
    Scene scene(root.GetString("name", manifestPath.parent_path().filename().string()), readGrid(root, manifestPath.string()));
    if (const auto t = parseUtc(root.GetString("reference_time", "")))
        scene.setReferenceTime(*t);
    return scene;
}

} // namespace

Scene readSceneHeader(const std::string& path)
{
    fs::path manifestPath;
    const CPLJSONObject root = readManifest(path, manifestPath);
    return sceneHeader(root, manifestPath);
}

LoadedScene readScene(const std::string& path, Feedback* feedback, const LayerFilter& wanted)
{
    fs::path manifestPath;
    const CPLJSONObject root = readManifest(path, manifestPath);
    LoadedScene loaded;
    loaded.scene = sceneHeader(root, manifestPath);

    const CPLJSONArray layers = root.GetArray("layers");
    for (int i = 0; i < layers.Size(); ++i) {
        if (feedback) {
            if (feedback->isCancelled())
                throw SceneError(path, "loading cancelled");
            feedback->setProgress(static_cast<double>(i) / layers.Size(), layers[i].GetString("name", ""));
        }
        if (wanted && !wanted(layerKind(layers[i]), quantityFromString(layers[i].GetString("quantity", "other"))))
            continue;
        try {
            loaded.scene.addLayer(readLayer(layers[i], manifestPath.parent_path(), loaded.scene.grid()));
        } catch (const SceneError& e) {
            loaded.skippedLayers.push_back(e.what());
        }
    }
    if (feedback)
        feedback->setProgress(1.0, "done");
    if (loaded.scene.layers().empty())
        throw SceneError(manifestPath.string(), loaded.skippedLayers.empty() ? "scene has no layer" : "no layer could be loaded: " + loaded.skippedLayers.front());
    return loaded;
}

} // namespace banquise::scene
