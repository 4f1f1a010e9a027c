#include "scene/BuoyTracks.h"

#include "scene/CfTimeUnits.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace banquise::scene {

namespace {
double wrapLongitude(double lon)
{
    return std::remainder(lon, 360.0); // -180..180, so that 0..360 files give the same track
}

bool validPosition(double lat, double lon)
{
    return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90.0 && lon >= -180.0 && lon <= 360.0;
}

std::vector<std::string> splitRow(const std::string& line, bool commas)
{
    std::vector<std::string> cells;
    if (commas) {
        std::stringstream in(line);
        for (std::string cell; std::getline(in, cell, ',');)
            cells.push_back(cell);
    } else {
        std::istringstream in(line);
        for (std::string cell; in >> cell;)
            cells.push_back(cell);
    }
    for (auto& cell : cells) {
        cell.erase(0, cell.find_first_not_of(" \t\r\""));
        cell.erase(cell.find_last_not_of(" \t\r\"") + 1);
    }
    return cells;
}

void sortAndDropEmpty(std::vector<BuoyTrack>& tracks)
{
    for (auto& track : tracks)
        std::stable_sort(track.fixes.begin(), track.fixes.end(), [](const BuoyFix& a, const BuoyFix& b) { return a.time < b.time; });
    tracks.erase(std::remove_if(tracks.begin(), tracks.end(), [](const BuoyTrack& t) { return t.fixes.empty(); }), tracks.end());
}

// IABP's missing-value marker.
bool missing(double value)
{
    return !std::isfinite(value) || value <= -998.5;
}

std::vector<BuoyTrack> readIabpTable(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw SceneError(path, "cannot be opened");
    std::string header;
    std::getline(in, header);
    const bool commas = header.find(',') != std::string::npos;
    const auto names = splitRow(header, commas);
    const auto column = [&](std::initializer_list<const char*> candidates) {
        for (const char* name : candidates)
            for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == name)
                    return static_cast<int>(i);
        return -1;
    };
    const int id = column({"BuoyID", "BuoyId", "buoy_id"});
    const int year = column({"Year", "year"});
    const int day = column({"POS_DOY", "DOY", "doy"});
    const int lat = column({"Lat", "lat", "Latitude"});
    const int lon = column({"Lon", "lon", "Longitude"});
    std::string lacking;
    for (const auto& [index, name] : {std::pair{id, "BuoyID"}, std::pair{year, "Year"}, std::pair{day, "POS_DOY or DOY"},
                                      std::pair{lat, "Lat"}, std::pair{lon, "Lon"}})
        if (index < 0)
            lacking += (lacking.empty() ? "" : ", ") + std::string(name);
    if (!lacking.empty())
        throw SceneError(path, "is not an IABP buoy table: no column " + lacking + " in its header");
    const int needed = std::max({id, year, day, lat, lon}) + 1;
    std::map<std::string, std::size_t> trackOf;
    std::vector<BuoyTrack> tracks;
    std::map<int, double> yearStart;
    for (std::string line; std::getline(in, line);) {
        const auto cells = splitRow(line, commas);
        if (static_cast<int>(cells.size()) < needed)
            continue;
        double y = 0.0;
        double d = 0.0;
        double la = 0.0;
        double lo = 0.0;
        try {
            y = std::stod(cells[year]);
            d = std::stod(cells[day]);
            la = std::stod(cells[lat]);
            lo = std::stod(cells[lon]);
        } catch (const std::exception&) {
            continue; // a repeated header or a damaged row
        }
        // A damaged year would overflow the integer below (found by fuzzing).
        const bool plausibleYear = y >= 1900.0 && y < 2200.0;
        if (missing(y) || missing(d) || missing(la) || missing(lo) || !validPosition(la, lo) || d < 1.0 || !plausibleYear)
            continue;
        const int whole = static_cast<int>(y);
        if (!yearStart.count(whole))
            yearStart[whole] = parseUtc(std::to_string(whole) + "-01-01T00:00:00Z").value_or(std::nan(""));
        const double time = yearStart[whole] + (d - 1.0) * 86400.0;
        if (!std::isfinite(time))
            continue;
        auto [it, added] = trackOf.try_emplace(cells[id], tracks.size());
        if (added)
            tracks.push_back({cells[id], path, {}});
        tracks[it->second].fixes.push_back({std::round(time), {wrapLongitude(lo), la}});
    }
    sortAndDropEmpty(tracks);
    if (tracks.empty())
        throw SceneError(path, "has no valid buoy position (every row lacks a time or a position on the globe)");
    return tracks;
}

