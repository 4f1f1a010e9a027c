#include "scene/Ai4ArcticScene.h"
#include "scene/Sigrid3Codes.h"

#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
constexpr int kStripRows = 256;

struct Profile {
    CPLJSONObject root;
    std::string file;
};

Profile loadProfile()
{
    Profile p;
    p.file = assetsDirectory() + "/products/ai4arctic.json";
    CPLJSONDocument document;
    if (!document.Load(p.file))
        throw SceneError(p.file, "cannot read the AI4Arctic product profile");
    p.root = document.GetRoot();
    return p;
}

std::shared_ptr<GDALMDArray> array(const std::shared_ptr<GDALGroup>& root, const std::string& name)
{
    return name.empty() ? nullptr : root->OpenMDArray(name);
}

// Sentinel-1 start time in the file name (raw: S1A_EW_GRDM_1SDH_<start>_<stop>_...; RTT: <start>_<service>_prep.nc).
double timeFromName(const std::string& file)
{
    static const std::regex stamp("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})");
    std::smatch m;
    const std::string name = fs::path(file).filename().string();
    if (!std::regex_search(name, m, stamp))
        return 0.0;
    const auto t = parseUtc(m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":" + m[6].str() + "Z");
    return t ? *t : 0.0;
}

// Reads a 2-D variable strip by strip as physical float values (scale,
// offset; fill and no-data as NaN) and hands each strip to `use`.
void forEachStrip(const std::shared_ptr<GDALMDArray>& variable, const std::string& file,
                  const std::function<void(const float* values, int firstRow, int rows)>& use)
{
    const auto dims = variable->GetDimensions();
    const GUInt64 height = dims[0]->GetSize();
    const GUInt64 width = dims[1]->GetSize();
    bool hasScale = false, hasOffset = false;
    const double scale = variable->GetScale(&hasScale);
    const double offset = variable->GetOffset(&hasOffset);
    bool hasFill = false;
    const double fill = variable->GetNoDataValueAsDouble(&hasFill);
    std::vector<float> strip(static_cast<std::size_t>(width) * kStripRows);
    for (GUInt64 row = 0; row < height; row += kStripRows) {
        const std::size_t rows = static_cast<std::size_t>(std::min<GUInt64>(kStripRows, height - row));
        const GUInt64 start[2] = {row, 0};
        const size_t count[2] = {rows, static_cast<size_t>(width)};
        std::vector<double> raw(rows * width);
        if (!variable->Read(start, count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), raw.data()))
            throw SceneError(file, withGdalReason("cannot read the variable " + variable->GetName()));
        for (std::size_t k = 0; k < raw.size(); ++k) {
            const double v = raw[k];
            strip[k] = (hasFill && v == fill) || !std::isfinite(v)
                ? NAN
                : static_cast<float>(v * (hasScale ? scale : 1.0) + (hasOffset ? offset : 0.0));
        }
        use(strip.data(), static_cast<int>(row), static_cast<int>(rows));
    }
}

struct GroundControl {
    std::vector<double> line, sample, lon, lat; // pixel centres of the SAR image
};

