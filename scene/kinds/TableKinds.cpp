#include "scene/kinds/Kinds.h"

#include "scene/AnalysisGrid.h"
#include "scene/BuoyTrackLayer.h"
#include "scene/BuoyTracks.h"
#include "scene/IceChart.h"
#include "scene/SafeFiles.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"
#include "scene/kinds/ProductFootprint.h"

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {

std::string extensionOf(const fs::path& path)
{
    return lowerCase(path.extension().string());
}

// The column names of a CSV file's header, lower case.
std::vector<std::string> csvColumns(const fs::path& file)
{
    std::ifstream in(file);
    std::string header;
    std::getline(in, header);
    std::vector<std::string> columns;
    std::stringstream cells(lowerCase(header));
    for (std::string cell; std::getline(cells, cell, ',');) {
        const auto first = cell.find_first_not_of(" \t\r\"");
        const auto last = cell.find_last_not_of(" \t\r\"");
        columns.push_back(first == std::string::npos ? std::string() : cell.substr(first, last - first + 1));
    }
    return columns;
}

bool hasColumns(const std::vector<std::string>& columns, std::initializer_list<const char*> wanted)
{
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const char* c) { return std::find(columns.begin(), columns.end(), c) != columns.end(); });
}

// IABP tables (.csv with a BuoyID column, blank-separated .dat) and CF
// trajectory netCDF; altimeter products may call themselves trajectories
// too, so the altimeter kind looks first.
Recognition detectBuoys(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    const std::string ext = extensionOf(file);
    if (ext == ".csv" && !hasColumns(csvColumns(file), {"buoyid"}))
        return Recognition::NotThisKind;
    if (ext == ".nc" || ext == ".h5") {
        DatasetPtr ds = openDataset(file.string(), GDAL_OF_MULTIDIM_RASTER);
        const auto root = ds ? ds->GetRootGroup() : nullptr;
        const auto featureType = root ? root->GetAttribute("featureType") : nullptr;
        if (!featureType || !featureType->ReadAsString() || lowerCase(featureType->ReadAsString()) != "trajectory")
            return Recognition::NotThisKind;
    }
    try {
        const auto tracks = readBuoyTracks(file.string());
        std::size_t fixes = 0;
        for (const auto& track : tracks)
            fixes += track.fixes.size();
        product.sensor = "buoys";
        product.path = file.string();
        product.detail = std::to_string(tracks.size()) + (tracks.size() == 1 ? " buoy, " : " buoys, ") + std::to_string(fixes) + " fixes";
        return Recognition::Recognised;
    } catch (const SceneError& e) {
        reason = e.reason();
        return Recognition::Refused;
    }
}

