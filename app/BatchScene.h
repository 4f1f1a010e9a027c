#pragma once

#include "app/BatchManifest.h"
#include "models/Prediction.h"

#include <functional>
#include <map>
#include <string>

namespace banquise::app {

// How every scene of a batch is run.
struct BatchSettings {
    std::string model;
    bool torchScript = false;
    models::PredictionOptions prediction;
    bool leaveOneTrackOut = false; // retrains per SWOT comparison: hours on a season
    int epsg = 3413;               // grid of scenes made from products
    double pixelSize = 40.0;
};

// outFolder/scenes/NAME: the scene's outputs once it is done.
std::string batchSceneFolder(const std::string& outFolder, const std::string& name);

// Runs one scene: ingest (unless it is a scene folder already), predict,
// compare with every SWOT swath that overlaps. Everything is written into
// outFolder/scenes/NAME.partial, which is renamed to NAME when the scene is
// done, so that a worker killed at any point leaves no half output under
// the scene's name. Writes NAME/report.json (stages, figures, notes) and
// returns the scene's figures. `stage` is told each stage as it starts.
// Throws (SceneError naming the file, and others) when the scene fails.
std::map<std::string, double> runBatchScene(const BatchEntry& entry, const BatchSettings& settings, const std::string& outFolder,
                                            const std::function<void(const std::string&)>& stage);

} // namespace banquise::app