GroundControl readGeolocation(const std::shared_ptr<GDALGroup>& root, const CPLJSONObject& g, const std::string& file, int width, int height)
{
    GroundControl gc;
    if (array(root, g.GetString("line")) && array(root, g.GetString("latitude"))) {
        gc.line = readPhysical(root, g.GetString("line"), file).values;
        gc.sample = readPhysical(root, g.GetString("sample"), file).values;
        gc.lat = readPhysical(root, g.GetString("latitude"), file).values;
        gc.lon = readPhysical(root, g.GetString("longitude"), file).values;
    } else {
        // Ready-to-train: a 2-D grid of points spread evenly over the image.
        const PhysicalArray lat = readPhysical(root, g.GetString("latitude_2d"), file);
        const PhysicalArray lon = readPhysical(root, g.GetString("longitude_2d"), file);
        if (lat.shape.size() != 2 || lat.shape != lon.shape || lat.shape[0] < 2 || lat.shape[1] < 2)
            throw SceneError(file, "its 2-D geolocation grid is not a grid of at least 2 x 2 points");
        for (std::size_t i = 0; i < lat.shape[0]; ++i)
            for (std::size_t j = 0; j < lat.shape[1]; ++j) {
                gc.line.push_back(i * (height - 1.0) / (lat.shape[0] - 1.0));
                gc.sample.push_back(j * (width - 1.0) / (lat.shape[1] - 1.0));
                gc.lat.push_back(lat.values[i * lat.shape[1] + j]);
                gc.lon.push_back(lon.values[i * lat.shape[1] + j]);
            }
    }
    const std::size_t n = gc.line.size();
    if (n < 3 || gc.sample.size() != n || gc.lat.size() != n || gc.lon.size() != n)
        throw SceneError(file, "its geolocation grid has fewer than 3 points or arrays of different lengths");
    return gc;
}

// The id -> value table of one field of the raw ice chart's polygon codes
// ("id;CT;CA;..." header, then one row per polygon).
std::map<long, double> chartTable(const std::shared_ptr<GDALGroup>& root, const CPLJSONObject& polygons, const std::string& field,
                                  bool concentration, const std::string& file)
{
    const auto codes = array(root, polygons.GetString("codes"));
    if (!codes || codes->GetDimensionCount() != 1)
        throw SceneError(file, "has no 1-D ice-chart polygon table '" + polygons.GetString("codes") + "'");
    const std::size_t n = static_cast<std::size_t>(codes->GetDimensions()[0]->GetSize());
    std::vector<char*> rows(n, nullptr);
    const GUInt64 start = 0;
    const size_t count = n;
    if (!codes->Read(&start, &count, nullptr, nullptr, GDALExtendedDataType::CreateString(), rows.data()))
        throw SceneError(file, withGdalReason("cannot read the ice-chart polygon table"));
    const char separator = polygons.GetString("separator", ";").front();
    std::vector<std::vector<std::string>> table;
    for (char* row : rows) {
        std::vector<std::string> cells;
        std::stringstream text(row ? row : "");
        for (std::string cell; std::getline(text, cell, separator);)
            cells.push_back(cell);
        table.push_back(cells);
        CPLFree(row);
    }
    if (table.empty())
        throw SceneError(file, "its ice-chart polygon table is empty");
    const auto& header = table.front();
    const auto column = std::find(header.begin(), header.end(), field);
    if (column == header.end())
        throw SceneError(file, "its ice-chart polygon table has no field " + field);
    const std::size_t at = static_cast<std::size_t>(column - header.begin());
    std::map<long, double> values;
    for (std::size_t r = 1; r < table.size(); ++r) {
        if (table[r].size() <= at || table[r].empty())
            continue;
        const long id = std::strtol(table[r][0].c_str(), nullptr, 10);
        char* end = nullptr;
        const double code = std::strtod(table[r][at].c_str(), &end);
        const bool given = end != table[r][at].c_str() && code != -9.0;
        values[id] = !given ? NAN : concentration ? sigrid3Concentration(static_cast<int>(code)) : code;
    }
    return values;
}

GDALDataset* memoryDataset(int width, int height)
{
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDataset* ds = memory->Create("", width, height, 1, GDT_Float32, nullptr);
    ds->GetRasterBand(1)->SetNoDataValue(NAN);
    return ds;
}

