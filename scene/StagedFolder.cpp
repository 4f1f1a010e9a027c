#include "scene/StagedFolder.h"

#include "scene/SceneError.h"

namespace banquise::scene {

namespace fs = std::filesystem;

void writeFolderWhole(const std::string& targetName, const std::function<bool(const fs::path&)>& replaceable,
                      const std::function<void(const fs::path&)>& write)
{
    const fs::path target = fs::absolute(targetName);
    if (fs::exists(target) && !(fs::is_directory(target) && (fs::is_empty(target) || replaceable(target))))
        throw SceneError(target.string(), "exists and is not what Banquise writes there; refusing to replace it");
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    const fs::path staging = target.parent_path() / (target.filename().string() + ".partial");
    fs::remove_all(staging, error);
    if (!fs::create_directory(staging, error))
        throw SceneError(staging.string(), "cannot create folder: " + error.message());
    try {
        write(staging);
    } catch (...) {
        fs::remove_all(staging, error);
        throw;
    }
    fs::remove_all(target, error);
    fs::rename(staging, target, error);
    if (error)
        throw SceneError(target.string(), "cannot move the written folder into place: " + error.message());
}

} // namespace banquise::scene
