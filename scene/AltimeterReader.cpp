#include "scene/AltimeterReader.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace banquise::scene {

namespace {

// What reading one track (or beam) found besides its records.
struct TrackCounts {
    bool anyPosition = false;
    std::size_t rejected = 0;
    std::size_t withoutSeaSurface = 0; // no lead near enough to make freeboard
};

bool qualityRejects(const AltimeterProfile& profile, double flag)
{
    if (!std::isfinite(flag))
        return true;
    const long long code = static_cast<long long>(flag);
    const auto& good = profile.qualityGoodValues;
    return (code & profile.qualityRejectBits) != 0 || (!good.empty() && std::find(good.begin(), good.end(), code) == good.end());
}

// The usable records of one track, in product order, wherever they lie.
std::vector<TrackRecord> readTrack(const std::shared_ptr<GDALGroup>& root, const std::string& file, const AltimeterProfile& profile,
                                   std::size_t beam, const AnalysisGrid& grid, TrackCounts& counts)
{
    const auto read = [&](const std::string& name) { return readPhysical(root, variablePath(profile, beam, name), file); };
    const PhysicalArray time = read(profile.time.name);
    const PhysicalArray lat = read(profile.latitude.name);
    const PhysicalArray lon = read(profile.longitude.name);
    const PhysicalArray value = read(profile.value.name);
    const PhysicalArray surface = read(profile.surfaceType.name);
    const PhysicalArray quality = profile.qualityVariable.empty() ? PhysicalArray{} : read(profile.qualityVariable);
    const PhysicalArray uncertainty = profile.uncertainty.name.empty() ? PhysicalArray{} : read(profile.uncertainty.name);
    const std::size_t n = time.values.size();
    for (const PhysicalArray* a : {&lat, &lon, &value, &surface})
        if (a->values.size() != n)
            throw SceneError(file, "variables of the " + profile.sensor + " records differ in length");
    if (!uncertainty.values.empty() && uncertainty.values.size() != n)
            throw SceneError(file, "variables of the " + profile.sensor + " records differ in length");

    std::vector<TrackRecord> records;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(lat.values[i]) || !std::isfinite(lon.values[i]) || !std::isfinite(value.values[i]))
            continue;
        counts.anyPosition = true;
        if (!quality.values.empty() && qualityRejects(profile, quality.values[i])) {
            ++counts.rejected;
            continue;
        }
        TrackRecord r;
        r.lonLat = {lon.values[i], lat.values[i]};
        r.position = grid.fromLonLat(r.lonLat);
        r.time = profile.timeEpoch + time.values[i] - profile.taiMinusUtc;
        r.value = static_cast<float>(value.values[i]);
        const bool ownSigma = !uncertainty.values.empty() && std::isfinite(uncertainty.values[i]) && uncertainty.values[i] > 0.0;
        r.sigma = static_cast<float>(ownSigma ? uncertainty.values[i] : profile.freeboardNoiseM);
        r.segment = static_cast<int>(beam);
        // 64 bits: a status word may be unsigned 32-bit (or have bit 31 set).
        const bool known = std::isfinite(surface.values[i]);
        const long long code = known ? static_cast<long long>(surface.values[i]) : 0;
        const auto is = [&](const std::vector<int>& wanted) {
            return known && std::any_of(wanted.begin(), wanted.end(), [&](int w) { return profile.surfaceCodesAreBits ? (code & w) != 0 : code == w; });
        };
        r.surface = is(profile.leadCodes)    ? SurfaceType::Lead
                    : is(profile.floeCodes)  ? SurfaceType::Floe
                    : is(profile.oceanCodes) ? SurfaceType::Ocean
                                             : SurfaceType::Unknown;
        records.push_back(r);
    }
    return records;
}

// Freeboard from heights above a mean sea surface, after ICESat-2's ATL10
// in its simplest form: the local sea surface is the mean height of the
// lead records within half a window along the track; records with no lead
// that near are left out (their sea surface is unknown). Written here, not
// taken from a library: no C++ library implements it.
std::vector<TrackRecord> freeboardFromLeads(const std::vector<TrackRecord>& track, double windowMetres)
{
    std::vector<double> along(track.size(), 0.0);
    for (std::size_t i = 1; i < track.size(); ++i)
        along[i] = along[i - 1] + std::hypot(track[i].position.x - track[i - 1].position.x, track[i].position.y - track[i - 1].position.y);
    std::vector<std::size_t> leads;
    for (std::size_t i = 0; i < track.size(); ++i)
        if (track[i].surface == SurfaceType::Lead)
            leads.push_back(i);
    std::vector<TrackRecord> out;
    std::size_t first = 0; // first lead not behind the window, and the sums over the window
    std::size_t last = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < track.size(); ++i) {
        while (last < leads.size() && along[leads[last]] <= along[i] + 0.5 * windowMetres)
            sum += track[leads[last++]].value;
        while (first < last && along[leads[first]] < along[i] - 0.5 * windowMetres)
            sum -= track[leads[first++]].value;
        if (last == first)
            continue;
        TrackRecord r = track[i];
        r.value = static_cast<float>(r.value - sum / static_cast<double>(last - first));
        out.push_back(r);
    }
    return out;
}

} // namespace

std::vector<TrackRecord> readAltimeterRecords(const std::string& file, const AltimeterProfile& profile, const AnalysisGrid& grid)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        throw SceneError(file, std::string("cannot open as netCDF or HDF5 (") + GdalSession::lastError() + ")");
    auto root = ds->GetRootGroup();
    std::vector<TrackRecord> records;
    TrackCounts counts;
    const MapExtent extent = grid.extent();
    std::size_t beamsRead = 0;
    for (std::size_t beam = 0; beam < std::max<std::size_t>(1, profile.beams.size()); ++beam) {
        // A granule may lack beams, or hold empty ones (no sea ice under them).
        if (!profile.beamGroups.empty() && !root->OpenMDArrayFromFullname(variablePath(profile, beam, profile.time.name)))
            continue;
        ++beamsRead;
        std::vector<TrackRecord> track = readTrack(root, file, profile, beam, grid, counts);
        if (profile.freeboardFromLeadsKm > 0.0) {
            const std::size_t before = track.size();
            track = freeboardFromLeads(track, 1000.0 * profile.freeboardFromLeadsKm);
            counts.withoutSeaSurface += before - track.size();
        }
        for (const TrackRecord& r : track)
            if (extent.contains(r.position))
                records.push_back(r);
    }
    if (beamsRead == 0)
        throw SceneError(file, "has none of the " + profile.sensor + " beam groups (" + profile.beamGroups.front() + ", ...)");
    if (!counts.anyPosition)
        throw SceneError(file, "every " + profile.sensor + " record is fill (no position or no " + profile.value.name + ")");
    if (records.empty() && counts.rejected > 0)
        throw SceneError(file, "every " + profile.sensor + " record with a value is flagged unusable by " + profile.qualityVariable + " ("
                                   + std::to_string(counts.rejected) + " records)");
    if (records.empty() && counts.withoutSeaSurface > 0)
        throw SceneError(file, "no " + profile.sensor + " record on the analysis grid has a lead within "
                                   + std::to_string(static_cast<int>(profile.freeboardFromLeadsKm / 2.0)) + " km along its track to give the sea surface");
    if (records.empty())
        throw SceneError(file, "no " + profile.sensor + " record falls on the analysis grid");
    return records;
}

} // namespace banquise::scene
