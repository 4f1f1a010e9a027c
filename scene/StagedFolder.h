#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace banquise::scene {

// Writes a folder whole or not at all: write() fills a sibling staging
// folder, which then replaces the target. A target that exists and for which
// replaceable() is false is refused (SceneError) before anything is written;
// a failure in write() removes the staging folder and rethrows.
void writeFolderWhole(const std::string& target, const std::function<bool(const std::filesystem::path&)>& replaceable,
                      const std::function<void(const std::filesystem::path& staging)>& write);

} // namespace banquise::scene
