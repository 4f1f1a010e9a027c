#include "scene/SceneAssembly.h"

#include "scene/Ai4ArcticScene.h"
#include "scene/ConcentrationGrid.h"
#include "scene/IceChart.h"
#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/SensorProfile.h"
#include "scene/SwotHrRaster.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
bool isSar(const DetectedProduct& p)
{
    return ((p.kind == "sentinel1_safe" || p.kind == "sentinel1_tiff") && p.detail.rfind("GRD", 0) == 0)
        || (p.kind == "radarsat2" && p.detail.rfind("SLC", 0) != 0)
        || (p.kind == "ai4arctic" && p.detail.rfind("raw", 0) == 0);
}

// Display order of the views (SAR, optical composite, concentration, swath,
// other images, then tracks on top): the 2 x 2 grid shows the first four.
int displayRank(const DetectedProduct& p)
{
    if (isSar(p))
        return 0;
    if (p.kind == "sentinel2_safe")
        return 1;
    if (p.kind == "raster" && p.sensor.find("Sentinel-2") != std::string::npos)
        return p.detail.rfind("3 band", 0) == 0 ? 1 : 5;
    if ((p.kind == "raster" && p.sensor == "AMSR-2") || p.kind == "concentration_grid" || p.kind == "ice_chart")
        return 2;
    if (p.kind == "swot_l2_lr" || p.kind == "swot_hr_raster")
        return 3;
    if (p.kind == "sentinel1_safe" || p.kind == "sentinel1_tiff" || p.kind == "radarsat2" || p.kind == "raster")
        return 4;
    return 6;
}

CPLJSONObject entry(const DetectedProduct& p, const std::string& name, const char* kind, const char* quantity, const char* units,
                    const char* resampling)
{
    CPLJSONObject e;
    e.Add("name", name);
    e.Add("kind", kind);
    e.Add("file", fs::absolute(p.path).string());
    e.Add("sensor", p.sensor);
    e.Add("quantity", quantity);
    e.Add("units", units);
    if (p.time > 0.0)
        e.Add("time", formatUtc(p.time));
    e.Add("resampling", resampling);
    return e;
}
} // namespace

AnalysisGrid gridForProducts(const std::vector<DetectedProduct>& products, int epsg, double pixelSize)
{
    const DetectedProduct* reference = nullptr;
    for (const auto& p : products)
        if (isSar(p) && !p.footprint.empty() && (!reference || p.time < reference->time))
            reference = &p;
    std::vector<LonLat> points;
    if (reference)
        points = reference->footprint;
    else
        for (const auto& p : products)
            points.insert(points.end(), p.footprint.begin(), p.footprint.end());
    if (points.empty())
        throw SceneError("", "no product tells where it lies: cannot choose an analysis grid");
    const AnalysisGrid probe(epsg, 0.0, 0.0, pixelSize, 1, 1);
    std::vector<MapPoint> projected;
    for (const LonLat& ll : points)
        projected.push_back(probe.fromLonLat(ll));
    const AnalysisGrid grid = AnalysisGrid::covering(epsg, extentOf(projected), pixelSize);
    if (grid.width() < 2 || grid.height() < 2 || grid.width() > 50000 || grid.height() > 50000)
        throw SceneError("", "the products' footprint gives an unusable grid (" + std::to_string(grid.width()) + " x "
                                 + std::to_string(grid.height()) + ")");
    return grid;
}