std::string stringAttribute(const std::shared_ptr<GDALAttribute>& attribute)
{
    const char* value = attribute ? attribute->ReadAsString() : nullptr;
    return value ? value : "";
}

// The variable whose standard_name is `name` (or, failing that, whose name is one of `fallbacks`).
std::shared_ptr<GDALMDArray> variableNamed(const std::shared_ptr<GDALGroup>& root, const std::string& name,
                                           std::initializer_list<const char*> fallbacks)
{
    for (const auto& candidate : root->GetMDArrayNames())
        if (auto array = root->OpenMDArray(candidate); array && stringAttribute(array->GetAttribute("standard_name")) == name)
            return array;
    for (const char* fallback : fallbacks)
        if (auto array = root->OpenMDArray(fallback))
            return array;
    return nullptr;
}

std::vector<std::string> trajectoryIds(const std::shared_ptr<GDALGroup>& root, std::size_t count, const std::string& path)
{
    std::vector<std::string> ids;
    for (const auto& candidate : root->GetMDArrayNames()) {
        auto array = root->OpenMDArray(candidate);
        if (!array || stringAttribute(array->GetAttribute("cf_role")) != "trajectory_id" || array->GetTotalElementsCount() != count)
            continue;
        if (array->GetDataType().GetClass() == GEDTC_STRING) {
            std::vector<char*> values(count, nullptr);
            const GUInt64 start = 0;
            const std::size_t n = count;
            if (array->GetDimensionCount() == 1
                && array->Read(&start, &n, nullptr, nullptr, GDALExtendedDataType::CreateString(), values.data()))
                for (char* v : values) {
                    ids.emplace_back(v ? v : "");
                    CPLFree(v);
                }
        } else {
            for (double v : readPhysical(root, candidate, path).values)
                ids.push_back(std::isfinite(v) ? std::to_string(static_cast<long long>(v)) : "");
        }
        break;
    }
    const std::string stem = std::filesystem::path(path).stem().string();
    ids.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        if (ids[i].empty())
            ids[i] = count == 1 ? stem : stem + "#" + std::to_string(i + 1);
    return ids;
}

// Number of observations of each trajectory of a contiguous ragged array, or empty.
std::vector<std::size_t> raggedRowSizes(const std::shared_ptr<GDALGroup>& root, const std::string& path)
{
    for (const auto& candidate : root->GetMDArrayNames())
        if (auto array = root->OpenMDArray(candidate); array && array->GetAttribute("sample_dimension")) {
            std::vector<std::size_t> sizes;
            for (double v : readPhysical(root, candidate, path).values)
                sizes.push_back(std::isfinite(v) && v > 0 ? static_cast<std::size_t>(v) : 0);
            return sizes;
        }
    return {};
}

