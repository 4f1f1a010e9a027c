#pragma once

#include "models/Hydrostatic.h"

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::models {

struct Prediction;

struct ThicknessMap {
    cv::Mat1f thickness; // metres
    cv::Mat1f sigma;     // metres: elevation MC spread and the density and snow uncertainties
};

// Hydrostatic thickness of a prediction's elevation; snow only on floes.
ThicknessMap thicknessMap(const Prediction& prediction, const HydrostaticParameters& parameters = {});

// Writes every map of a prediction as GeoTIFF on the grid into `folder`:
// class.tif (UInt8, 255 no data), probability, entropy, despeckled_hh_db,
// and with elevation: freeboard, freeboard_std, thickness, thickness_std.
// Returns the paths written. Throws SceneError naming a file it cannot write.
std::vector<std::string> writePredictionRasters(const Prediction& prediction, const scene::AnalysisGrid& grid, double time,
                                                const std::string& folder, const HydrostaticParameters& parameters = {});

} // namespace banquise::models
