#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;

// Co-registered rasters kept in the scene's cache/ folder, so that
// reopening a scene skips calibration and warping. An entry is keyed by
// what made it: the layer's manifest entry, the source's size and
// modification time (a SAFE product: all its files), and the grid; a
// changed input is a new key. A scene folder that cannot be written simply
// has no cache. Runs on any thread.
class LayerCache {
public:
    explicit LayerCache(std::filesystem::path sceneFolder);

    // A source inside the scene folder is keyed by its path within it, so
    // that a scene folder moved or renamed (a batch's NAME.partial made
    // NAME) keeps its cache.
    std::string key(const std::string& manifestEntry, const std::string& sourceFile, const AnalysisGrid& grid) const;
    std::optional<std::vector<std::vector<float>>> load(const std::string& key, const AnalysisGrid& grid) const;
    // Best effort: false when the cache cannot be written.
    bool store(const std::string& key, const AnalysisGrid& grid, const std::vector<std::vector<float>>& bands, double time) const;

    // Where an entry's co-registered raster is kept (it may not exist).
    std::filesystem::path fileFor(const std::string& key) const;
    // Where an entry's display pyramid is kept (RasterPyramid).
    std::filesystem::path pyramidFor(const std::string& key) const;
    // Whether entries can be written (the folder exists or was made).
    bool writable() const;

private:
    std::filesystem::path m_folder;
};

} // namespace banquise::scene
