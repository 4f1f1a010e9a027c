#include "scene/synthetic/ProductWriters.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalSession.h"
#include "scene/GeoTiffFile.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <opencv2/core.hpp>

#include <cmath>
#include <memory>

namespace banquise::scene::synthetic {

namespace {
// Altimetry products count time from 2000-01-01T00:00:00Z.
constexpr double kEpoch2000 = 946684800.0;

std::unique_ptr<GDALDataset> createNetCdf(const std::string& path)
{
    GdalSession::ensure();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("netCDF");
    if (!driver)
        throw SceneError(path, "GDAL has no netCDF driver");
    const char* options[] = {"FORMAT=NC4", nullptr};
    std::unique_ptr<GDALDataset> ds(driver->CreateMultiDimensional(path.c_str(), nullptr, const_cast<char**>(options)));
    if (!ds)
        throw SceneError(path, std::string("cannot create netCDF (") + GdalSession::lastError() + ")");
    return ds;
}

void setText(const std::shared_ptr<GDALIHasAttribute>& owner, const char* name, const std::string& value)
{
    auto attribute = owner->CreateAttribute(name, {}, GDALExtendedDataType::CreateString());
    if (!attribute || !attribute->Write(value.c_str()))
        throw SceneError("", std::string("cannot write netCDF attribute ") + name);
}

void setNumber(const std::shared_ptr<GDALIHasAttribute>& owner, const char* name, double value)
{
    auto attribute = owner->CreateAttribute(name, {}, GDALExtendedDataType::Create(GDT_Float64));
    if (!attribute || !attribute->Write(value))
        throw SceneError("", std::string("cannot write netCDF attribute ") + name);
}

template <class T>
std::shared_ptr<GDALMDArray> writeArray(const std::shared_ptr<GDALGroup>& group, const std::string& path, const char* name,
                                        const std::vector<std::shared_ptr<GDALDimension>>& dims, GDALDataType type,
                                        const T* values, const char* units, const char* longName)
{
    auto array = group->CreateMDArray(name, dims, GDALExtendedDataType::Create(type));
    if (!array)
        throw SceneError(path, std::string("cannot create variable ") + name);
    std::vector<GUInt64> start(dims.size(), 0);
    std::vector<size_t> count;
    for (const auto& d : dims)
        count.push_back(static_cast<size_t>(d->GetSize()));
    if (!array->Write(start.data(), count.data(), nullptr, nullptr, GDALExtendedDataType::Create(type), values))
        throw SceneError(path, std::string("cannot write variable ") + name + " (" + GdalSession::lastError() + ")");
    if (units)
        setText(array, "units", units);
    if (longName)
        setText(array, "long_name", longName);
    return array;
}
GDALDataType storageType(const VariableSpec& spec, const std::string& path)
{
    if (spec.type == "int16")
        return GDT_Int16;
    if (spec.type == "int32")
        return GDT_Int32;
    if (spec.type == "float32")
        return GDT_Float32;
    if (spec.type == "float64")
        return GDT_Float64;
    throw SceneError(path, "unknown storage type '" + spec.type + "' for " + spec.name);
}

// Physical values stored as the product stores them: divided by the scale
// and rounded for integer types, with the scale recorded.
std::shared_ptr<GDALMDArray> writeVariable(const std::shared_ptr<GDALGroup>& group, const std::string& path, const VariableSpec& spec,
                                           const std::vector<std::shared_ptr<GDALDimension>>& dims, const std::vector<double>& values,
                                           const char* units, const char* longName)
{
    const GDALDataType type = storageType(spec, path);
    const bool integer = type == GDT_Int16 || type == GDT_Int32;
    std::vector<double> stored(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        stored[i] = integer ? std::round(values[i] / spec.scale) : values[i] / spec.scale;
    auto array = group->CreateMDArray(spec.name, dims, GDALExtendedDataType::Create(type));
    if (!array)
        throw SceneError(path, "cannot create variable " + spec.name);
    std::vector<GUInt64> start(dims.size(), 0);
    std::vector<size_t> count;
    for (const auto& d : dims)
        count.push_back(static_cast<size_t>(d->GetSize()));
    if (!array->Write(start.data(), count.data(), nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), stored.data()))
        throw SceneError(path, "cannot write variable " + spec.name + " (" + GdalSession::lastError() + ")");
    if (spec.scale != 1.0)
        array->SetScale(spec.scale);
    if (units && *units)
        setText(array, "units", units);
    setText(array, "long_name", longName);
    return array;
}
} // namespace

void writeAmsr2Concentration(const std::string& path, const AnalysisGrid& grid, const cv::Mat1b& percent, double time)
{
    GDALDataset* ds = createGeoTiff(path, grid, 1, GDT_Byte, time);
    ds->SetMetadataItem("TIFFTAG_DATETIME", formatUtc(time).c_str());
    ds->SetMetadataItem("SENSOR", "AMSR-2");
    ds->SetMetadataItem("ALGORITHM", "ASI (synthetic)");
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(255);
    band->SetUnitType("%");
    const CPLErr error = band->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), const_cast<unsigned char*>(percent.ptr()),
                                        grid.width(), grid.height(), GDT_Byte, 0, 0);
    GDALClose(ds);
    if (error != CE_None)
        throw SceneError(path, "cannot write concentration");
}

