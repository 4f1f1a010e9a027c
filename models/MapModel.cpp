#include "models/MapModel.h"

#include "models/SeaIceModel.h"
#include "models/TorchScriptModel.h"

namespace banquise::models {

bool isTorchScriptPath(const std::string& path)
{
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".ts") == 0;
}

std::shared_ptr<MapModel> loadMapModel(const std::string& path, bool torchScript)
{
    if (torchScript || isTorchScriptPath(path))
        return std::make_shared<TorchScriptModel>(TorchScriptModel::load(path));
    return std::make_shared<SeaIceModel>(SeaIceModel::load(path));
}

} // namespace banquise::models
