#pragma once

// Small helpers for the ESA file names inside SAFE products (scene-private).
#include <string>

namespace banquise::scene {

std::string lowerCase(std::string text);

// The first file of `folder` (a folder, or one inside a zip through
// /vsizip/: listed with GDAL's virtual file system) whose lower-case name
// starts with `prefix` and contains `key`; empty when there is none.
std::string safeFileWith(const std::string& folder, const std::string& prefix, const std::string& key);

} // namespace banquise::scene
