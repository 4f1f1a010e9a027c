#include "scene/synthetic/SynthOptions.h"

#include "scene/SceneError.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SensorMode.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace banquise::scene::synthetic {

namespace {
void require(bool condition, const std::string& reason)
{
    if (!condition)
        throw SceneError("", "impossible synthetic scene: " + reason);
}

double timeOf(const char* name, const std::string& iso)
{
    const auto t = parseUtc(iso);
    require(t.has_value(), std::string(name) + " '" + iso + "' is not ISO-8601 UTC");
    return *t;
}
} // namespace

void SynthOptions::useMode(const std::string& name)
{
    const SensorMode& m = sensorMode(name);
    mode = m.name;
    pixelSize = m.pixelSpacingM;
    sarLooks = m.looks;
    truthPixelSize = m.truthPixelM;
}

WorldParameters SynthOptions::worldParameters() const
{
    return world ? *world : regimeParameters(regime);
}

int SynthOptions::truthFactor() const
{
    constexpr int kLargestTruthSide = 10000;
    const int wanted = static_cast<int>(std::lround(pixelSize / truthPixelSize));
    return std::max(1, std::min(wanted, kLargestTruthSide / std::max(1, sizePixels())));
}

void SynthOptions::validate() const
{
    sensorMode(mode);
    worldParameters();
    require(sizeKm > 0.0 && std::isfinite(sizeKm), "size must be positive");
    require(pixelSize >= 10.0 && pixelSize <= 1000.0, "pixel size must be 10..1000 m");
    require(truthPixelSize > 0.0 && std::isfinite(truthPixelSize), "truth pixel size must be positive");
    require(pixelSize >= truthPixelSize,
            "the pixel spacing (" + std::to_string(pixelSize) + " m) is finer than the truth (" + std::to_string(truthPixelSize) + " m)");
    const double ratio = pixelSize / truthPixelSize;
    require(std::abs(ratio - std::round(ratio)) < 1e-6,
            "the pixel spacing (" + std::to_string(pixelSize) + " m) is not a whole multiple of the truth pixel ("
                + std::to_string(truthPixelSize) + " m)");
    require(sizePixels() >= 64, "scene must be at least 64 pixels wide");
    require(sizePixels() <= 20000, "scene must be at most 20000 pixels wide");
    require(std::abs(centre.lat) <= 89.0 && centre.lat >= 50.0, "centre latitude must be 50..89 N (Arctic grid)");
    require(sarLooks >= 1.0, "SAR looks must be at least 1");
    require(amsrNoisePercent >= 0.0 && altimeterNoiseFactor >= 0.0 && swotNoiseMetres >= 0.0 && buoyGpsNoiseMetres >= 0.0,
            "noise must not be negative");
    require(buoys >= 0, "the number of buoys must not be negative");
    const double sar = timeOf("SAR time", sarTime);
    const double second = timeOf("second SAR time", sarSecondTime);
    timeOf("Sentinel-2 time", sentinel2Time);
    timeOf("AMSR-2 time", amsrTime);
    timeOf("CryoSat-2 time", cryosatTime);
    timeOf("Sentinel-3 time", sentinel3Time);
    timeOf("SARAL time", saralTime);
    timeOf("SWOT time", swotTime);
    require(second > sar, "second SAR time must come after the SAR time");
    require(second - sar <= 10.0 * 86400.0, "second SAR date must be within 10 days of the first");
    require(sarDates >= 2 && sarDates <= 16, "the SAR dates must be 2 to 16");
    require(sarDateOffset(sarDates - 1) <= 16.0 * 86400.0, "the SAR dates must lie within 16 days");
}

double SynthOptions::sarDateOffset(int k) const
{
    return k * (parseUtc(sarSecondTime).value_or(0.0) - parseUtc(sarTime).value_or(0.0));
}

const std::string& SynthOptions::altimeterTime(const std::string& profile) const
{
    if (profile.rfind("sentinel3", 0) == 0)
        return sentinel3Time;
    if (profile.rfind("saral", 0) == 0)
        return saralTime;
    return cryosatTime;
}

} // namespace banquise::scene::synthetic