void writeSceneManifest(const std::vector<DetectedProduct>& products, const AnalysisGrid& grid, const std::string& name,
                        const std::string& folder)
{
    // The first SAR date; without SAR, the first dated product.
    double reference = std::numeric_limits<double>::max();
    for (const auto& p : products)
        if (isSar(p))
            reference = std::min(reference, p.time);
    if (reference == std::numeric_limits<double>::max())
        for (const auto& p : products)
            if (p.time > 0.0)
                reference = std::min(reference, p.time);
    std::vector<DetectedProduct> ordered = products;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const DetectedProduct& a, const DetectedProduct& b) { return displayRank(a) < displayRank(b); });
    CPLJSONArray layers;
    for (const auto& p : ordered) {
        if (p.kind == "sentinel1_safe" || p.kind == "sentinel1_tiff") {
            const bool later = isSar(p) && p.time > reference;
            for (const auto& pol : p.polarisations) {
                std::string layerName = "S1 " + pol + " sigma0" + (later ? " " + formatUtc(p.time).substr(0, 10) : "");
                if (!isSar(p))
                    layerName += " (SLC)";
                CPLJSONObject e = entry(p, layerName, "raster", "sigma0", "linear", "bilinear");
                e.Add("product", p.kind);
                e.Add("polarisation", pol);
                layers.Add(e);
            }
        } else if (p.kind == "radarsat2") {
            const bool later = isSar(p) && p.time > reference;
            for (const auto& pol : p.polarisations) {
                CPLJSONObject e = entry(p, "RS2 " + pol + " sigma0" + (later ? " " + formatUtc(p.time).substr(0, 10) : ""), "raster",
                                        "sigma0", "linear", "bilinear");
                e.Add("product", "radarsat2");
                e.Add("polarisation", pol);
                layers.Add(e);
            }
        } else if (p.kind == "sentinel2_safe") {
            // Averaged: its 10 m pixels are finer than the usual SAR grid.
            const std::string date = p.time > 0.0 ? " " + formatUtc(p.time).substr(0, 10) : "";
            CPLJSONObject e = entry(p, "S2 RGB" + date, "raster", "reflectance", "reflectance", "average");
            e.Add("product", "sentinel2_safe");
            layers.Add(e);
        } else if (p.kind == "ai4arctic") {
            const auto scene = describeAi4Arctic(p.path);
            for (const Ai4ArcticLayer& l : scene ? scene->layers : std::vector<Ai4ArcticLayer>{}) {
                CPLJSONObject e = entry(p, l.name, "raster", l.quantity.c_str(), l.units.c_str(), l.resampling.c_str());
                e.Set("sensor", l.sensor);
                e.Add("product", "ai4arctic");
                e.Add("layer", l.name);
                layers.Add(e);
            }
        } else if (p.kind == "swot_hr_raster") {
            const SwotHrRasterInfo hr = describeSwotHrRaster(p.path);
            CPLJSONObject e = entry(p, hr.layerName + " " + fs::path(p.path).stem().string(), "raster", "other", hr.units.c_str(), "bilinear");
            e.Add("product", "swot_hr_raster");
            layers.Add(e);
        } else if (p.kind == "raster") {
            const bool concentration = p.sensor == "AMSR-2";
            const bool optical = p.sensor.find("Sentinel-2") != std::string::npos;
            const std::string layerName = p.sensor + " " + fs::path(p.path).stem().string();
            layers.Add(entry(p, layerName, "raster", concentration ? "sea_ice_concentration" : optical ? "reflectance" : "other",
                             concentration ? "%" : optical ? "reflectance" : "", concentration ? "average" : "bilinear"));
        } else if (p.kind == "altimeter") {
            // Freeboard, or what the product measures when Banquise cannot make freeboard of it.
            const AltimeterProfile profile = loadAltimeterProfile(p.profile);
            const bool freeboard = profile.valueQuantity == "freeboard" || profile.freeboardFromLeadsKm > 0.0;
            const std::string quantity = freeboard ? "freeboard" : profile.valueQuantity;
            CPLJSONObject e = entry(p, p.sensor + (freeboard ? " freeboard" : " " + profile.value.name), "track", quantity.c_str(), "m", "near");
            e.Add("product", "altimeter");
            e.Add("profile", p.profile);
            layers.Add(e);
        } else if (p.kind == "swot_l2_lr") {
            CPLJSONObject e = entry(p, "SWOT " + fs::path(p.path).stem().string(), "swath", "freeboard", "m", "near");
            e.Add("product", "swot_l2_lr");
            layers.Add(e);
        } else if (p.kind == "concentration_grid") {
            // Weak supervision like AMSR-2's: the models take any sea_ice_concentration layer.
            const std::string stem = fs::path(p.path).stem().string();
            CPLJSONObject e = entry(p, "SIC " + stem, "raster", "sea_ice_concentration", "%", "average");
            e.Add("product", "concentration_grid");
            layers.Add(e);
            if (const ConcentrationGridInfo sic = describeConcentrationGrid(p.path); !sic.qualityVariable.empty()) {
                CPLJSONObject q = entry(p, "SIC status flag " + stem, "raster", "other", "", "near");
                q.Add("product", "concentration_quality");
                layers.Add(q);
            }
        } else if (p.kind == "ice_chart") {
            // Total concentration (weak supervision beside AMSR-2), the oldest stage and its form.
            const std::string stem = fs::path(p.path).stem().string();
            const IceChartInfo chart = describeIceChart(p.path);
            for (const char* field : {"CT", "SA", "FA"}) {
                if (std::find(chart.fields.begin(), chart.fields.end(), field) == chart.fields.end())
                    continue;
                const bool total = std::string(field) == "CT";
                CPLJSONObject e = entry(p, "Ice chart " + std::string(field) + " " + stem, "raster",
                                        total ? "sea_ice_concentration" : "other", total ? "%" : "SIGRID-3 code", "near");
                e.Add("product", "sigrid3_chart");
                e.Add("field", field);
                layers.Add(e);
            }
        } else if (p.kind == "buoys") {
            // Shown around the scene's date: the file's own span may be months.
            CPLJSONObject e = entry(p, "Buoys " + fs::path(p.path).stem().string(), "track", "drift_speed", "km/day", "near");
            if (reference != std::numeric_limits<double>::max())
                e.Set("time", formatUtc(reference));
            e.Add("product", "buoys");
            layers.Add(e);
        } else if (p.kind == "csv_track") {
            layers.Add(entry(p, fs::path(p.path).stem().string(), "track", "freeboard", "m", "near"));
        }
    }
    if (layers.Size() == 0)
        throw SceneError(folder, "none of the products can be put on the grid");
    CPLJSONObject root = manifest::header(name, grid, reference == std::numeric_limits<double>::max() ? 0.0 : reference);
    root.Add("layers", layers);
    std::error_code error;
    fs::create_directories(folder, error);
    CPLJSONDocument document;
    document.SetRoot(root);
    const fs::path path = fs::path(folder) / manifest::kFileName;
    if (!document.Save(path.string()))
        throw SceneError(path.string(), "cannot write the scene manifest");
}

} // namespace banquise::scene
