#pragma once

#include "scene/Scene.h"

#include <string>

namespace banquise::tests {

// A 200 x 200 scene at 100 m: a grey raster that is 0 on the left half,
// 1 on the right half and NaN in a 60 x 60 block at the top-left, and a
// freeboard track of value 0.5 along row 170. Written to folder and read
// back through the real readers, so tests see what a user would.
scene::Scene writeAndReadTwoLayerScene(const std::string& folder);

constexpr int kTrackRow = 170;

} // namespace banquise::tests
