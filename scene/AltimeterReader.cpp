#include "scene/AltimeterReader.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"

#include <gdal_priv.h>

#include <cmath>
#include <memory>

namespace banquise::scene {

std::vector<TrackRecord> readAltimeterRecords(const std::string& file, const AltimeterProfile& profile, const AnalysisGrid& grid)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        throw SceneError(file, std::string("cannot open as netCDF (") + GdalSession::lastError() + ")");
    auto root = ds->GetRootGroup();
    const PhysicalArray time = readPhysical(root, profile.time.name, file);
    const PhysicalArray lat = readPhysical(root, profile.latitude.name, file);
    const PhysicalArray lon = readPhysical(root, profile.longitude.name, file);
    const PhysicalArray value = readPhysical(root, profile.value.name, file);
    const PhysicalArray surface = readPhysical(root, profile.surfaceType.name, file);
    const PhysicalArray quality =
        profile.qualityVariable.empty() ? PhysicalArray{} : readPhysical(root, profile.qualityVariable, file);
    const std::size_t n = time.values.size();
    for (const PhysicalArray* a : {&lat, &lon, &value, &surface})
        if (a->values.size() != n)
            throw SceneError(file, "variables of the " + profile.sensor + " records differ in length");

    std::vector<TrackRecord> records;
    const MapExtent extent = grid.extent();
    bool anyPosition = false;
    std::size_t rejected = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(lat.values[i]) || !std::isfinite(lon.values[i]) || !std::isfinite(value.values[i]))
            continue;
        anyPosition = true;
        if (!quality.values.empty()
            && (!std::isfinite(quality.values[i]) || (static_cast<long>(quality.values[i]) & profile.qualityRejectBits) != 0)) {
            ++rejected;
            continue;
        }
        TrackRecord r;
        r.lonLat = {lon.values[i], lat.values[i]};
        r.position = grid.fromLonLat(r.lonLat);
        if (!extent.contains(r.position))
            continue;
        r.time = profile.timeEpoch + time.values[i] - profile.taiMinusUtc;
        r.value = static_cast<float>(value.values[i]);
        r.sigma = static_cast<float>(profile.freeboardNoiseM); // products carry no per-record sigma
        const int code = std::isfinite(surface.values[i]) ? static_cast<int>(surface.values[i]) : -1;
        auto is = [&](int wanted) { return profile.surfaceCodesAreBits ? code >= 0 && (code & wanted) != 0 : code == wanted; };
        r.surface = is(profile.leadCode)    ? SurfaceType::Lead
                    : is(profile.floeCode)  ? SurfaceType::Floe
                    : is(profile.oceanCode) ? SurfaceType::Ocean
                                            : SurfaceType::Unknown;
        records.push_back(r);
    }
    if (!anyPosition)
        throw SceneError(file, "every " + profile.sensor + " record is fill (no position or no " + profile.value.name + ")");
    if (records.empty() && rejected > 0)
        throw SceneError(file, "every " + profile.sensor + " record with a value is flagged unusable by " + profile.qualityVariable + " ("
                                   + std::to_string(rejected) + " records)");
    if (records.empty())
        throw SceneError(file, "no " + profile.sensor + " record falls on the analysis grid");
    return records;
}

} // namespace banquise::scene