std::vector<BuoyTrack> readCfTrajectories(const std::string& path)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(path, GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        throw SceneError(path, withGdalReason("GDAL's netCDF driver does not open it"));
    const auto root = ds->GetRootGroup();
    if (!root)
        throw SceneError(path, "has no netCDF root group");
    const std::string featureType = stringAttribute(root->GetAttribute("featureType"));
    if (featureType.empty() || (featureType != "trajectory" && featureType != "Trajectory"))
        throw SceneError(path, "is not a CF trajectory file (featureType is '" + featureType + "', not 'trajectory')");
    const auto lat = variableNamed(root, "latitude", {"lat", "latitude"});
    const auto lon = variableNamed(root, "longitude", {"lon", "longitude"});
    const auto time = variableNamed(root, "time", {"time"});
    for (const auto& [array, name] : {std::pair{lat, "latitude"}, std::pair{lon, "longitude"}, std::pair{time, "time"}})
        if (!array)
            throw SceneError(path, std::string("has no ") + name + " variable (standard_name '" + name + "'): no geolocation to read");
    const auto units = parseCfTimeUnits(stringAttribute(time->GetAttribute("units")));
    if (!units)
        throw SceneError(path, "time units '" + stringAttribute(time->GetAttribute("units")) + "' are not CF ('<unit> since <date>')");
    const PhysicalArray lats = readPhysical(root, lat->GetFullName(), path);
    const PhysicalArray lons = readPhysical(root, lon->GetFullName(), path);
    const PhysicalArray times = readPhysical(root, time->GetFullName(), path);
    if (lats.values.size() != lons.values.size())
        throw SceneError(path, "latitude and longitude differ in size");
    // Trajectory and observation of every position, by the file's layout.
    std::vector<std::size_t> firstOfTrajectory{0};
    std::size_t trajectories = 1;
    if (lats.shape.size() == 2) {
        trajectories = lats.shape[0];
        for (std::size_t t = 1; t <= trajectories; ++t)
            firstOfTrajectory.push_back(t * lats.shape[1]);
    } else if (const auto sizes = raggedRowSizes(root, path); !sizes.empty()) {
        trajectories = sizes.size();
        for (std::size_t size : sizes)
            firstOfTrajectory.push_back(firstOfTrajectory.back() + size);
        if (firstOfTrajectory.back() > lats.values.size())
            throw SceneError(path, "its row sizes add up to more observations than its coordinates hold");
    } else {
        firstOfTrajectory.push_back(lats.values.size());
    }
    const bool sharedTimes = times.values.size() != lats.values.size(); // orthogonal layout: time(obs)
    if (sharedTimes && (lats.shape.size() != 2 || times.values.size() != lats.shape[1]))
        throw SceneError(path, "its time variable matches neither the positions nor their observation dimension");
    const auto ids = trajectoryIds(root, trajectories, path);
    std::vector<BuoyTrack> tracks;
    for (std::size_t t = 0; t < trajectories; ++t) {
        BuoyTrack track{ids[t], path, {}};
        for (std::size_t i = firstOfTrajectory[t]; i < firstOfTrajectory[t + 1]; ++i) {
            const double when = times.values[sharedTimes ? i - firstOfTrajectory[t] : i];
            if (std::isfinite(when) && validPosition(lats.values[i], lons.values[i]))
                track.fixes.push_back({units->toUtc(when), {wrapLongitude(lons.values[i]), lats.values[i]}});
        }
        tracks.push_back(std::move(track));
    }
    sortAndDropEmpty(tracks);
    if (tracks.empty())
        throw SceneError(path, "has no valid buoy position (no time with a latitude and longitude on the globe)");
    return tracks;
}
} // namespace

std::vector<BuoyTrack> readBuoyTracks(const std::string& path)
{
    if (!std::filesystem::is_regular_file(path))
        throw SceneError(path, "does not exist or is not a file");
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension == ".nc" || extension == ".nc4" || extension == ".cdf" || extension == ".h5")
        return readCfTrajectories(path);
    return readIabpTable(path);
}

std::optional<LonLat> buoyPositionAt(const BuoyTrack& track, double time, double maxGap)
{
    const auto& fixes = track.fixes;
    const auto after = std::lower_bound(fixes.begin(), fixes.end(), time, [](const BuoyFix& f, double t) { return f.time < t; });
    if (after != fixes.end() && after->time == time)
        return after->lonLat;
    if (after == fixes.begin() || after == fixes.end())
        return std::nullopt;
    const BuoyFix& a = *(after - 1);
    const BuoyFix& b = *after;
    if (time - a.time > maxGap || b.time - time > maxGap)
        return std::nullopt;
    const double w = (time - a.time) / (b.time - a.time);
    const double lon = a.lonLat.lon + w * std::remainder(b.lonLat.lon - a.lonLat.lon, 360.0);
    return LonLat{wrapLongitude(lon), a.lonLat.lat + w * (b.lonLat.lat - a.lonLat.lat)};
}

} // namespace banquise::scene
