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
// A class's surface-type code, or its list of codes ("lead": [2, 3, 4, 5]).
std::vector<int> codes(const CPLJSONObject& surface, const char* key, int fallback)
{
    const CPLJSONObject node = surface.GetObj(key);
    if (!node.IsValid())
        return {fallback};
    if (node.GetType() != CPLJSONObject::Type::Array)
        return {node.ToInteger()};
    std::vector<int> out;
    for (const CPLJSONObject& code : node.ToArray())
        out.push_back(code.ToInteger());
    return out;
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
    const std::string groupPattern = root.GetString("beam_group", "{beam}");
    for (const CPLJSONObject& beam : root.GetArray("beams")) {
        const std::string name = beam.ToString();
        std::string group = groupPattern;
        if (const auto at = group.find("{beam}"); at != std::string::npos)
            group.replace(at, 6, name);
        p.beams.push_back(name);
        p.beamGroups.push_back("/" + group);
    }
    p.time = variable(root, "time", file);
    const auto epoch = parseUtc(root.GetObj("time").GetString("epoch", ""));
    if (!epoch)
        throw SceneError(file, "sensor profile time.epoch is not ISO-8601 UTC");
    p.timeEpoch = *epoch;
    p.taiMinusUtc = root.GetObj("time").GetDouble("tai_minus_utc_s", 0.0);
    p.latitude = variable(root, "latitude", file);
    p.longitude = variable(root, "longitude", file);
    p.value = variable(root, "value", file);
    p.valueQuantity = root.GetObj("value").GetString("quantity", "freeboard");
    p.freeboardFromLeadsKm = root.GetDouble("freeboard_from_leads_km", 0.0);
    if (root.GetObj("uncertainty").IsValid())
        p.uncertainty = variable(root, "uncertainty", file);
    p.surfaceType = variable(root, "surface_type", file);
    const CPLJSONObject surface = root.GetObj("surface_type");
    p.oceanCodes = codes(surface, "ocean", 1);
    p.floeCodes = codes(surface, "floe", 2);
    p.leadCodes = codes(surface, "lead", 3);
    p.flagMeanings = surface.GetString("flag_meanings", "");
    p.surfaceCodesAreBits = surface.GetString("codes", "values") == "bits";
    const CPLJSONObject quality = root.GetObj("quality");
    if (quality.IsValid()) {
        p.qualityVariable = quality.GetString("variable", "");
        p.qualityRejectBits = quality.GetInteger("reject_bits", 0);
        for (const CPLJSONObject& value : quality.GetArray("good_values"))
            p.qualityGoodValues.push_back(value.ToInteger());
    }
    p.footprintAlongM = root.GetObj("footprint_m").GetDouble("along", 0.0);
    p.footprintAcrossM = root.GetObj("footprint_m").GetDouble("across", 0.0);
    p.recordSpacingM = root.GetDouble("record_spacing_m", 0.0);
    p.freeboardNoiseM = root.GetDouble("freeboard_noise_m", 0.0);
    if (p.footprintAlongM <= 0.0 || p.footprintAcrossM <= 0.0 || p.recordSpacingM <= 0.0)
        throw SceneError(file, "sensor profile footprint and record spacing must be positive");
    return p;
}

std::string variablePath(const AltimeterProfile& profile, std::size_t beam, const std::string& variable)
{
    return profile.beamGroups.empty() ? variable : profile.beamGroups.at(beam) + "/" + variable;
}

} // namespace banquise::scene
