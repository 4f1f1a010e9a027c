#pragma once

#include "scene/MapTypes.h"
#include "scene/synthetic/WorldParameters.h"

#include <optional>
#include <string>
#include <vector>

namespace banquise::scene::synthetic {

// Every parameter of a synthetic scene; the provenance file records them all.
struct SynthOptions {
    unsigned seed = 1;
    double sizeKm = 100.0;       // square scene side
    std::string mode = "EW";     // Sentinel-1 acquisition mode (SensorMode.h); useMode() sets the three below
    double pixelSize = 40.0;     // metres, Sentinel-1 EW GRDM pixel spacing: the analysis grid
    double truthPixelSize = 10.0; // the truth is drawn this fine (a whole fraction of the pixel spacing)
    std::string regime = "winter_pack"; // the world, from assets/regimes/
    std::optional<WorldParameters> world; // a world of its own (a parameter file), instead of the regime
    LonLat centre{-140.0, 75.0}; // Beaufort Sea

    // Acquisition times, UTC ISO-8601. The SAR time is the reference.
    std::string sarTime = "2024-03-14T16:05:12Z";
    std::string sarSecondTime = "2024-03-15T15:47:40Z"; // second SAR date, for drift
    // SAR dates in all: the reference, the second, then more at the same
    // interval (a time series: the ice drifts on between them).
    int sarDates = 2;
    std::string sentinel2Time = "2024-03-14T19:30:21Z";
    std::string amsrTime = "2024-03-14T12:00:00Z";
    std::string cryosatTime = "2024-03-14T18:40:03Z";
    std::string sentinel3Time = "2024-03-14T14:22:47Z";
    std::string saralTime = "2024-03-14T17:03:31Z";
    std::string swotTime = "2024-03-14T21:12:55Z";

    // Ice motion about the scene centre (truth of the drift field).
    double driftEastMetresPerDay = 6000.0;
    double driftNorthMetresPerDay = -3500.0;
    double rotationDegreesPerDay = 1.5;
    double divergencePerDay = 0.01; // fractional area change per day

    // Sensor noise.
    double sarLooks = 10.7;             // equivalent number of looks, EW GRDM
    double hvNoiseFloorDb = -25.0;      // NESZ of the cross-polarised channel
    double amsrNoisePercent = 4.0;      // one-sigma concentration noise
    double altimeterNoiseFactor = 1.0; // times each sensor profile's freeboard noise
    double swotNoiseMetres = 0.03;      // one-sigma height noise per pixel

    // Drifting buoys riding the truth drift, reported hourly in an IABP
    // table with GPS noise (one sigma per axis; IABP's GPS fixes are good to
    // about 10 m).
    int buoys = 12;
    double buoyGpsNoiseMetres = 10.0;

    // Altimeters simulated, by sensor profile (assets/sensors/<name>.json).
    std::vector<std::string> altimeters{"cryosat2_sar_l2_baseline_e", "sentinel3_sral_l2_si", "saral_altika_gdr"};

    // Pixel spacing, looks and truth resolution of a Sentinel-1 mode ("ew", "iw").
    void useMode(const std::string& name);
    // The world drawn: `world` when set, else the regime's.
    WorldParameters worldParameters() const;
    // Truth pixels per image pixel along each axis: pixelSize / truthPixelSize,
    // less when the truth grid would pass 10 000 pixels a side (a memory bound).
    int truthFactor() const;

    // Throws SceneError naming the parameter when the options are impossible
    // (footprints are checked against the scene when their profiles load).
    void validate() const;
    // Acquisition time of an altimeter profile's pass.
    const std::string& altimeterTime(const std::string& profile) const;
    // Seconds from the reference SAR date to SAR date k (0 = the reference).
    double sarDateOffset(int k) const;
    int sizePixels() const { return static_cast<int>(sizeKm * 1000.0 / pixelSize + 0.5); }
};

} // namespace banquise::scene::synthetic
