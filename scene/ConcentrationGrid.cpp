#include "scene/ConcentrationGrid.h"

#include "scene/CfTimeUnits.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <sstream>
#include <vector>

namespace banquise::scene {

namespace {
// Variables some products carry beside the concentration with the same
// standard_name (raw values, the algorithms' components): the main one first.
constexpr const char* kPreferred[] = {"ice_conc", "cdr_seaice_conc", "sea_ice_concentration", "z"};

// grid_mapping_name values of the CF conventions (1.10, appendix F).
const std::string kCfGridMappings[] = {"albers_conical_equal_area", "azimuthal_equidistant", "geostationary",
                                       "lambert_azimuthal_equal_area", "lambert_conformal_conic", "lambert_cylindrical_equal_area",
                                       "latitude_longitude", "mercator", "oblique_mercator", "orthographic", "polar_stereographic",
                                       "rotated_latitude_longitude", "sinusoidal", "stereographic", "transverse_mercator",
                                       "vertical_perspective"};

std::string text(const std::shared_ptr<GDALIHasAttribute>& owner, const char* name)
{
    const auto attribute = owner ? owner->GetAttribute(name) : nullptr;
    const char* value = attribute ? attribute->ReadAsString() : nullptr;
    return value ? value : "";
}

// The University of Bremen's ASI grids (asi-AMSR2-n6250-20240314-v5.4.nc,
// asi-n6250-..., asi-SSMIS17-...) are GMT grids: the concentration is `z`
// (float, percent, NaN fill, actual_range 0..100) with a polar stereographic
// grid mapping but no standard_name or units, and no time variable; the
// file name carries the day.
bool isBremenAsiName(const std::string& file)
{
    const std::string name = std::filesystem::path(file).filename().string();
    return name.rfind("asi-", 0) == 0 && name.size() > 3 && name.substr(name.size() - 3) == ".nc";
}

// The day in a Bremen ASI file name ("-20240314-"), at 12:00 UTC (a daily
// map, centred as OSI SAF's daily products are); 0 when there is none.
double bremenAsiDay(const std::string& file)
{
    const std::string name = std::filesystem::path(file).filename().string();
    for (std::size_t at = name.find('-'); at != std::string::npos; at = name.find('-', at + 1)) {
        const std::string digits = name.substr(at + 1, 8);
        if (digits.size() == 8 && std::all_of(digits.begin(), digits.end(), ::isdigit) && at + 9 < name.size() && name[at + 9] == '-')
            if (const auto t = parseUtc(digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) + "T12:00:00Z"))
                return *t;
    }
    return 0.0;
}

std::shared_ptr<GDALMDArray> concentrationVariable(const std::shared_ptr<GDALGroup>& root, const std::string& file)
{
    std::vector<std::shared_ptr<GDALMDArray>> found;
    for (const auto& name : root->GetMDArrayNames())
        if (auto array = root->OpenMDArray(name); array && text(array, "standard_name") == "sea_ice_area_fraction"
                                                  && array->GetDimensionCount() >= 2)
            found.push_back(array);
    for (const char* name : kPreferred)
        for (const auto& array : found)
            if (array->GetName() == name)
                return array;
    if (found.empty() && isBremenAsiName(file))
        if (auto z = root->OpenMDArray("z"); z && z->GetDimensionCount() == 2)
            return z;
    return found.empty() ? nullptr : found.front();
}

// The concentration's quality flags: an ancillary variable whose
// standard_name is status_flag (CF; NSIDC's qa_of_cdr_seaice_conc) or whose
// name says so (OSI SAF's status_flag), else a variable named status_flag.
std::string statusFlag(const std::shared_ptr<GDALGroup>& root, const std::shared_ptr<GDALMDArray>& concentration)
{
    std::istringstream ancillary(text(concentration, "ancillary_variables"));
    for (std::string name; ancillary >> name;)
        if (const auto array = root->OpenMDArray(name);
            array && (text(array, "standard_name") == "status_flag" || name.find("status_flag") != std::string::npos))
            return name;
    return root->OpenMDArray("status_flag") ? "status_flag" : "";
}

double productTime(const std::shared_ptr<GDALGroup>& root, const std::string& file)
{
    if (const auto time = root->OpenMDArray("time"); time && time->GetDimensionCount() == 1) {
        const auto units = parseCfTimeUnits(text(time, "units"));
        const auto values = readPhysical(root, "time", file).values;
        if (units && !values.empty() && std::isfinite(values.front()))
            return units->toUtc(values.front());
    }
    for (const char* name : {"time_coverage_start", "start_date", "start_time"}) {
        std::string value = text(root, name);
        std::replace(value.begin(), value.end(), ' ', 'T');
        if (const auto t = parseUtc(value))
            return *t;
    }
    return 0.0;
}

std::string subdataset(const std::string& file, const std::string& variable)
{
    return "NETCDF:\"" + file + "\":" + variable;
}

// The coordinates of one axis of a 2-D variable in metres, from its
// dimension's indexing variable; empty unless they are regularly spaced.
std::vector<double> regularAxis(const std::shared_ptr<GDALDimension>& dimension, const std::string& file)
{
    const auto coordinates = dimension->GetIndexingVariable();
    if (!coordinates || coordinates->GetDimensionCount() != 1)
        return {};
    std::vector<double> values(static_cast<std::size_t>(dimension->GetSize()));
    const GUInt64 start = 0;
    const size_t count = values.size();
    if (values.size() < 2 || !coordinates->Read(&start, &count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), values.data()))
        return {};
    const double toMetres = text(coordinates, "units") == "km" ? 1000.0 : 1.0;
    const double step = values[1] - values[0];
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] *= toMetres;
        if (std::abs((values[i] / toMetres - values[0] / toMetres) - step * static_cast<double>(i)) > 1e-6 * std::abs(step) * values.size())
            throw SceneError(file, "the " + dimension->GetName() + " coordinates of its concentration are not regularly spaced");
    }
    return values;
}