void attachGroundControl(GDALDataset& ds, const GroundControl& gc, int sarWidth, int sarHeight)
{
    const double sx = static_cast<double>(ds.GetRasterXSize()) / sarWidth;
    const double sy = static_cast<double>(ds.GetRasterYSize()) / sarHeight;
    std::vector<GDAL_GCP> gcps(gc.line.size());
    GDALInitGCPs(static_cast<int>(gcps.size()), gcps.data());
    for (std::size_t i = 0; i < gcps.size(); ++i) {
        gcps[i].dfGCPPixel = (gc.sample[i] + 0.5) * sx;
        gcps[i].dfGCPLine = (gc.line[i] + 0.5) * sy;
        gcps[i].dfGCPX = gc.lon[i];
        gcps[i].dfGCPY = gc.lat[i];
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ds.SetGCPs(static_cast<int>(gcps.size()), gcps.data(), &wgs84);
    GDALDeinitGCPs(static_cast<int>(gcps.size()), gcps.data());
}

// Where a layer's values come from and how they become physical.
struct LayerSource {
    Ai4ArcticLayer layer;
    std::string variable;
    std::function<float(float)> convert; // stored value -> physical
    std::string chartField;              // raw chart: the polygon code field
    bool concentration = false;
};

struct Opened {
    Profile profile;
    DatasetPtr dataset;
    std::shared_ptr<GDALGroup> root;
    std::shared_ptr<GDALMDArray> primary;
};

std::optional<Opened> open(const std::string& file)
{
    Opened o;
    o.profile = loadProfile();
    o.dataset = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    if (!o.dataset)
        return std::nullopt;
    o.root = o.dataset->GetRootGroup();
    const CPLJSONArray sar = o.profile.root.GetArray("sar");
    o.primary = sar.Size() > 0 ? array(o.root, sar[0].GetString("variable")) : nullptr;
    const CPLJSONObject g = o.profile.root.GetObj("geolocation");
    const bool located = array(o.root, g.GetString("latitude")) || array(o.root, g.GetString("latitude_2d"));
    if (!o.root || !o.primary || o.primary->GetDimensionCount() != 2 || !located)
        return std::nullopt;
    return o;
}

std::vector<LayerSource> layerSources(const Opened& o, bool readyToTrain)
{
    std::vector<LayerSource> sources;
    const CPLJSONObject& p = o.profile.root;
    const bool decibels = p.GetString("sar_units", "dB") == "dB";
    for (const CPLJSONObject& sar : p.GetArray("sar")) {
        if (!array(o.root, sar.GetString("variable")))
            continue;
        LayerSource s;
        s.variable = sar.GetString("variable");
        if (readyToTrain) // normalised by the publisher: no sigma0 to recover
            s.layer = {"S1 " + sar.GetString("polarisation") + " (normalised)", "Sentinel-1", "other", "normalised", "bilinear"};
        else
            s.layer = {"S1 " + sar.GetString("polarisation") + " sigma0", "Sentinel-1", "sigma0", "linear", "bilinear"};
        s.convert = [decibels, readyToTrain](float v) { return decibels && !readyToTrain ? std::pow(10.0f, v / 10.0f) : v; };
        sources.push_back(s);
    }
    const CPLJSONObject polygons = p.GetObj("chart_polygons");
    if (array(o.root, polygons.GetString("variable")))
        for (const CPLJSONObject& f : p.GetArray("chart_fields")) {
            LayerSource s;
            s.variable = polygons.GetString("variable");
            s.chartField = f.GetString("field");
            s.concentration = f.GetString("coding") == "sigrid3_concentration";
            s.layer = {f.GetString("layer"), "ice chart", f.GetString("quantity"), f.GetString("units"), "near"};
            sources.push_back(s);
        }
    for (const CPLJSONObject& c : p.GetArray("chart_classes")) {
        if (!array(o.root, c.GetString("variable")))
            continue;
        LayerSource s;
        s.variable = c.GetString("variable");
        const float scale = static_cast<float>(c.GetDouble("scale", 1.0));
        const float fill = static_cast<float>(c.GetDouble("fill", 255.0));
        s.convert = [scale, fill](float v) { return v == fill ? NAN : v * scale; };
        s.layer = {c.GetString("layer"), "ice chart", c.GetString("quantity"), c.GetString("units"), "near"};
        sources.push_back(s);
    }
    for (const CPLJSONObject& b : p.GetArray("brightness_temperatures")) {
        const std::string name = b.ToString();
        if (!array(o.root, name))
            continue;
        LayerSource s;
        s.variable = name;
        s.convert = [](float v) { return v; };
        s.layer = {"AMSR-2 " + name, "AMSR-2", "other", readyToTrain ? "normalised" : "K", "bilinear"};
        sources.push_back(s);
    }
    return sources;
}

bool isReadyToTrain(const Opened& o)
{
    return !array(o.root, o.profile.root.GetObj("geolocation").GetString("line"));
}
} // namespace

