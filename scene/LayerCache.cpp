#include "scene/LayerCache.h"

#include "scene/AnalysisGrid.h"
#include "scene/GeoTiffFile.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneError.h"

#include <cstdio>
#include <unistd.h> // access
#include <functional>
#include <limits>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
// Size and newest modification time of a file, or of every file of a SAFE
// product when given its manifest.
std::string stamp(const fs::path& source)
{
    std::error_code error;
    std::uintmax_t size = 0;
    // libstdc++'s file clock counts from 2174: times before are negative.
    long long newest = std::numeric_limits<long long>::min();
    auto account = [&](const fs::path& p) {
        size += fs::file_size(p, error);
        newest = std::max<long long>(newest, fs::last_write_time(p, error).time_since_epoch().count());
    };
    if (source.filename() == "manifest.safe") {
        for (const auto& entry : fs::recursive_directory_iterator(source.parent_path(), error))
            if (entry.is_regular_file(error))
                account(entry.path());
    } else {
        account(source);
    }
    return std::to_string(size) + ":" + std::to_string(newest);
}
} // namespace

LayerCache::LayerCache(fs::path sceneFolder) : m_folder(std::move(sceneFolder) / "cache") {}

std::string LayerCache::key(const std::string& manifestEntry, const std::string& sourceFile, const AnalysisGrid& grid) const
{
    char geometry[160];
    std::snprintf(geometry, sizeof geometry, "%d:%.3f:%.3f:%.3f:%d:%d", grid.epsg(), grid.originX(), grid.originY(), grid.pixelSize(),
                  grid.width(), grid.height());
    const fs::path source = fs::absolute(sourceFile).lexically_normal();
    const fs::path within = source.lexically_relative(fs::absolute(m_folder.parent_path()).lexically_normal());
    const bool inside = !within.empty() && *within.begin() != "..";
    const std::size_t hash = std::hash<std::string>{}(manifestEntry + "|" + (inside ? within : source).string() + "|" + stamp(sourceFile)
                                                      + "|" + geometry);
    char hex[32];
    std::snprintf(hex, sizeof hex, "%016zx", hash);
    return hex;
}

fs::path LayerCache::fileFor(const std::string& key) const
{
    return m_folder / (key + ".tif");
}

fs::path LayerCache::pyramidFor(const std::string& key) const
{
    return m_folder / "pyramids" / (key + ".tif");
}

bool LayerCache::writable() const
{
    std::error_code error;
    fs::create_directories(m_folder, error);
    return !error && access(m_folder.c_str(), W_OK) == 0;
}

std::optional<std::vector<std::vector<float>>> LayerCache::load(const std::string& key, const AnalysisGrid& grid) const
{
    const fs::path file = fileFor(key);
    std::error_code error;
    if (!fs::exists(file, error))
        return std::nullopt;
    try {
        return readRasterOnGrid(file.string(), grid, "near");
    } catch (const SceneError&) {
        fs::remove(file, error); // unreadable: rebuild it
        return std::nullopt;
    }
}

bool LayerCache::store(const std::string& key, const AnalysisGrid& grid, const std::vector<std::vector<float>>& bands, double time) const
{
    std::error_code error;
    fs::create_directories(m_folder, error);
    if (error)
        return false;
    const fs::path file = fileFor(key);
    const fs::path partial = fs::path(file.string() + ".partial");
    try {
        writeFloatGeoTiff(partial.string(), grid, bands, time);
    } catch (const SceneError&) {
        fs::remove(partial, error);
        return false;
    }
    fs::rename(partial, file, error);
    return !error;
}

} // namespace banquise::scene
