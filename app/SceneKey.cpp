#include "app/SceneKey.h"

#include <filesystem>

namespace banquise::app {

std::string sceneFolderOf(const std::string& path)
{
    namespace fs = std::filesystem;
    fs::path folder = fs::absolute(path).lexically_normal();
    if (fs::is_regular_file(folder))
        folder = folder.parent_path();
    std::string key = folder.string();
    while (key.size() > 1 && key.back() == '/')
        key.pop_back();
    return key;
}

} // namespace banquise::app