void writeAltimeterTrack(const std::string& path, const AltimeterProfile& profile, const std::vector<AltimeterRecord>& records)
{
    auto ds = createNetCdf(path);
    auto root = ds->GetRootGroup();
    auto records20 = root->CreateDimension(profile.dimension, "TEMPORAL", "", records.size());
    std::vector<double> time;
    std::vector<double> lat;
    std::vector<double> lon;
    std::vector<double> freeboard;
    std::vector<double> surface;
    for (const AltimeterRecord& r : records) {
        time.push_back(r.time - profile.timeEpoch + profile.taiMinusUtc);
        lat.push_back(r.lonLat.lat);
        lon.push_back(r.lonLat.lon);
        freeboard.push_back(r.freeboard);
        surface.push_back(r.surfaceType);
    }
    const std::string epoch = formatUtc(profile.timeEpoch);
    const std::string timeUnits = "seconds since " + epoch.substr(0, 10) + " " + epoch.substr(11, 8) + ".0";
    auto timeArray = writeVariable(root, path, profile.time, {records20}, time, timeUnits.c_str(), "time");
    setText(timeArray, "comment", profile.taiMinusUtc != 0.0 ? "TAI time" : "UTC time");
    writeVariable(root, path, profile.latitude, {records20}, lat, "degrees_north", "latitude");
    writeVariable(root, path, profile.longitude, {records20}, lon, "degrees_east", "longitude");
    writeVariable(root, path, profile.value, {records20}, freeboard, profile.value.units.c_str(), "sea-ice freeboard");
    auto flag = writeVariable(root, path, profile.surfaceType, {records20}, surface, nullptr, "surface type classification");
    setText(flag, "flag_meanings", profile.flagMeanings);
    // Every simulated record is usable; a status word that also holds the
    // class (CryoSat-2 Baseline E) has no error bit set.
    if (!profile.qualityVariable.empty() && profile.qualityVariable != profile.surfaceType.name)
        writeVariable(root, path, VariableSpec{profile.qualityVariable, "int32", 1.0, ""}, {records20},
                      std::vector<double>(records.size(), 0.0), nullptr, "quality flag");
    setText(root, "mission", profile.sensor + " (synthetic)");
    setText(root, "product_name", profile.product + " (synthetic)");
    if (!records.empty()) {
        setText(root, "first_record_time", formatUtc(records.front().time));
        setText(root, "last_record_time", formatUtc(records.back().time));
    }
}

void writeSwotSwath(const std::string& path, const SwotSide& left, const SwotSide& right)
{
    auto ds = createNetCdf(path);
    auto root = ds->GetRootGroup();
    setText(root, "title", "Level 2 Low Rate Sea Surface Height Data Product - Unsmoothed (synthetic sea-ice freeboard)");
    setText(root, "source", "Ka-band radar interferometer (synthetic)");
    for (const auto& [name, side] : {std::pair<const char*, const SwotSide*>{"left", &left}, {"right", &right}}) {
        auto group = root->CreateGroup(name);
        auto lines = group->CreateDimension("num_lines", "", "", side->height.rows);
        auto pixels = group->CreateDimension("num_pixels", "", "", side->height.cols);
        std::vector<double> times(side->lineTimes.size());
        for (std::size_t i = 0; i < times.size(); ++i)
            times[i] = side->lineTimes[i] - kEpoch2000;
        writeArray(group, path, "time", {lines}, GDT_Float64, times.data(), "seconds since 2000-01-01 00:00:00.0", "time in UTC");
        writeArray(group, path, "latitude", {lines, pixels}, GDT_Float64, side->latitude.ptr<double>(), "degrees_north", "latitude");
        writeArray(group, path, "longitude", {lines, pixels}, GDT_Float64, side->longitude.ptr<double>(), "degrees_east", "longitude");
        writeArray(group, path, "cross_track_distance", {lines, pixels}, GDT_Float32, side->crossTrackDistance.ptr<float>(), "m",
                   "distance of sample from nadir, negative on the left side of the swath");
        auto height = writeArray(group, path, "ssh_karin_2", {lines, pixels}, GDT_Float32, side->height.ptr<float>(), "m",
                                 "sea surface height (here: sea-ice freeboard above the local sea surface)");
        setNumber(height, "_FillValue_meaning_nan", 1.0);
        auto quality = writeArray(group, path, "ssh_karin_2_qual", {lines, pixels}, GDT_Byte, side->quality.ptr(), nullptr,
                                  "quality flag for ssh_karin_2");
        setText(quality, "flag_meanings", "good suspect bad");
    }
}

void writeTruthRaster(const std::string& path, const AnalysisGrid& grid, const cv::Mat& values, double time,
                      const std::vector<std::string>& bandNames)
{
    const int bands = values.channels();
    const GDALDataType type = values.depth() == CV_8U ? GDT_Byte : GDT_Float32;
    GDALDataset* ds = createGeoTiff(path, grid, bands, type, time);
    std::vector<cv::Mat> planes;
    cv::split(values, planes);
    CPLErr error = CE_None;
    for (int b = 0; b < bands && error == CE_None; ++b) {
        cv::Mat plane = type == GDT_Float32 ? cv::Mat() : planes[b];
        if (type == GDT_Float32)
            planes[b].convertTo(plane, CV_32F);
        GDALRasterBand* band = ds->GetRasterBand(b + 1);
        if (b < static_cast<int>(bandNames.size()))
            band->SetDescription(bandNames[b].c_str());
        if (type == GDT_Float32)
            band->SetNoDataValue(std::nan(""));
        error = band->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), plane.ptr(), grid.width(), grid.height(), type, 0, 0);
    }
    GDALClose(ds);
    if (error != CE_None)
        throw SceneError(path, "cannot write raster data");
}

} // namespace banquise::scene::synthetic