// A (y, x) variable GDAL's raster view does not place, as Bremen's GMT grids
// (coordinate variables named x and y with neither standard_name nor axis):
// its raw values in a north-up in-memory dataset placed by its own regularly
// spaced coordinates and the CRS GDAL read from its grid mapping, with its
// fill, scale and offset. Null when the coordinates do not place it.
DatasetPtr placedByItsCoordinates(const std::string& file, const std::string& variable, const OGRSpatialReference& crs)
{
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    const auto array = ds ? ds->GetRootGroup()->OpenMDArray(variable) : nullptr;
    if (!array || array->GetDimensionCount() != 2)
        return nullptr;
    const auto& dims = array->GetDimensions();
    const std::vector<double> y = regularAxis(dims[0], file);
    const std::vector<double> x = regularAxis(dims[1], file);
    if (x.empty() || y.empty())
        return nullptr;
    const int width = static_cast<int>(x.size());
    const int rows = static_cast<int>(y.size());
    std::vector<double> raw(x.size() * y.size());
    const GUInt64 start[2] = {0, 0};
    const size_t count[2] = {y.size(), x.size()};
    if (!array->Read(start, count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), raw.data()))
        throw SceneError(file, withGdalReason("cannot read its " + variable + " variable"));
    const bool ascending = y.back() > y.front(); // row 0 the southernmost: turned north up
    const double dx = x[1] - x[0];
    const double dy = std::abs(y[1] - y[0]);
    const double transform[6] = {x.front() - 0.5 * dx, dx, 0.0, std::max(y.front(), y.back()) + 0.5 * dy, 0.0, -dy};
    DatasetPtr placed(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", width, rows, 1, GDT_Float64, nullptr));
    placed->SetGeoTransform(const_cast<double*>(transform));
    placed->SetSpatialRef(&crs);
    GDALRasterBand* band = placed->GetRasterBand(1);
    for (int r = 0; r < rows; ++r)
        if (band->RasterIO(GF_Write, 0, r, width, 1, raw.data() + static_cast<std::size_t>(ascending ? rows - 1 - r : r) * width, width, 1,
                           GDT_Float64, 0, 0)
            != CE_None)
            throw SceneError(file, withGdalReason("cannot hold its " + variable + " in memory"));
    bool has = false;
    if (const double fill = array->GetNoDataValueAsDouble(&has); has)
        band->SetNoDataValue(fill);
    if (const double scale = array->GetScale(&has); has)
        band->SetScale(scale);
    if (const double offset = array->GetOffset(&has); has)
        band->SetOffset(offset);
    return placed;
}

