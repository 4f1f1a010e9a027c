#include "scene/SceneReader.h"

#include "scene/Feedback.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/LayerCache.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/RasterOnGrid.h"
#include "scene/RasterPyramid.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/SwathLayer.h"
#include "scene/UtcTime.h"
#include "scene/kinds/ProductKind.h"

#include <cpl_json.h>
#include <gdal_priv.h>

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

// A raster shown from its display pyramid in the scene's cache, built there
// first when missing: from the source when it is on the grid, else from
// the co-registered raster the cache keeps (warped now if need be).
std::shared_ptr<const Layer> readPyramidLayer(const CPLJSONObject& entry, LayerInfo info, const ManifestReader& reader,
                                              const AnalysisGrid& grid, const LayerCache& cache, const std::string& cacheKey,
                                              const PyramidProgress& progress)
{
    const std::string& file = info.sourceFile;
    const std::string pyramidFile = cache.pyramidFor(cacheKey).string();
    std::error_code error;
    if (fs::exists(pyramidFile, error)) {
        try {
            return std::make_shared<PyramidLayer>(std::move(info), std::make_shared<RasterPyramid>(pyramidFile));
        } catch (const SceneError&) {
            fs::remove(pyramidFile, error); // unreadable: rebuild it
        }
    }
    const std::string resampling = entry.GetString("resampling", "bilinear");
    const bool classes = info.quantity == Quantity::SurfaceClass || info.quantity == Quantity::SeaIceClass || resampling == "near";
    const PyramidResampling overviews = classes ? PyramidResampling::Nearest : PyramidResampling::Average;
    const double offset = entry.GetDouble("value_offset", 0.0);
    const std::string warped = cache.fileFor(cacheKey).string();
    if (fs::exists(warped, error)) {
        buildRasterPyramid(warped, grid, pyramidFile, overviews, offset, progress);
    } else {
        DatasetPtr source(reader.openRaster(entry, file));
        if (!source)
            throw SceneError(file, withGdalReason("cannot open as a raster"));
        if (isOnGrid(*source, grid)) {
            buildRasterPyramid(*source, file, grid, pyramidFile, overviews, offset, progress);
        } else {
            if (!cache.store(cacheKey, grid, readRasterOnGrid(*source, file, grid, resampling), info.time))
                throw SceneError(warped, "cannot write the co-registered raster into the scene's cache");
            buildRasterPyramid(warped, grid, pyramidFile, overviews, offset, progress);
        }
    }
    return std::make_shared<PyramidLayer>(std::move(info), std::make_shared<RasterPyramid>(pyramidFile));
}

