#include "models/PredictionMaps.h"

#include "scene/SceneError.h"

#include <filesystem>
#include <stdexcept>

namespace banquise::models {

const std::vector<PredictionMap>& predictionMapTable()
{
    using scene::Quantity;
    static const std::vector<PredictionMap> maps{
        {"class.tif", "Model classes", Quantity::SeaIceClass, ""},
        {"probability.tif", "Model class probability", Quantity::Other, ""},
        {"entropy.tif", "Model class entropy", Quantity::Other, "nats"},
        {"despeckled_hh_db.tif", "Model despeckled HH", Quantity::Other, "dB"},
        {"freeboard.tif", "Model freeboard", Quantity::Freeboard, "m"},
        {"freeboard_std.tif", "Model freeboard std", Quantity::Other, "m"},
        {"thickness.tif", "Model thickness", Quantity::Other, "m"},
        {"thickness_std.tif", "Model thickness std", Quantity::Other, "m"},
    };
    return maps;
}

const PredictionMap& predictionMap(const std::string& file)
{
    for (const PredictionMap& map : predictionMapTable())
        if (file == map.file)
            return map;
    throw std::logic_error("no prediction map is written as " + file);
}

std::vector<scene::AddedMap> predictionMaps(const std::string& folder)
{
    namespace fs = std::filesystem;
    if (!fs::exists(fs::path(folder) / "class.tif"))
        throw scene::SceneError(folder, "is not a prediction folder (no class.tif; banquise-cli predict and batch write one)");
    std::vector<scene::AddedMap> maps;
    for (const PredictionMap& map : predictionMapTable()) {
        const fs::path file = fs::path(folder) / map.file;
        if (!fs::exists(file))
            continue;
        scene::AddedMap added;
        added.file = file.string();
        added.info.name = map.layerName;
        added.info.sensor = "Banquise model";
        added.info.units = map.units;
        added.info.quantity = map.quantity;
        const bool classes = map.quantity == scene::Quantity::SeaIceClass;
        added.resampling = classes ? "near" : "bilinear";
        added.valueOffset = classes ? 1.0 : 0.0; // 0 floe, 1 open lead, 2 refrozen lead -> labeling's 1, 2, 3
        maps.push_back(std::move(added));
    }
    return maps;
}

} // namespace banquise::models
