#pragma once

#include "scene/MapTypes.h"

#include <string>

namespace banquise::scene::synthetic {

// Every parameter of a synthetic scene; the provenance file records them all.
struct SynthOptions {
    unsigned seed = 1;
    double sizeKm = 100.0;       // square scene side
    double pixelSize = 40.0;     // metres, Sentinel-1 EW GRDM pixel spacing
    LonLat centre{-140.0, 75.0}; // Beaufort Sea

    // Acquisition times, UTC ISO-8601. The SAR time is the reference.
    std::string sarTime = "2024-03-14T16:05:12Z";
    std::string sarSecondTime = "2024-03-15T15:47:40Z"; // second SAR date, for drift
    std::string sentinel2Time = "2024-03-14T19:30:21Z";
    std::string amsrTime = "2024-03-14T12:00:00Z";
    std::string cryosatTime = "2024-03-14T18:40:03Z";
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
    double altimeterNoiseMetres = 0.10; // one-sigma freeboard noise per record
    double swotNoiseMetres = 0.03;      // one-sigma height noise per pixel
    double cryosatAlongTrackM = 300.0;
    double cryosatAcrossTrackM = 1600.0;

    // Throws SceneError naming the parameter when the options are impossible.
    void validate() const;
    int sizePixels() const { return static_cast<int>(sizeKm * 1000.0 / pixelSize + 0.5); }
};

} // namespace banquise::scene::synthetic
