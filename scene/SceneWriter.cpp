#include "scene/SceneWriter.h"

#include "scene/GdalSession.h"
#include "scene/GeoTiffFile.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/StagedFolder.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>
#include <gdal_priv.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

std::string fileStem(const std::string& name, std::set<std::string>& used)
{
    std::string stem;
    for (unsigned char c : name)
        stem += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
    if (stem.empty())
        stem = "layer";
    std::string unique = stem;
    for (int i = 2; used.count(unique); ++i)
        unique = stem + "_" + std::to_string(i);
    used.insert(unique);
    return unique;
}

void writeGeoTiff(const RasterLayer& layer, const std::string& path)
{
    std::vector<std::vector<float>> bands;
    for (int b = 0; b < layer.bandCount(); ++b)
        bands.push_back(layer.band(b));
    writeFloatGeoTiff(path, layer.grid(), bands, layer.info().time,
                      {{"SENSOR", layer.info().sensor}, {"QUANTITY", toString(layer.info().quantity)}});
}

void writeTrackCsv(const TrackLayer& layer, const std::string& path)
{
    std::ofstream out(path);
    if (!out)
        throw SceneError(path, "cannot create file");
    out << "lat,lon,time,value,sigma,surface_type\n";
    char line[160];
    for (const auto& r : layer.records()) {
        std::snprintf(line, sizeof line, "%.7f,%.7f,%s,%.4f,%.4f,%d\n", r.lonLat.lat, r.lonLat.lon, formatUtc(r.time).c_str(),
                      r.value, r.sigma, static_cast<int>(r.surface));
        out << line;
    }
    if (!out.flush())
        throw SceneError(path, "cannot write file (disk full?)");
}

CPLJSONArray footprintsJson(const std::vector<MapPolygon>& footprints)
{
    CPLJSONArray outlines;
    for (const auto& polygon : footprints) {
        CPLJSONArray ring;
        for (const auto& p : polygon) {
            CPLJSONArray xy;
            xy.Add(p.x);
            xy.Add(p.y);
            ring.Add(xy);
        }
        outlines.Add(ring);
    }
    return outlines;
}

CPLJSONObject layerEntry(const Layer& layer, const std::string& file)
{
    CPLJSONObject entry;
    entry.Add("name", layer.name());
    entry.Add("kind", toString(layer.kind()));
    entry.Add("file", file);
    entry.Add("sensor", layer.info().sensor);
    entry.Add("quantity", toString(layer.info().quantity));
    entry.Add("units", layer.info().units);
    if (layer.info().time != 0.0) // 0: the layer's time is unknown
        entry.Add("time", formatUtc(layer.info().time));
    // Resampling onto the grid: classes and coarse grids keep their cells.
    const Quantity q = layer.info().quantity;
    const bool cellular = q == Quantity::SurfaceClass || q == Quantity::SeaIceClass || q == Quantity::SeaIceConcentration || layer.kind() == LayerKind::Swath;
    entry.Add("resampling", cellular ? "near" : "bilinear");
    return entry;
}

void writeInto(const Scene& scene, const fs::path& folder)
{
    CPLJSONObject root = manifest::header(scene.name(), scene.grid(), scene.referenceTime());

    CPLJSONArray layers;
    std::set<std::string> used;
    for (const auto& layer : scene.layers()) {
        const std::string stem = fileStem(layer->name(), used);
        std::string file;
        if (const auto* track = dynamic_cast<const TrackLayer*>(layer.get())) {
            file = stem + ".csv";
            writeTrackCsv(*track, (folder / file).string());
        } else if (const auto* raster = dynamic_cast<const RasterLayer*>(layer.get())) {
            file = stem + ".tif";
            writeGeoTiff(*raster, (folder / file).string());
        }
        CPLJSONObject entry = layerEntry(*layer, file);
        if (const auto* track = dynamic_cast<const TrackLayer*>(layer.get())) {
            entry.Add("footprint_along_m", track->footprint().alongTrackM);
            entry.Add("footprint_across_m", track->footprint().acrossTrackM);
        }
        if (const auto* swath = dynamic_cast<const SwathLayer*>(layer.get()))
            entry.Add("footprints", footprintsJson(swath->footprints()));
        layers.Add(entry);
    }
    root.Add("layers", layers);
    CPLJSONDocument document;
    document.SetRoot(root);
    const fs::path manifestPath = folder / manifest::kFileName;
    if (!document.Save(manifestPath.string()))
        throw SceneError(manifestPath.string(), "cannot write manifest");
}

} // namespace

void writeScene(const Scene& scene, const std::string& folder)
{
    GdalSession::ensure();
    writeFolderWhole(
        folder, [](const fs::path& existing) { return fs::exists(existing / manifest::kFileName); },
        [&scene](const fs::path& staging) { writeInto(scene, staging); });
}

} // namespace banquise::scene
