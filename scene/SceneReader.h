#pragma once

#include "scene/Scene.h"

#include <functional>
#include <string>
#include <vector>

namespace banquise::scene {

class Feedback;

struct LoadedScene {
    Scene scene;
    // One message per layer that could not be loaded ("file: reason"); the
    // other layers are in the scene.
    std::vector<std::string> skippedLayers;
};

// Reads a scene folder (or its scene.json): the manifest gives the analysis
// grid and the layers; rasters in another geometry or CRS are warped onto the
// grid with GDAL (Sentinel-1 SAFE products calibrated first, SWOT swaths
// gridded from their geolocation arrays), tracks (CSV, or altimeter netCDF
// read through a sensor profile) are projected to grid coordinates.
// Throws SceneError when the path is not a scene; a bad layer is skipped and
// reported. With feedback: progress per layer, and a cancel checked between
// layers (SceneError "loading cancelled"). Runs on any thread.
// `wanted` (when given) says which layers to read by their kind and
// quantity; the others are not read at all (a job that needs a few layers of
// a large scene).
using LayerFilter = std::function<bool(LayerKind kind, Quantity quantity)>;
LoadedScene readScene(const std::string& path, Feedback* feedback = nullptr, const LayerFilter& wanted = {});

// The scene's name, grid and reference time from its manifest, no layer read.
Scene readSceneHeader(const std::string& path);

} // namespace banquise::scene
