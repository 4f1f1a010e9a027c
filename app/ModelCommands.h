#pragma once

#include "app/CliOptions.h"
#include "models/Evaluation.h"
#include "models/Prediction.h"

#include <array>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace banquise::app {

// The provenance file `predict` writes beside its maps.
constexpr const char* kPredictionProvenance = "prediction.json";

// One scene mapped by one model into a folder of GeoTIFFs (what `predict`
// and each scene of `batch` run).
struct ScenePredictionRequest {
    std::string scene;
    std::string model; // a Banquise model, or TorchScript (.ts or torchScript)
    std::string out;
    models::PredictionOptions options;
    bool torchScript = false;
    bool evaluate = true; // against the synthetic truth, when the scene has one
};

struct ScenePrediction {
    int width = 0;
    int height = 0;
    double seconds = 0.0; // inference and writing
    // Share of the classified pixels in each SeaIceClass.
    std::array<double, 3> classFractions{};
    double meanFreeboard = std::numeric_limits<double>::quiet_NaN(); // metres; NaN without elevation
    std::vector<std::string> written;
    std::optional<models::Evaluation> evaluation;
};

// Prints the inputs read and the files written (the CLI's log); throws
// SceneError naming what cannot be read or written.
ScenePrediction predictScene(const ScenePredictionRequest& request);

// The evaluation against a synthetic truth, a line per figure.
void printEvaluation(const models::Evaluation& evaluation);

// banquise-cli train SCENE --out MODEL [--steps N] [--crop PX] [--batch N] [--seed S] [--checkpoint PATH]
int trainCommand(const Arguments& args);
// banquise-cli predict SCENE --model MODEL --out DIR [--tile PX] [--mc N] [--torchscript yes]
int predictCommand(const Arguments& args);
// banquise-cli export MODEL --out FILE.ts: the model as TorchScript with its sidecar
int exportCommand(const Arguments& args);

} // namespace banquise::app