std::optional<Ai4ArcticScene> describeAi4Arctic(const std::string& file)
{
    GdalSession::ensure();
    auto o = open(file);
    if (!o)
        return std::nullopt;
    Ai4ArcticScene scene;
    scene.readyToTrain = isReadyToTrain(*o);
    scene.height = static_cast<int>(o->primary->GetDimensions()[0]->GetSize());
    scene.width = static_cast<int>(o->primary->GetDimensions()[1]->GetSize());
    scene.time = timeFromName(file);
    const GroundControl gc = readGeolocation(o->root, o->profile.root.GetObj("geolocation"), file, scene.width, scene.height);
    for (std::size_t i = 0; i < gc.lat.size(); ++i)
        if (std::isfinite(gc.lat[i]) && std::isfinite(gc.lon[i]))
            scene.footprint.push_back({gc.lon[i], gc.lat[i]});
    for (const LayerSource& s : layerSources(*o, scene.readyToTrain))
        scene.layers.push_back(s.layer);
    return scene;
}

GDALDataset* openAi4ArcticLayer(const std::string& file, const std::string& layerName)
{
    GdalSession::ensure();
    auto o = open(file);
    if (!o)
        throw SceneError(file, "is not an AI4Arctic scene (no primary SAR variable or no geolocation grid)");
    const bool readyToTrain = isReadyToTrain(*o);
    const auto sources = layerSources(*o, readyToTrain);
    const auto source = std::find_if(sources.begin(), sources.end(), [&](const LayerSource& s) { return s.layer.name == layerName; });
    if (source == sources.end())
        throw SceneError(file, "has no layer '" + layerName + "' (its variable is missing)");
    const int sarHeight = static_cast<int>(o->primary->GetDimensions()[0]->GetSize());
    const int sarWidth = static_cast<int>(o->primary->GetDimensions()[1]->GetSize());
    const GroundControl gc = readGeolocation(o->root, o->profile.root.GetObj("geolocation"), file, sarWidth, sarHeight);

    const auto variable = array(o->root, source->variable);
    if (variable->GetDimensionCount() != 2)
        throw SceneError(file, "its variable " + source->variable + " is not 2-D");
    const int height = static_cast<int>(variable->GetDimensions()[0]->GetSize());
    const int width = static_cast<int>(variable->GetDimensions()[1]->GetSize());
    std::function<float(float)> convert = source->convert;
    if (!source->chartField.empty()) {
        const auto table = chartTable(o->root, o->profile.root.GetObj("chart_polygons"), source->chartField, source->concentration, file);
        convert = [table](float id) {
            const auto found = std::isfinite(id) ? table.find(std::lround(id)) : table.end();
            return found == table.end() ? NAN : static_cast<float>(found->second);
        };
    }
    DatasetPtr out(memoryDataset(width, height));
    std::vector<float> converted;
    forEachStrip(variable, file, [&](const float* values, int firstRow, int rows) {
        converted.assign(values, values + static_cast<std::size_t>(rows) * width);
        for (float& v : converted)
            v = std::isfinite(v) ? convert(v) : NAN;
        if (out->GetRasterBand(1)->RasterIO(GF_Write, 0, firstRow, width, rows, converted.data(), width, rows, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot hold the layer " + layerName + " in memory"));
    });
    attachGroundControl(*out, gc, sarWidth, sarHeight);
    return out.release();
}

} // namespace banquise::scene
