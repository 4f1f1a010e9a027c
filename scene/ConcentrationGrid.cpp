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

std::shared_ptr<GDALMDArray> concentrationVariable(const std::shared_ptr<GDALGroup>& root)
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

// One band of a netCDF variable as physical values on its grid, in memory;
// `keep(raw, physical)` turns each value into what is stored (NaN for no data).
template <typename Keep>
GDALDataset* readOnGrid(const std::string& file, const std::string& variable, Keep keep)
{
    DatasetPtr source = openDataset(subdataset(file, variable));
    if (!source)
        throw SceneError(file, withGdalReason("GDAL's netCDF driver does not open its " + variable + " variable"));
    double transform[6];
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
    const auto variable = root ? concentrationVariable(root) : nullptr;
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
    std::string units = text(variable, "units");
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
    for (const char* name : {"institution", "source", "title"})
        if (info.source = text(root, name); !info.source.empty())
            break;
    if (info.source.empty())
        info.source = "sea-ice concentration";
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
