#pragma once

#include "scene/AnalysisGrid.h"

#include <opencv2/core/mat.hpp>

#include <string>
#include <utility>
#include <vector>

namespace banquise::models {
struct ModelInputs;
struct Prediction;
} // namespace banquise::models
namespace banquise::scene {
class Scene;
}

namespace banquise::app {

// What a comparison reads, named by the user (banquise-cli compare, the GUI).
struct ComparisonRequest {
    // freeboard.tif of a prediction, or the folder `predict` wrote (its
    // class.tif gives the per-class rows).
    std::string prediction;
    // SWOT L2 LR netCDF, or a raster (band 1 height, band 2 cross-track distance).
    std::string swot;
    // Optional scene folder: drift between its SAR dates brings SWOT to the
    // prediction's time; its tracks give the kriging baseline and the
    // leave-one-track-out validation; its truth, when it has one, scores both maps.
    std::string scene;
};

// Both maps and what goes beside them, on the prediction's grid.
struct ComparisonSources {
    scene::AnalysisGrid grid;
    double time = 0.0;           // the prediction's
    cv::Mat1f estimate;          // metres
    cv::Mat1b classes;           // SeaIceClass; empty without class.tif
    cv::Mat1f swot;              // metres, drift-compensated when a scene was given
    cv::Mat1f crossTrackDistance; // metres, signed; empty when the product lacks it
    cv::Mat1f kriging;           // ordinary kriging of the scene's tracks; empty without scene
    cv::Mat1f truth;             // synthetic scenes only
    // (what, value) lines of the report's provenance section.
    std::vector<std::pair<std::string, std::string>> provenance;
    std::vector<std::string> notes; // degraded modes taken, in words
};

// Reads and aligns the maps. Throws SceneError naming the file and the
// reason (missing, unreadable, every SWOT pixel flagged, no overlap, a
// scene on another grid); `inputs` (optional) receives the scene's model
// inputs for the leave-one-track-out validation.
ComparisonSources loadComparisonSources(const ComparisonRequest& request, models::ModelInputs* inputs = nullptr);

// The same from what the main window holds: the model's last prediction and
// its inputs (the kriging baseline), the scene's SWOT swath (its
// drift-compensated twin when there is one, else compensated here when the
// scene has two SAR dates) and, with `sceneFolder`, the synthetic truth.
// Throws SceneError when the scene has no SWOT swath or it misses the
// prediction, std::runtime_error when the prediction has no elevation.
ComparisonSources comparisonSourcesOf(const scene::Scene& scene, const models::ModelInputs& inputs, const models::Prediction& prediction,
                                      const std::string& sceneFolder);

} // namespace banquise::app
