#include "scene/synthetic/SyntheticScene.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/SensorProfile.h"
#include "scene/StagedFolder.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/CellTruth.h"
#include "scene/synthetic/BuoyWriter.h"
#include "scene/synthetic/DriftField.h"
#include "scene/synthetic/FootprintSampling.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/ProductWriters.h"
#include "scene/synthetic/SarSimulator.h"
#include "scene/synthetic/SensorMode.h"
#include "scene/synthetic/Sentinel1SafeWriter.h"
#include "scene/synthetic/Sentinel2Writer.h"

#include <cpl_json.h>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <filesystem>
#include <random>
#include <tuple>

namespace banquise::scene::synthetic {

namespace fs = std::filesystem;

namespace {
constexpr double kAmsrCell = 6250.0;
constexpr double kSwotPixel = 250.0;
constexpr double kSwotNearRange = 10000.0;
constexpr double kSwotFarRange = 60000.0;
constexpr double kAltimeterSpacing = 300.0; // 20 Hz along-track spacing
constexpr double kGroundSpeed = 6800.0;     // m/s

double utc(const std::string& iso)
{
    return *parseUtc(iso);
}

AnalysisGrid analysisGrid(const SynthOptions& o)
{
    const AnalysisGrid probe(3413, 0.0, 0.0, o.pixelSize, 1, 1);
    const MapPoint centre = probe.fromLonLat(o.centre);
    const int n = o.sizePixels();
    const double half = 0.5 * n * o.pixelSize;
    return AnalysisGrid(3413, std::round(centre.x - half), std::round(centre.y + half), o.pixelSize, n, n);
}

MapPoint gridCentre(const AnalysisGrid& grid)
{
    const MapExtent e = grid.extent();
    return {0.5 * (e.xMin + e.xMax), 0.5 * (e.yMin + e.yMax)};
}

// The truth grid: the analysis grid's extent in pixels `factor` times finer.
AnalysisGrid truthGrid(const AnalysisGrid& grid, int factor)
{
    return AnalysisGrid(grid.epsg(), grid.originX(), grid.originY(), grid.pixelSize() / factor, grid.width() * factor,
                        grid.height() * factor);
}

// What the SAR sees of the ice dt seconds after the reference time: its
// surface, appearance and roughness (freeboard left out: it is not needed
// and a truth of 10^8 pixels must stay within its memory budget).
IceTruth surfaceAt(const IceTruth& reference, const DriftField& drift, const AnalysisGrid& truthGrid, double dt)
{
    IceTruth later;
    cv::Mat classes;
    cv::merge(std::vector<cv::Mat>{reference.surface, reference.appearance}, classes);
    std::vector<cv::Mat> advected;
    cv::split(drift.advect(classes, truthGrid, dt, cv::INTER_NEAREST), advected);
    later.surface = advected[0];
    later.appearance = advected[1];
    later.roughness = drift.advect(reference.roughness, truthGrid, dt, cv::INTER_NEAREST);
    return later;
}

// The noise-free sigma0 that the SAR's resolution cell and pixel spacing
// make of the truth, on the analysis grid.
struct SensedSar {
    cv::Mat1f hh;
    cv::Mat1f hv;
};

SensedSar senseSar(const IceTruth& ice, const AnalysisGrid& truthGrid, int factor, const SensorMode& mode, bool falloff)
{
    const std::vector<double> incidence = incidenceAngles(mode, truthGrid.width(), truthGrid.pixelSize());
    SensedSar sensed;
    sensed.hh = senseSigma0(meanSigma0(ice, incidence, Polarisation::HH, falloff), truthGrid.pixelSize(), factor, mode);
    sensed.hv = senseSigma0(meanSigma0(ice, incidence, Polarisation::HV, falloff), truthGrid.pixelSize(), factor, mode);
    return sensed;
}

SarAcquisition acquisitionOf(const SensorMode& mode, double time, int orbit)
{
    SarAcquisition acquisition;
    acquisition.startTime = time;
    acquisition.absoluteOrbit = orbit;
    acquisition.mode = mode.name;
    acquisition.resolution = mode.resolution;
    acquisition.swath = mode.name;
    return acquisition;
}

std::string writeSar(const fs::path& folder, const AnalysisGrid& grid, const SensedSar& mean, double time, int orbit,
                     const SynthOptions& o, const WorldParameters& world, std::mt19937& rng)
{
    const SensorMode& mode = sensorMode(o.mode);
    SarAcquisition acquisition = acquisitionOf(mode, time, orbit);
    acquisition.incidenceDegrees = incidenceAngles(mode, grid.width(), grid.pixelSize());
    const cv::Mat1f floor = noiseFloor(grid.height(), grid.width(), grid.pixelSize(), mode, o.hvNoiseFloorDb, world.hvScalloping);
    std::vector<SarChannel> channels{{"HH", mean.hh.clone(), {}}, {"HV", mean.hv.clone(), {}}};
    applySpeckle(channels[0].sigma0, o.sarLooks, {}, rng);
    applySpeckle(channels[1].sigma0, o.sarLooks, floor, rng);
    return fs::path(writeSentinel1Safe(folder.string(), grid, acquisition, channels)).filename().string();
}

// A single-look complex crop (at most 512 x 512) from the scene centre, for
// self-supervised despeckling: circular complex Gaussian amplitude whose
// squared modulus has the sigma0 mean (exponential intensity, one look).
std::string writeSlcCrop(const fs::path& folder, const AnalysisGrid& grid, const SensedSar& mean, double time, const SynthOptions& o,
                         const WorldParameters& world, std::mt19937& rng)
{
    const SensorMode& mode = sensorMode(o.mode);
    const int size = std::min({512, grid.width(), grid.height()});
    const int left = (grid.width() - size) / 2;
    const int top = (grid.height() - size) / 2;
    const cv::Rect roi(left, top, size, size);
    const AnalysisGrid crop(grid.epsg(), grid.originX() + left * grid.pixelSize(), grid.originY() - top * grid.pixelSize(),
                            grid.pixelSize(), size, size);
    SarAcquisition acquisition = acquisitionOf(mode, time, 53000);
    acquisition.complex = true;
    acquisition.swath = mode.name + "1";
    const std::vector<double> incidence = incidenceAngles(mode, grid.width(), grid.pixelSize());
    acquisition.incidenceDegrees.assign(incidence.begin() + left, incidence.begin() + left + size);
    const cv::Mat1f floor = noiseFloor(grid.height(), grid.width(), grid.pixelSize(), mode, o.hvNoiseFloorDb, world.hvScalloping)(roi);
    std::normal_distribution<float> gaussian(0.0f, 1.0f);
    std::vector<SarChannel> channels;
    for (const auto& [name, sigma0, noisy] : {std::tuple{"HH", &mean.hh, false}, {"HV", &mean.hv, true}}) {
        SarChannel channel{name, {}, cv::Mat2f(size, size)};
        for (int r = 0; r < size; ++r)
            for (int c = 0; c < size; ++c) {
                const float power = (*sigma0)(top + r, left + c) + (noisy ? floor(r, c) : 0.0f);
                const float scale = std::sqrt(power / 2.0f);
                channel.amplitude(r, c) = cv::Vec2f(scale * gaussian(rng), scale * gaussian(rng));
            }
        channels.push_back(std::move(channel));
    }
    return fs::path(writeSentinel1Safe(folder.string(), crop, acquisition, channels)).filename().string();
}

// Concentration of ice (anything but open water) in 6.25 km cells.
cv::Mat1f blockConcentration(const cv::Mat1b& surface, const AnalysisGrid& grid, const AnalysisGrid& cells)
{
    cv::Mat1d iceCount = cv::Mat1d::zeros(cells.height(), cells.width());
    cv::Mat1d total = cv::Mat1d::zeros(cells.height(), cells.width());
    for (int r = 0; r < grid.height(); ++r)
        for (int c = 0; c < grid.width(); ++c) {
            int cc = 0;
            int cr = 0;
            if (!cells.pixelAt(grid.pixelCentre(c, r), cc, cr))
                continue;
            total(cr, cc) += 1.0;
            iceCount(cr, cc) += surface(r, c) == kOpenWater ? 0.0 : 1.0;
        }
    cv::Mat1f percent(cells.height(), cells.width());
    for (int r = 0; r < cells.height(); ++r)
        for (int c = 0; c < cells.width(); ++c)
            percent(r, c) = total(r, c) > 0 ? static_cast<float>(100.0 * iceCount(r, c) / total(r, c)) : std::nanf("");
    return percent;
}

// Heading (degrees off grid north) and across-track offset from the scene
// centre (as a fraction of the scene) of each simulated pass, so that the
// tracks cross the scene on different lines.
struct Pass {
    double headingDegrees;
    double offset;
};

Pass passOf(const std::string& profile)
{
    if (profile.rfind("sentinel3", 0) == 0)
        return {-15.0, -0.22};
    if (profile.rfind("saral", 0) == 0)
        return {55.0, 0.18};
    return {20.0, 0.0};
}

std::vector<AltimeterRecord> altimeterTrack(const IceTruth& ice, const AnalysisGrid& grid, const DriftField& drift, double start,
                                            double referenceTime, const AltimeterProfile& profile, double noiseFactor,
                                            const Pass& pass, std::mt19937& rng)
{
    // A straight pass through the scene centre, one record per along-track
    // spacing; each record is the mean truth over its footprint rectangle,
    // seen where the ice has drifted by the record's time, plus noise.
    const double heading = pass.headingDegrees * M_PI / 180.0;
    const MapPoint along{std::sin(heading), -std::cos(heading)};
    const MapPoint across{-along.y, along.x};
    const double shift = pass.offset * grid.width() * grid.pixelSize();
    const MapPoint centre{gridCentre(grid).x + shift * across.x, gridCentre(grid).y + shift * across.y};
    const double half = 0.75 * grid.width() * grid.pixelSize();
    std::normal_distribution<double> noise(0.0, profile.freeboardNoiseM * noiseFactor);
    std::vector<AltimeterRecord> records;
    for (double s = -half; s <= half; s += profile.recordSpacingM) {
        const MapPoint p{centre.x + s * along.x, centre.y + s * along.y};
        const double t = start + (s + half) / kGroundSpeed;
        double sum = 0.0;
        int count = 0;
        int leads = 0;
        int water = 0;
        const std::vector<MapPoint> samples =
            footprintSamples(p, along, profile.footprintAlongM, profile.footprintAcrossM, grid.pixelSize());
        for (const MapPoint& q : samples) {
            int col = 0;
            int row = 0;
            if (!grid.pixelAt(drift.origin(q, t - referenceTime), col, row))
                continue;
            sum += ice.freeboard(row, col);
            ++count;
            const unsigned char surface = ice.surface(row, col);
            leads += surface == kOpenWater || surface == kRefrozenLead ? 1 : 0;
            water += surface == kOpenWater ? 1 : 0;
        }
        if (count < static_cast<int>(samples.size()))
            continue; // footprint not wholly inside the scene
        AltimeterRecord r;
        r.time = t;
        r.lonLat = grid.toLonLat(p);
        r.freeboard = sum / count + noise(rng);
        // Specular leads dominate the echo even when they fill a minority of the footprint.
        r.surfaceType = water > 0.9 * count ? profile.oceanCodes.front() : leads > 0.3 * count ? profile.leadCodes.front() : profile.floeCodes.front();
        records.push_back(r);
    }
    return records;
}

// Where each product goes, named as its agency names it.
std::string altimeterFile(const std::string& name, double start)
{
    std::string stamp;
    for (char ch : formatUtc(start))
        if (ch != '-' && ch != ':' && ch != 'Z')
            stamp += ch;
    if (name.rfind("sentinel3", 0) == 0)
        return "sentinel3/S3A_SR_2_LAN_SI_" + stamp + "_" + stamp + "_synthetic.SEN3/enhanced_measurement.nc";
    if (name.rfind("saral", 0) == 0)
        return "saral/SRL_GPS_2PfP" + stamp + "_synthetic.nc";
    if (name.find("baseline_e") != std::string::npos)
        return "cryosat2/CS_OFFL_SIR_SAR_2__" + stamp + "_synthetic_E001.nc";
    return "cryosat2/CS_OFFL_SIR_SARI2_" + stamp + "_synthetic_D001.nc";
}

void swotSwath(const IceTruth& ice, const AnalysisGrid& grid, const DriftField& drift, double start, double referenceTime,
               const SynthOptions& o, std::mt19937& rng, SwotSide& left, SwotSide& right)
{
    // Freeboard averaged over 250 m pixels, looked up where each swath
    // pixel's ice was at the reference time.
    const int coarse = std::max(1, static_cast<int>(std::lround(grid.width() * grid.pixelSize() / kSwotPixel)));
    cv::Mat1f averaged;
    cv::resize(ice.freeboard, averaged, cv::Size(coarse, coarse), 0, 0, cv::INTER_AREA);
    const AnalysisGrid coarseGrid(grid.epsg(), grid.originX(), grid.originY(), grid.width() * grid.pixelSize() / coarse, coarse, coarse);

    const MapPoint centre = gridCentre(grid);
    const MapPoint along{std::sin(-12.0 * M_PI / 180.0), std::cos(-12.0 * M_PI / 180.0)};
    const MapPoint across{along.y, -along.x}; // to the right of the flight direction
    const MapPoint nadir{centre.x - 25000.0 * across.x, centre.y - 25000.0 * across.y};
    const double half = 0.75 * grid.width() * grid.pixelSize();
    const int lines = static_cast<int>(2.0 * half / kSwotPixel);
    const int pixels = static_cast<int>((kSwotFarRange - kSwotNearRange) / kSwotPixel);
    std::normal_distribution<float> noise(0.0f, static_cast<float>(o.swotNoiseMetres));
    for (const auto& [side, sign] : {std::pair<SwotSide*, double>{&left, -1.0}, {&right, 1.0}}) {
        side->latitude.create(lines, pixels);
        side->longitude.create(lines, pixels);
        side->height.create(lines, pixels);
        side->crossTrackDistance.create(lines, pixels);
        side->quality.create(lines, pixels);
        side->lineTimes.resize(lines);
        for (int l = 0; l < lines; ++l) {
            const double s = -half + (l + 0.5) * kSwotPixel;
            const double t = start + (s + half) / kGroundSpeed;
            side->lineTimes[l] = t;
            for (int k = 0; k < pixels; ++k) {
                // Pixels count outwards from nadir on the right, inwards on the left, as in the product.
                const double distance = kSwotNearRange + ((sign > 0 ? k : pixels - 1 - k) + 0.5) * kSwotPixel;
                const MapPoint p{nadir.x + s * along.x + sign * distance * across.x, nadir.y + s * along.y + sign * distance * across.y};
                side->crossTrackDistance(l, k) = static_cast<float>(sign * distance);
                const LonLat ll = grid.toLonLat(p);
                side->latitude(l, k) = ll.lat;
                side->longitude(l, k) = ll.lon;
                int col = 0;
                int row = 0;
                if (coarseGrid.pixelAt(drift.origin(p, t - referenceTime), col, row)) {
                    side->height(l, k) = averaged(row, col) + noise(rng);
                    side->quality(l, k) = 0;
                } else {
                    side->height(l, k) = std::nanf("");
                    side->quality(l, k) = 2;
                }
            }
        }
    }
}

CPLJSONObject layerEntry(const char* name, const char* file, const char* sensor, const char* quantity, const char* units,
                         const std::string& time, const char* resampling)
{
    CPLJSONObject entry;
    entry.Add("name", name);
    entry.Add("kind", "raster");
    entry.Add("file", file);
    entry.Add("sensor", sensor);
    entry.Add("quantity", quantity);
    entry.Add("units", units);
    entry.Add("time", time);
    entry.Add("resampling", resampling);
    return entry;
}

void writeManifests(const fs::path& folder, const AnalysisGrid& grid, const SynthOptions& o, const WorldParameters& world,
                    const SynthProducts& products)
{
    saveWorldParameters(world, (folder / "world.json").string());
    CPLJSONObject provenance;
    provenance.Add("generator", "banquise-cli synth");
    provenance.Add("seed", static_cast<GInt64>(o.seed));
    provenance.Add("size_km", o.sizeKm);
    provenance.Add("pixel_size_m", o.pixelSize);
    provenance.Add("mode", o.mode);
    provenance.Add("truth_pixel_size_m", o.pixelSize / o.truthFactor());
    provenance.Add("regime", world.name);
    provenance.Add("world", "world.json"); // the world's parameters, a file `synth --params` reads
    provenance.Add("centre_lon", o.centre.lon);
    provenance.Add("centre_lat", o.centre.lat);
    provenance.Add("buoys", o.buoys);
    provenance.Add("sar_dates", o.sarDates);
    for (const auto& [key, value] : {std::pair{"sar_time", o.sarTime}, {"sar_second_time", o.sarSecondTime},
                                     {"sentinel2_time", o.sentinel2Time},
                                     {"amsr2_time", o.amsrTime}, {"cryosat2_time", o.cryosatTime},
                                     {"sentinel3_time", o.sentinel3Time}, {"saral_time", o.saralTime}, {"swot_time", o.swotTime}})
        provenance.Add(key, value);
    for (const auto& [key, value] : {std::pair{"drift_east_m_per_day", o.driftEastMetresPerDay},
                                     {"drift_north_m_per_day", o.driftNorthMetresPerDay},
                                     {"rotation_deg_per_day", o.rotationDegreesPerDay}, {"divergence_per_day", o.divergencePerDay},
                                     {"sar_looks", o.sarLooks}, {"hv_noise_floor_db", o.hvNoiseFloorDb},
                                     {"amsr2_noise_percent", o.amsrNoisePercent}, {"altimeter_noise_factor", o.altimeterNoiseFactor},
                                     {"swot_noise_m", o.swotNoiseMetres}, {"buoy_gps_noise_m", o.buoyGpsNoiseMetres}})
        provenance.Add(key, value);
    CPLJSONObject files;
    files.Add("sentinel1", products.sar);
    files.Add("sentinel1_second", products.sarSecond);
    CPLJSONArray later;
    for (const std::string& file : products.sarLater)
        later.Add(file);
    files.Add("sentinel1_later", later);
    files.Add("sentinel1_slc", products.sarComplex);
    files.Add("sentinel2", products.sentinel2);
    files.Add("amsr2", products.amsr2);
    CPLJSONArray altimeters;
    for (const std::string& file : products.altimeters)
        altimeters.Add(file);
    files.Add("altimeters", altimeters);
    CPLJSONArray laterAltimeters;
    for (const LaterPass& later : products.laterAltimeters)
        laterAltimeters.Add(later.file);
    files.Add("altimeters_later", laterAltimeters);
    files.Add("swot", products.swot);
    files.Add("buoys", products.buoys);
    provenance.Add("products", files);
    CPLJSONDocument provenanceDocument;
    provenanceDocument.SetRoot(provenance);
    if (!provenanceDocument.Save((folder / "provenance.json").string()))
        throw SceneError((folder / "provenance.json").string(), "cannot write provenance");

    // A Banquise scene over what the scene reader opens today; the SAR is
    // calibrated from its SAFE product and warped from its GCPs.
    CPLJSONObject root = manifest::header("Synthetic scene (seed " + std::to_string(o.seed) + ")", grid, utc(o.sarTime));
    // In the order the 2 x 2 grid shows them: SAR, optical, concentration, SWOT.
    CPLJSONArray layers;
    // A SAR date's layer in one polarisation; later dates named by `suffix`.
    auto sarEntry = [&](const char* pol, const std::string& product, const std::string& time, const std::string& suffix = "") {
        CPLJSONObject sar = layerEntry(("S1 " + std::string(pol) + " sigma0" + suffix).c_str(), (product + "/manifest.safe").c_str(),
                                       "Sentinel-1", "sigma0", "linear", time, "bilinear");
        sar.Add("product", "sentinel1_safe");
        sar.Add("polarisation", pol);
        return sar;
    };
    layers.Add(sarEntry("HH", products.sar, o.sarTime));
    layers.Add(layerEntry("S2 RGB", products.sentinel2.c_str(), "Sentinel-2", "reflectance", "reflectance", o.sentinel2Time, "bilinear"));
    layers.Add(layerEntry("AMSR-2 SIC", products.amsr2.c_str(), "AMSR-2", "sea_ice_concentration", "%", o.amsrTime, "near"));
    CPLJSONObject swot = layerEntry("SWOT freeboard", products.swot.c_str(), "SWOT", "freeboard", "m", o.swotTime, "near");
    swot.Set("kind", "swath");
    swot.Add("product", "swot_l2_lr");
    layers.Add(swot);
    layers.Add(sarEntry("HV", products.sar, o.sarTime));
    for (const char* pol : {"HH", "HV"})
        layers.Add(sarEntry(pol, products.sarSecond, o.sarSecondTime, " (second date)"));
    for (std::size_t k = 0; k < products.sarLater.size(); ++k) {
        const std::string time = formatUtc(utc(o.sarTime) + o.sarDateOffset(static_cast<int>(k) + 2));
        for (const char* pol : {"HH", "HV"})
            layers.Add(sarEntry(pol, products.sarLater[k], time, " " + time.substr(0, 16)));
    }
    layers.Add(layerEntry("Truth freeboard", "truth/freeboard.tif", "truth", "freeboard", "m", o.sarTime, "near"));
    layers.Add(layerEntry("Truth surface class", "truth/surface_class.tif", "truth", "surface_class", "", o.sarTime, "near"));
    for (std::size_t k = 0; k < products.altimeters.size(); ++k) {
        const AltimeterProfile profile = loadAltimeterProfile(o.altimeters[k]);
        CPLJSONObject track = layerEntry((profile.sensor + " freeboard").c_str(), products.altimeters[k].c_str(), profile.sensor.c_str(),
                                         "freeboard", "m", o.altimeterTime(o.altimeters[k]), "near");
        track.Set("kind", "track");
        track.Add("product", "altimeter");
        track.Add("profile", o.altimeters[k]);
        layers.Add(track);
    }
    for (const LaterPass& later : products.laterAltimeters) {
        const AltimeterProfile profile = loadAltimeterProfile(later.profile);
        const std::string time = formatUtc(later.time);
        CPLJSONObject track = layerEntry((profile.sensor + " freeboard " + time.substr(0, 16)).c_str(), later.file.c_str(),
                                         profile.sensor.c_str(), "freeboard", "m", time, "near");
        track.Set("kind", "track");
        track.Add("product", "altimeter");
        track.Add("profile", later.profile);
        layers.Add(track);
    }
    if (!products.buoys.empty()) {
        CPLJSONObject buoys = layerEntry("Buoys", products.buoys.c_str(), "IABP", "drift_speed", "km/day", o.sarTime, "near");
        buoys.Set("kind", "track");
        buoys.Add("product", "buoys");
        layers.Add(buoys);
    }
    root.Add("layers", layers);
    CPLJSONDocument sceneDocument;
    sceneDocument.SetRoot(root);
    if (!sceneDocument.Save((folder / manifest::kFileName).string()))
        throw SceneError((folder / manifest::kFileName).string(), "cannot write scene manifest");
}

SynthProducts writeInto(const SynthOptions& o, const fs::path& folder)
{
    const WorldParameters world = o.worldParameters();
    const SensorMode& mode = sensorMode(o.mode);
    const AnalysisGrid grid = analysisGrid(o);
    const int factor = o.truthFactor();
    const AnalysisGrid fine = truthGrid(grid, factor);
    std::mt19937 rng(o.seed);
    const double reference = utc(o.sarTime);
    IceTruth ice = makeIceTruth(fine.width(), fine.pixelSize(), world, rng);
    const DriftField drift(o, gridCentre(grid));
    SynthProducts products;

    fs::create_directories(folder / "truth");
    {
        const CellTruth cells = cellTruth(ice, fine.pixelSize(), factor, mode);
        writeTruthRaster((folder / "truth/surface_class.tif").string(), grid, cells.majority, reference, {"surface class (majority)"});
        cv::Mat fractions;
        cv::merge(std::vector<cv::Mat>(cells.fraction.begin(), cells.fraction.end()), fractions);
        writeTruthRaster((folder / "truth/class_fraction.tif").string(), grid, fractions, reference,
                         {"open water fraction", "refrozen lead fraction", "floe fraction", "ridge fraction"});
        writeTruthRaster((folder / "truth/freeboard.tif").string(), grid, cells.freeboard, reference, {"freeboard (m)"});
        writeTruthRaster((folder / "truth/roughness.tif").string(), grid, cells.roughness, reference, {"roughness"});
        writeTruthRaster((folder / "truth/lead_width.tif").string(), grid, cells.leadWidth, reference,
                         {"lead width (1 resolvable, 2 narrow, 3 narrow centre line)"});
        cv::Mat traps;
        cv::merge(std::vector<cv::Mat>(cells.trap.begin(), cells.trap.end()), traps);
        writeTruthRaster((folder / "truth/trap_fraction.tif").string(), grid, traps, reference,
                         {"wind-roughened water fraction", "frost flower fraction"});
        writeTruthRaster((folder / "truth/floe_id.tif").string(), grid, cells.floeId, reference, {"floe id (0: lead)"});
        ice.floeId.release(); // 4 bytes a truth pixel, needed no further
    }
    const double secondDt = utc(o.sarSecondTime) - reference;
    writeTruthRaster((folder / "truth/drift_pixels.tif").string(), grid, drift.pixelDisplacement(grid, secondDt), reference,
                     {"displacement x (pixels, right)", "displacement y (pixels, down)"});
    products.truth = {"truth/surface_class.tif", "truth/class_fraction.tif", "truth/freeboard.tif", "truth/roughness.tif",
                      "truth/lead_width.tif", "truth/trap_fraction.tif", "truth/floe_id.tif", "truth/drift_pixels.tif"};

    {
        const SensedSar first = senseSar(ice, fine, factor, mode, world.incidenceFalloff);
        products.sar = writeSar(folder, grid, first, reference, 53000, o, world, rng);
        // The speckle-free HH of the reference date, for despeckling scores.
        writeTruthRaster((folder / "truth/sigma0_hh.tif").string(), grid, first.hh, reference, {"sigma0 HH (linear)"});
        products.truth.push_back("truth/sigma0_hh.tif");
        products.sarComplex = writeSlcCrop(folder, grid, first, reference, o, world, rng);
    }
    {
        const SensedSar second = senseSar(surfaceAt(ice, drift, fine, secondDt), fine, factor, mode, world.incidenceFalloff);
        products.sarSecond = writeSar(folder, grid, second, reference + secondDt, 53014, o, world, rng);
    }

    fs::create_directories(folder / "sentinel2");
    products.sentinel2 = "sentinel2/" + writeSentinel2((folder / "sentinel2").string(), fine, ice, drift, utc(o.sentinel2Time), reference, rng);

    const double amsrTime = utc(o.amsrTime);
    const AnalysisGrid cells(3413, grid.originX(), grid.originY(), kAmsrCell,
                             static_cast<int>(std::ceil(grid.width() * grid.pixelSize() / kAmsrCell)),
                             static_cast<int>(std::ceil(grid.height() * grid.pixelSize() / kAmsrCell)));
    const cv::Mat1f concentration =
        blockConcentration(drift.advect(ice.surface, fine, amsrTime - reference, cv::INTER_NEAREST), fine, cells);
    std::normal_distribution<float> amsrNoise(0.0f, static_cast<float>(o.amsrNoisePercent));
    cv::Mat1b percent(concentration.size());
    for (int r = 0; r < percent.rows; ++r)
        for (int c = 0; c < percent.cols; ++c)
            percent(r, c) = std::isfinite(concentration(r, c))
                ? static_cast<unsigned char>(std::clamp(std::lround(concentration(r, c) + amsrNoise(rng)), 0L, 100L))
                : 255;
    fs::create_directories(folder / "amsr2");
    products.amsr2 = "amsr2/asi-AMSR2-n6250-" + o.amsrTime.substr(0, 4) + o.amsrTime.substr(5, 2) + o.amsrTime.substr(8, 2) + "-v5.4.tif";
    writeAmsr2Concentration((folder / products.amsr2).string(), cells, percent, amsrTime);
    writeTruthRaster((folder / "truth/amsr2_concentration.tif").string(), cells, concentration, amsrTime, {"concentration (%)"});
    products.truth.push_back("truth/amsr2_concentration.tif");

    for (const std::string& name : o.altimeters) {
        const AltimeterProfile profile = loadAltimeterProfile(name);
        if (!profile.beams.empty())
            throw SceneError(name, "the synthetic generator writes single-track altimeter products, not " + profile.sensor + "'s beams");
        const double start = utc(o.altimeterTime(name));
        const std::string file = altimeterFile(name, start);
        fs::create_directories((folder / file).parent_path());
        writeAltimeterTrack((folder / file).string(), profile,
                            altimeterTrack(ice, fine, drift, start, reference, profile, o.altimeterNoiseFactor, passOf(name), rng));
        products.altimeters.push_back(file);
    }

    SwotSide left;
    SwotSide right;
    swotSwath(ice, fine, drift, utc(o.swotTime), reference, o, rng, left, right);
    fs::create_directories(folder / "swot");
    products.swot = "swot/SWOT_L2_LR_SSH_Unsmoothed_synthetic_PIC0_01.nc";
    writeSwotSwath((folder / products.swot).string(), left, right);

    // Dates after the second, each from a stream of its own: the first two
    // dates' products keep the bytes of a two-date scene.
    for (int k = 2; k < o.sarDates; ++k) {
        const double dt = o.sarDateOffset(k);
        std::mt19937 dateRng(o.seed * 40503u + static_cast<unsigned>(k));
        const SensedSar later = senseSar(surfaceAt(ice, drift, fine, dt), fine, factor, mode, world.incidenceFalloff);
        products.sarLater.push_back(writeSar(folder, grid, later, reference + dt, 53000 + 14 * k, o, world, dateRng));
        const std::string truth = "truth/drift_pixels_date" + std::to_string(k) + ".tif";
        writeTruthRaster((folder / truth).string(), grid, drift.pixelDisplacement(grid, dt), reference,
                         {"displacement x (pixels, right)", "displacement y (pixels, down)"});
        products.truth.push_back(truth);
    }

    // In a time series every altimeter passes again on each later SAR date,
    // on another ground track, from a stream of its own.
    for (int k = 1; o.sarDates > 2 && k < o.sarDates; ++k) {
        std::mt19937 passRng(o.seed * 69069u + static_cast<unsigned>(k));
        for (const std::string& name : o.altimeters) {
            const AltimeterProfile profile = loadAltimeterProfile(name);
            const double start = utc(o.altimeterTime(name)) + o.sarDateOffset(k);
            Pass pass = passOf(name);
            pass.headingDegrees += 17.0 * k;
            pass.offset = std::remainder(pass.offset + 0.13 * k, 0.6);
            const auto records = altimeterTrack(ice, fine, drift, start, reference, profile, o.altimeterNoiseFactor, pass, passRng);
            if (records.empty())
                continue; // the pass misses the scene (a small scene, a steep heading): no product
            const std::string file = altimeterFile(name, start);
            fs::create_directories((folder / file).parent_path());
            writeAltimeterTrack((folder / file).string(), profile, records);
            products.laterAltimeters.push_back({name, file, start});
        }
    }

    if (o.buoys > 0) {
        // A stream of their own: the buoys leave every other product's bytes as they were.
        std::mt19937 buoyRng(o.seed * 2654435761u + 1u);
        products.buoys = writeSimulatedBuoys(folder.string(), grid, drift, reference, reference + secondDt, o, buoyRng);
    }

    writeManifests(folder, grid, o, world, products);
    return products;
}
} // namespace

SynthProducts writeSyntheticScene(const SynthOptions& options, const std::string& folder)
{
    options.validate();
    for (const std::string& name : options.altimeters) {
        const AltimeterProfile profile = loadAltimeterProfile(name);
        if (std::max(profile.footprintAlongM, profile.footprintAcrossM) >= options.sizeKm * 1000.0)
            throw SceneError("", "impossible synthetic scene: the " + profile.sensor + " footprint is larger than the scene");
    }
    SynthProducts products;
    writeFolderWhole(
        folder,
        [](const fs::path& existing) {
            return fs::exists(existing / "provenance.json") || fs::exists(existing / manifest::kFileName);
        },
        [&](const fs::path& staging) { products = writeInto(options, staging); });
    return products;
}

} // namespace banquise::scene::synthetic