// One band of a netCDF variable as physical values on its grid, in memory;
// `keep(raw, physical)` turns each value into what is stored (NaN for no data).
template <typename Keep>
GDALDataset* readOnGrid(const std::string& file, const std::string& variable, Keep keep)
{
    DatasetPtr source = openDataset(subdataset(file, variable));
    if (!source)
        throw SceneError(file, withGdalReason("GDAL's netCDF driver does not open its " + variable + " variable"));
    double transform[6];
    if (source->GetGeoTransform(transform) != CE_None && source->GetSpatialRef())
        if (DatasetPtr placed = placedByItsCoordinates(file, variable, *source->GetSpatialRef()))
            source = std::move(placed);
    if (source->GetGeoTransform(transform) != CE_None || !source->GetSpatialRef())
        throw SceneError(file, "its " + variable + " grid has no georeferencing GDAL reads (projected x, y and a grid mapping)");
    const int width = source->GetRasterXSize();
    const int rows = source->GetRasterYSize();
    GDALRasterBand* band = source->GetRasterBand(1);
    int hasFill = 0;
    const double fill = band->GetNoDataValue(&hasFill);
    int hasScale = 0;
    int hasOffset = 0;
    const double scale = band->GetScale(&hasScale);
    const double offset = band->GetOffset(&hasOffset);
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    DatasetPtr out(memory->Create("", width, rows, 1, GDT_Float32, nullptr));
    out->SetGeoTransform(transform);
    out->SetSpatialRef(source->GetSpatialRef());
    out->GetRasterBand(1)->SetNoDataValue(NAN);
    std::vector<double> values(width);
    std::vector<float> kept(width);
    long long valid = 0;
    for (int r = 0; r < rows; ++r) {
        if (band->RasterIO(GF_Read, 0, r, width, 1, values.data(), width, 1, GDT_Float64, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot read its " + variable + " variable"));
        for (int c = 0; c < width; ++c) {
            const bool filled = !std::isfinite(values[c]) || (hasFill && values[c] == fill);
            kept[c] = filled ? NAN : keep(values[c], values[c] * (hasScale ? scale : 1.0) + (hasOffset ? offset : 0.0));
            valid += std::isfinite(kept[c]);
        }
        if (out->GetRasterBand(1)->RasterIO(GF_Write, 0, r, width, 1, kept.data(), width, 1, GDT_Float32, 0, 0) != CE_None)
            throw SceneError(file, withGdalReason("cannot hold its " + variable + " in memory"));
    }
    if (valid == 0)
        throw SceneError(file, "no valid " + variable + " value: every cell is fill, land or a flag");
    return out.release();
}
} // namespace

ConcentrationGridInfo describeConcentrationGrid(const std::string& file)
{
    GdalSession::ensure();
    ConcentrationGridInfo info;
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    const auto root = ds ? ds->GetRootGroup() : nullptr;
    const auto variable = root ? concentrationVariable(root, file) : nullptr;
    if (!variable)
        return info;
    info.variable = variable->GetName();
    const std::string mapping = text(variable, "grid_mapping");
    if (mapping.empty())
        throw SceneError(file, "its sea-ice concentration '" + info.variable + "' names no grid mapping: cannot place it on a map");
    const auto mappingVariable = root->OpenMDArray(mapping);
    if (!mappingVariable)
        throw SceneError(file, "its grid mapping '" + mapping + "' is not a variable of the file: cannot place the concentration");
    const std::string projection = text(mappingVariable, "grid_mapping_name");
    if (std::find(std::begin(kCfGridMappings), std::end(kCfGridMappings), projection) == std::end(kCfGridMappings))
        throw SceneError(file, "its grid mapping '" + mapping + "' is '" + projection + "', not a CF grid mapping: cannot place the concentration");
    const bool bremenAsi = text(variable, "standard_name") != "sea_ice_area_fraction"; // found by isBremenAsiName
    std::string units = bremenAsi && text(variable, "units").empty() ? "%" : text(variable, "units");
    std::transform(units.begin(), units.end(), units.begin(), [](unsigned char c) { return std::tolower(c); });
    if (units == "%" || units == "percent")
        info.fraction = false;
    else if (units == "1" || units == "fraction" || units == "0-1")
        info.fraction = true;
    else
        throw SceneError(file, "the units of its sea-ice concentration '" + info.variable + "' are '" + units
                                   + "': neither percent ('%') nor a fraction ('1')");
    info.qualityVariable = statusFlag(root, variable);
    if (const auto flags = variable->GetAttribute("flag_values"))
        info.flags = flags->ReadAsDoubleArray();
    if (const auto range = variable->GetAttribute("valid_range"); range && range->ReadAsDoubleArray().size() == 2) {
        info.validMin = range->ReadAsDoubleArray()[0];
        info.validMax = range->ReadAsDoubleArray()[1];
    }
    if (const auto low = variable->GetAttribute("valid_min"))
        info.validMin = low->ReadAsDouble();
    if (const auto high = variable->GetAttribute("valid_max"))
        info.validMax = high->ReadAsDouble();
    info.time = productTime(root, file);
    if (info.time == 0.0 && bremenAsi)
        info.time = bremenAsiDay(file);
    for (const char* name : {"institution", "source", "title"})
        if (info.source = text(root, name); !info.source.empty())
            break;
    if (info.source.empty())
        info.source = bremenAsi ? "University of Bremen ASI" : "sea-ice concentration";
    info.recognised = true;
    return info;
}

GDALDataset* openConcentrationGrid(const std::string& file)
{
    const ConcentrationGridInfo info = describeConcentrationGrid(file);
    if (!info.recognised)
        throw SceneError(file, "has no variable whose standard_name is sea_ice_area_fraction: not a sea-ice concentration grid");
    const double toPercent = info.fraction ? 100.0 : 1.0;
    // Land, lakes and the pole hole are declared flags or lie outside the
    // valid range (raw values, as CF says); anything else beyond 100 % is a
    // unit or scale the file misstates.
    double worst = 0.0;
    DatasetPtr grid(readOnGrid(file, info.variable, [&](double raw, double v) {
        if (raw < info.validMin || raw > info.validMax || std::find(info.flags.begin(), info.flags.end(), raw) != info.flags.end())
            return NAN;
        const double percent = v * toPercent;
        worst = std::max(worst, percent);
        return percent >= 0.0 ? static_cast<float>(std::min(percent, 100.0)) : NAN;
    }));
    if (worst > 100.5) {
        char value[32];
        std::snprintf(value, sizeof value, "%.2f", worst);
        throw SceneError(file, "its sea-ice concentration '" + info.variable + "' reaches " + value
                                   + " %, beyond 100 % and neither a declared flag nor outside its valid range: wrong units or scale factor?");
    }
    return grid.release();
}

GDALDataset* openConcentrationQuality(const std::string& file)
{
    const ConcentrationGridInfo info = describeConcentrationGrid(file);
    if (info.qualityVariable.empty())
        throw SceneError(file, "has no status flag beside its sea-ice concentration");
    return readOnGrid(file, info.qualityVariable, [](double, double v) { return static_cast<float>(v); });
}

} // namespace banquise::scene
