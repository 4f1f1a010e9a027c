#include "scene/synthetic/WorldParameters.h"

#include "scene/SceneError.h"
#include "scene/SensorProfile.h"

#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <set>

namespace banquise::scene::synthetic {

namespace fs = std::filesystem;

namespace {
struct NumberKey {
    const char* key;
    double WorldParameters::*field;
    double low;
    double high;
};

constexpr NumberKey kNumbers[] = {
    {"lead_area_fraction", &WorldParameters::leadAreaFraction, 0.001, 0.6},
    {"lead_width_exponent", &WorldParameters::leadWidthExponent, 1.01, 3.0},
    {"lead_min_width_m", &WorldParameters::leadMinWidthM, 1.0, 100.0},
    {"lead_max_width_m", &WorldParameters::leadMaxWidthM, 20.0, 10000.0},
    {"open_lead_share", &WorldParameters::openLeadShare, 0.0, 1.0},
    {"wind_roughened_share", &WorldParameters::windRoughenedShare, 0.0, 1.0},
    {"frost_flower_share", &WorldParameters::frostFlowerShare, 0.0, 1.0},
    {"floe_min_size_m", &WorldParameters::floeMinSizeM, 20.0, 20000.0},
    {"floe_freeboard_m", &WorldParameters::floeFreeboardM, 0.02, 2.0},
    {"multiyear_share", &WorldParameters::multiyearShare, 0.0, 1.0},
    {"multiyear_freeboard_m", &WorldParameters::multiyearFreeboardM, 0.02, 2.0},
    {"deformed_share", &WorldParameters::deformedShare, 0.0, 0.9},
};

struct SwitchKey {
    const char* key;
    bool WorldParameters::*field;
};

constexpr SwitchKey kSwitches[] = {
    {"hv_scalloping", &WorldParameters::hvScalloping},
    {"incidence_falloff", &WorldParameters::incidenceFalloff},
};

// Keys that document a file and are not parameters.
const std::set<std::string> kNotes{"description", "sources"};

fs::path regimeFolder()
{
    return fs::path(assetsDirectory()) / "regimes";
}
} // namespace

WorldParameters loadWorldParameters(const std::string& path)
{
    CPLJSONDocument document;
    if (!fs::is_regular_file(path))
        throw SceneError(path, "no such parameter file");
    if (!document.Load(path))
        throw SceneError(path, "is not a JSON parameter file");
    const CPLJSONObject root = document.GetRoot();
    if (root.GetType() != CPLJSONObject::Type::Object)
        throw SceneError(path, "is not a JSON object of parameters");
    std::set<std::string> known(kNotes);
    WorldParameters world;
    world.name = fs::path(path).stem().string();
    for (const NumberKey& number : kNumbers) {
        known.insert(number.key);
        const CPLJSONObject value = root.GetObj(number.key);
        if (!value.IsValid())
            throw SceneError(path, std::string("parameter '") + number.key + "' is missing");
        const auto type = value.GetType();
        if (type != CPLJSONObject::Type::Double && type != CPLJSONObject::Type::Integer && type != CPLJSONObject::Type::Long)
            throw SceneError(path, std::string("parameter '") + number.key + "' is not a number");
        const double v = value.ToDouble();
        if (!std::isfinite(v) || v < number.low || v > number.high)
            throw SceneError(path, std::string("parameter '") + number.key + "' = " + std::to_string(v) + " is out of range ["
                                       + std::to_string(number.low) + ", " + std::to_string(number.high) + "]");
        world.*number.field = v;
    }
    for (const SwitchKey& flag : kSwitches) {
        known.insert(flag.key);
        const CPLJSONObject value = root.GetObj(flag.key);
        if (!value.IsValid())
            throw SceneError(path, std::string("parameter '") + flag.key + "' is missing");
        if (value.GetType() != CPLJSONObject::Type::Boolean)
            throw SceneError(path, std::string("parameter '") + flag.key + "' must be true or false");
        world.*flag.field = value.ToBool();
    }
    for (const CPLJSONObject& child : root.GetChildren())
        if (!known.count(child.GetName()))
            throw SceneError(path, "unknown parameter '" + child.GetName() + "'");
    if (world.leadMaxWidthM <= 2.0 * world.leadMinWidthM)
        throw SceneError(path, "parameter 'lead_max_width_m' must be more than twice 'lead_min_width_m'");
    return world;
}

void saveWorldParameters(const WorldParameters& world, const std::string& path)
{
    CPLJSONObject root;
    root.Add("description", "world of a synthetic scene (" + world.name + ")");
    for (const NumberKey& number : kNumbers)
        root.Add(number.key, world.*number.field);
    for (const SwitchKey& flag : kSwitches)
        root.Add(flag.key, world.*flag.field);
    CPLJSONDocument document;
    document.SetRoot(root);
    if (!document.Save(path))
        throw SceneError(path, "cannot write the world's parameters");
}

std::vector<std::string> regimeNames()
{
    std::vector<std::string> names;
    if (fs::is_directory(regimeFolder()))
        for (const auto& entry : fs::directory_iterator(regimeFolder()))
            if (entry.path().extension() == ".json")
                names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

WorldParameters regimeParameters(const std::string& regime)
{
    const fs::path file = regimeFolder() / (regime + ".json");
    if (!fs::is_regular_file(file)) {
        std::string known;
        for (const std::string& name : regimeNames())
            known += (known.empty() ? "" : ", ") + name;
        throw SceneError("", "unknown regime '" + regime + "' (known: " + known + ")");
    }
    WorldParameters world = loadWorldParameters(file.string());
    world.name = regime;
    return world;
}

} // namespace banquise::scene::synthetic
