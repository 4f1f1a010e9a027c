#include "scene/SensorProfile.h"

#include "scene/SceneError.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>

#include <cstdlib>

namespace banquise::scene {

namespace {
VariableSpec variable(const CPLJSONObject& root, const char* key, const std::string& file)
{
    const CPLJSONObject node = root.GetObj(key);
    if (!node.IsValid() || node.GetString("variable", "").empty())
        throw SceneError(file, std::string("sensor profile has no ") + key + ".variable");
    return {node.GetString("variable", ""), node.GetString("type", "float64"), node.GetDouble("scale", 1.0),
            node.GetString("units", "")};
}
} // namespace

std::string assetsDirectory()
{
    if (const char* overridden = std::getenv("BANQUISE_ASSETS_DIR"); overridden && *overridden)
        return overridden;
    return BANQUISE_ASSETS_DIR;
}

AltimeterProfile loadAltimeterProfile(const std::string& name)
{
    const std::string file = assetsDirectory() + "/sensors/" + name + ".json";
    CPLJSONDocument document;
    if (!document.Load(file))
        throw SceneError(file, "cannot read sensor profile");
    const CPLJSONObject root = document.GetRoot();
    AltimeterProfile p;
    p.sensor = root.GetString("sensor", name);
    p.product = root.GetString("product", "");
    p.dimension = root.GetString("dimension", "");
    if (p.dimension.empty())
        throw SceneError(file, "sensor profile has no dimension");
    p.time = variable(root, "time", file);
    const auto epoch = parseUtc(root.GetObj("time").GetString("epoch", ""));
    if (!epoch)
        throw SceneError(file, "sensor profile time.epoch is not ISO-8601 UTC");
    p.timeEpoch = *epoch;
    p.taiMinusUtc = root.GetObj("time").GetDouble("tai_minus_utc_s", 0.0);
    p.latitude = variable(root, "latitude", file);
    p.longitude = variable(root, "longitude", file);
    p.value = variable(root, "value", file);
    p.surfaceType = variable(root, "surface_type", file);
    const CPLJSONObject surface = root.GetObj("surface_type");
    p.oceanCode = surface.GetInteger("ocean", 1);
    p.floeCode = surface.GetInteger("floe", 2);
    p.leadCode = surface.GetInteger("lead", 3);
    p.flagMeanings = surface.GetString("flag_meanings", "");
    p.surfaceCodesAreBits = surface.GetString("codes", "values") == "bits";
    const CPLJSONObject quality = root.GetObj("quality");
    if (quality.IsValid()) {
        p.qualityVariable = quality.GetString("variable", "");
        p.qualityRejectBits = quality.GetInteger("reject_bits", 0);
    }
    p.footprintAlongM = root.GetObj("footprint_m").GetDouble("along", 0.0);
    p.footprintAcrossM = root.GetObj("footprint_m").GetDouble("across", 0.0);
    p.recordSpacingM = root.GetDouble("record_spacing_m", 0.0);
    p.freeboardNoiseM = root.GetDouble("freeboard_noise_m", 0.0);
    if (p.footprintAlongM <= 0.0 || p.footprintAcrossM <= 0.0 || p.recordSpacingM <= 0.0)
        throw SceneError(file, "sensor profile footprint and record spacing must be positive");
    return p;
}

} // namespace banquise::scene
