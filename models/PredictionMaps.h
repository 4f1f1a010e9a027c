#pragma once

#include "scene/Layer.h"
#include "scene/SceneReader.h"

#include <string>
#include <vector>

namespace banquise::models {

// One map of a prediction: its GeoTIFF in a prediction folder (what
// PredictionRasterWriter writes) and the layer the window shows it as.
struct PredictionMap {
    const char* file;
    const char* layerName;
    scene::Quantity quantity;
    const char* units;
};

// Every map a prediction may have, classes first.
const std::vector<PredictionMap>& predictionMapTable();
// The entry of a file name ("class.tif"); throws std::logic_error for another.
const PredictionMap& predictionMap(const std::string& file);

// The maps a prediction folder holds (written by `banquise-cli predict` or
// `batch`), to add to the scene they map: the layers a prediction in the
// window makes, with the same names, class codes made labeling's (the
// file's 0 floe becomes 1) and read without interpolation. Throws
// SceneError naming the folder when it holds no class.tif.
std::vector<scene::AddedMap> predictionMaps(const std::string& folder);

} // namespace banquise::models