// Shown around the scene's date: the file's own span may be months.
void addBuoysEntry(const DetectedProduct& p, const ManifestContext& context, CPLJSONArray& layers)
{
    CPLJSONObject e = manifestEntry(p, "Buoys " + fs::path(p.path).stem().string(), "track", "drift_speed", "km/day", "near");
    if (context.hasReference)
        e.Set("time", formatUtc(context.referenceTime));
    e.Add("product", p.kind);
    layers.Add(e);
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

// OGR's CSV driver; every column read as text and parsed here so that ISO
// times are not reinterpreted by type auto-detection.
std::shared_ptr<const Layer> readCsvTrack(const CPLJSONObject& entry, LayerInfo info, const std::string& file, const AnalysisGrid& grid)
{
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

Recognition detectIceChart(const fs::path& file, DetectedProduct& product, std::string& reason)
{
    const IceChartInfo chart = describeIceChart(file.string());
    if (!chart.recognised) {
        reason = "a vector file without a SIGRID-3 CT field: not an ice chart";
        return Recognition::NotThisKind;
    }
    try {
        DatasetPtr total(openIceChartField(file.string(), "CT"));
        rasterFootprint(*total, product.footprint);
    } catch (const SceneError& e) {
        reason = e.reason();
        return Recognition::Refused;
    }
    product.sensor = "ice chart";
    product.path = file.string();
    // SIGRID-3 carries no date; the ice services put it in the name (CIS: ..._20240314T1800Z_...).
    static const std::regex stamp("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})Z?");
    const std::string stem = file.stem().string();
    if (std::smatch m; std::regex_search(stem, m, stamp))
        product.time = parseUtc(m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":00Z").value_or(0.0);
    product.detail = "SIGRID-3, " + std::to_string(chart.polygons) + " polygons";
    return Recognition::Recognised;
}

// Total concentration (weak supervision beside AMSR-2), the oldest stage and its form.
void addIceChartEntries(const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers)
{
    const std::string stem = fs::path(p.path).stem().string();
    const IceChartInfo chart = describeIceChart(p.path);
    for (const char* field : {"CT", "SA", "FA"}) {
        if (std::find(chart.fields.begin(), chart.fields.end(), field) == chart.fields.end())
            continue;
        const bool total = std::string(field) == "CT";
        CPLJSONObject e = manifestEntry(p, "Ice chart " + std::string(field) + " " + stem, "raster",
                                        total ? "sea_ice_concentration" : "other", total ? "%" : "SIGRID-3 code", "near");
        e.Add("product", "sigrid3_chart");
        e.Add("field", field);
        layers.Add(e);
    }
}

} // namespace

ProductKind buoysKind()
{
    ProductKind kind;
    kind.name = "buoys";
    kind.label = "Drifting buoys (IABP, CF trajectory)";
    kind.dialogPatterns = {"*.csv", "*.dat", "*.nc"};
    kind.claims = [](const fs::path& path, bool folder) {
        const std::string ext = extensionOf(path);
        return !folder && (ext == ".csv" || ext == ".dat" || ext == ".nc" || ext == ".h5");
    };
    kind.detect = detectBuoys;
    kind.role = [](const DetectedProduct&) { return ProductRole::Other; };
    kind.addManifestEntries = addBuoysEntry;
    kind.readers = {{"buoys", nullptr,
                     [](const CPLJSONObject& entry, LayerInfo info, const std::string& file, const AnalysisGrid& grid) {
                         return std::static_pointer_cast<const Layer>(makeBuoyTrackLayer(
                             std::move(info), readBuoyTracks(file), grid, entry.GetDouble("window_hours", 24.0) * 3600.0));
                     }}};
    return kind;
}

ProductKind csvTrackKind()
{
    ProductKind kind;
    kind.name = "csv_track";
    kind.label = "Track table (CSV: lat, lon, value)";
    kind.dialogPatterns = {"*.csv"};
    kind.claims = [](const fs::path& path, bool folder) { return !folder && extensionOf(path) == ".csv"; };
    kind.detect = [](const fs::path& file, DetectedProduct& product, std::string& reason) {
        if (!hasColumns(csvColumns(file), {"lat", "lon", "value"})) {
            reason = "CSV without lat, lon and value columns";
            return Recognition::NotThisKind;
        }
        product.sensor = "track";
        product.path = file.string();
        product.detail = "CSV track";
        return Recognition::Recognised;
    };
    kind.role = [](const DetectedProduct&) { return ProductRole::Other; };
    // The entries carry no "product": a track without one is a CSV table.
    kind.addManifestEntries = [](const DetectedProduct& p, const ManifestContext&, CPLJSONArray& layers) {
        layers.Add(manifestEntry(p, fs::path(p.path).stem().string(), "track", "freeboard", "m", "near"));
    };
    kind.readers = {{"csv_track", nullptr, readCsvTrack}};
    return kind;
}

ProductKind iceChartKind()
{
    ProductKind kind;
    kind.name = "ice_chart";
    kind.label = "SIGRID-3 ice chart";
    kind.dialogPatterns = {"*.shp", "*.gpkg"};
    kind.claims = [](const fs::path& path, bool folder) {
        const std::string ext = extensionOf(path);
        return !folder && (ext == ".shp" || ext == ".gpkg");
    };
    kind.detect = detectIceChart;
    kind.role = [](const DetectedProduct&) { return ProductRole::Concentration; };
    kind.addManifestEntries = addIceChartEntries;
    kind.readers = {{"sigrid3_chart", [](const CPLJSONObject& entry, const std::string& file) {
                         return openIceChartField(file, entry.GetString("field", "CT"));
                     }}};
    return kind;
}

} // namespace banquise::scene