// The entry's "product" names its reader in the registry (kinds/); an
// entry without one is a plain raster GDAL opens, or a CSV track table.
std::shared_ptr<const Layer> readLayer(const CPLJSONObject& entry, const fs::path& folder, const AnalysisGrid& grid,
                                       std::int64_t pyramidAboveCells, const PyramidProgress& progress)
{
    const std::string fileName = entry.GetString("file", "");
    if (fileName.empty())
        throw SceneError(folder.string(), "a layer entry of the manifest has no file");
    const std::string file = (folder / fileName).string();
    if (!fs::exists(file))
        throw SceneError(file, "file does not exist");

    const std::string kind = entry.GetString("kind", "raster");
    if (kind != "raster" && kind != "track" && kind != "swath")
        throw SceneError(file, "unknown layer kind '" + kind + "'");
    const std::string product = entry.GetString("product", kind == "track" ? "csv_track" : "raster");
    const ManifestReader* reader = manifestReader(product);
    if (!reader)
        throw SceneError(file, "unknown product kind '" + product + "'");
    LayerInfo info = readInfo(entry, file);
    if (reader->readLayer)
        return reader->readLayer(entry, std::move(info), file, grid);
    if (kind == "track")
        throw SceneError(file, "product kind '" + product + "' is a raster, not a track");
    // Calibrated or warped rasters come from the scene's cache when made before.
    const LayerCache cache(folder);
    const std::string cacheKey = cache.key(entry.Format(CPLJSONObject::PrettyFormat::Plain), file, grid);
    const bool large = static_cast<std::int64_t>(grid.width()) * grid.height() > pyramidAboveCells;
    if (kind == "raster" && pyramidAboveCells > 0 && large && cache.writable())
        return readPyramidLayer(entry, std::move(info), *reader, grid, cache, cacheKey, progress);
    std::vector<std::vector<float>> bands;
    if (auto cached = cache.load(cacheKey, grid)) {
        bands = std::move(*cached);
    } else {
        DatasetPtr source(reader->openRaster(entry, file));
        if (!source)
            throw SceneError(file, withGdalReason("cannot open as a raster"));
        bool warped = false;
        bands = readRasterOnGrid(*source, file, grid, entry.GetString("resampling", "bilinear"), &warped);
        if (warped || !entry.GetString("product", "").empty())
            cache.store(cacheKey, grid, bands, info.time);
    }
    // The cache keeps the file's own values; the entry's offset comes after.
    if (const double offset = entry.GetDouble("value_offset", 0.0); offset != 0.0)
        for (auto& band : bands)
            for (float& v : band)
                v += static_cast<float>(offset);
    if (kind == "swath")
        return std::make_shared<SwathLayer>(std::move(info), grid, std::move(bands), readFootprints(entry));
    return std::make_shared<RasterLayer>(std::move(info), grid, std::move(bands));
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

std::shared_ptr<const Layer> readAddedMap(const AddedMap& map, const std::string& sceneFolder, const AnalysisGrid& grid,
                                          std::int64_t pyramidAboveCells, Feedback* feedback)
{
    GdalSession::ensure();
    // The entry a manifest would hold, so that the map takes the manifest's
    // path: warping, the layer cache and pyramids keyed by what made them.
    CPLJSONObject entry;
    entry.Add("file", fs::absolute(map.file).string());
    entry.Add("name", map.info.name);
    entry.Add("sensor", map.info.sensor);
    entry.Add("units", map.info.units);
    entry.Add("quantity", toString(map.info.quantity));
    if (map.info.time != 0.0)
        entry.Add("time", formatUtc(map.info.time));
    entry.Add("resampling", map.resampling);
    if (map.valueOffset != 0.0)
        entry.Add("value_offset", map.valueOffset);
    // A scene that has no folder keeps the map's cache beside the map.
    const fs::path folder = sceneFolder.empty() ? fs::absolute(map.file).parent_path() : fs::path(sceneFolder);
    const PyramidProgress progress{feedback, 0.0, 1.0, map.info.name + ": display pyramid"};
    return readLayer(entry, folder, grid, pyramidAboveCells, progress);
}

Scene readSceneHeader(const std::string& path)
{
    fs::path manifestPath;
    const CPLJSONObject root = readManifest(path, manifestPath);
    return sceneHeader(root, manifestPath);
}

LoadedScene readScene(const std::string& path, Feedback* feedback, const LayerFilter& wanted, std::int64_t pyramidAboveCells)
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
            // A pyramid built on the first opening reports within the layer's share, and can be cancelled.
            const PyramidProgress progress{feedback, static_cast<double>(i) / layers.Size(), 1.0 / layers.Size(),
                                           layers[i].GetString("name", "") + ": display pyramid"};
            loaded.scene.addLayer(readLayer(layers[i], manifestPath.parent_path(), loaded.scene.grid(), pyramidAboveCells, progress));
        } catch (const SceneError& e) {
            loaded.skippedLayers.push_back(e.what());
        }
    }
    if (feedback && feedback->isCancelled()) // during the last layer's pyramid
        throw SceneError(path, "loading cancelled");
    if (feedback)
        feedback->setProgress(1.0, "done");
    if (loaded.scene.layers().empty())
        throw SceneError(manifestPath.string(), loaded.skippedLayers.empty() ? "scene has no layer" : "no layer could be loaded: " + loaded.skippedLayers.front());
    return loaded;
}

} // namespace banquise::scene
