#pragma once

#include "scene/Scene.h"

#include <cstdint>
#include <functional>
#include <memory>
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
// Rasters of a grid with more than `pyramidAboveCells` cells (0: never) are
// read as PyramidLayers: their display pyramid is built in the scene's
// cache the first time (a minute for an IW band), and nothing of them is
// held in memory; a scene folder that cannot be written holds them whole.
using LayerFilter = std::function<bool(LayerKind kind, Quantity quantity)>;
LoadedScene readScene(const std::string& path, Feedback* feedback = nullptr, const LayerFilter& wanted = {},
                      std::int64_t pyramidAboveCells = 0);

// What the viewer opens as pyramids: grids over 150 million cells (600 MB
// a float band), such as an IW scene (25 000 x 17 000 at 10 m). An EW
// scene (10 000² at 40 m) is still held whole, so that the window's models
// and labels, which need whole bands, work on it.
constexpr std::int64_t kViewerPyramidCells = 150'000'000;

// A raster file added to an open scene (a prediction's maps): read as a
// manifest's raster entry would be, warped onto `grid` if need be, or
// shown from a display pyramid in the scene folder's cache (beside the
// file when the scene has no folder) when the grid has more than
// `pyramidAboveCells` cells. `valueOffset` is added to every value.
// Throws SceneError naming the file and the reason.
struct AddedMap {
    std::string file;
    LayerInfo info;
    std::string resampling = "bilinear";
    double valueOffset = 0.0;
};
std::shared_ptr<const Layer> readAddedMap(const AddedMap& map, const std::string& sceneFolder, const AnalysisGrid& grid,
                                          std::int64_t pyramidAboveCells = 0, Feedback* feedback = nullptr);

// The scene's name, grid and reference time from its manifest, no layer read.
Scene readSceneHeader(const std::string& path);

} // namespace banquise::scene
