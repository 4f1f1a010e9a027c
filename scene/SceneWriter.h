#pragma once

#include <string>

namespace banquise::scene {

class Scene;

// Writes a scene folder that readScene() opens: scene.json, one GeoTIFF per
// raster or swath (in the layer's own grid: Float32, deflate, NaN no-data,
// acquisition time in the metadata) and one CSV per track. The folder is
// written beside the target and renamed into place, so a failure leaves no
// half-written scene. An existing scene at the target is replaced.
// Throws SceneError naming the file and the reason.
void writeScene(const Scene& scene, const std::string& folder);

} // namespace banquise::scene
