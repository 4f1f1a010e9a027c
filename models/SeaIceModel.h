#pragma once

#include "models/MapModel.h"
#include "models/RidgeExcess.h"

#include <opencv2/core/mat.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace banquise::scene {
class Feedback;
}

namespace banquise::models {

struct ModelInputs;

// Shape of the network: a small U-Net whose encoder-decoder features feed
// three heads (despeckled sigma0, floe/lead classes, elevation).
struct ModelConfig {
    int baseChannels = 16;  // channels at full resolution, doubled per level
    double dropout = 0.2;   // before the heads; also drives MC-dropout uncertainty
};

// Weights of the training terms (see detail/Losses.h for each).
struct LossWeights {
    double concentration = 10.0; // cell mean of ice probability = coarse concentration
    double optical = 1.0;        // optical pseudo-labels, times their confidence
    double altimeter = 1.0;      // footprint mean of elevation = record, over its sigma
    double seaLevel = 5.0;       // open leads sit at sea level
    // Self-supervised despeckling likelihood (per look, so its gradients are
    // small beside the class terms): at 1 the despeckler stayed below Lee's
    // filter; at 40 it passes it by ~2 dB on the demo scene and the
    // segmentation and freeboard gain a little (docs/benchmarks.md).
    double speckle = 40.0;
    double entropy = 0.05;       // confident class probabilities
    double correction = 1.0;     // small corrections of the kriged freeboard
    double click = 5.0;          // near a simulated click, its class (DIAL)
    double user = 5.0;           // the user's labels (fine-tuning)
};

struct TrainingOptions {
    int steps = 1200; // ~5 min on the demo scene on 2 cores
    int cropSize = 160;
    int batchSize = 4;
    double learningRate = 2e-3; // at the first step; cosine decay to 5 % at the last
    unsigned seed = 1;
    LossWeights weights;
    // Every `checkpointEvery` steps the model and optimiser state go to
    // `checkpointPath` (when set); training resumes from it when it exists.
    std::string checkpointPath;
    int checkpointEvery = 50;
};

// One step's losses, for progress and loss curves.
struct TrainingProgress {
    int step = 0;
    int steps = 0;
    double total = 0.0;
    double concentration = 0.0;
    double optical = 0.0;
    double altimeter = 0.0;
    double seaLevel = 0.0;
    double speckle = 0.0;
};

// The learned models of Banquise behind one torch-free interface; as a
// MapModel it predicts like any other model, and it alone also trains,
// refines clicks and describes tiles.
class SeaIceModel : public MapModel {
public:
    explicit SeaIceModel(const ModelConfig& config = {}, unsigned seed = 1);
    ~SeaIceModel() override;
    SeaIceModel(SeaIceModel&&) noexcept;
    SeaIceModel& operator=(SeaIceModel&&) noexcept;

    // An independent copy (weights, calibration, ridge excess): fine-tune it
    // while other jobs keep predicting with this one, then swap.
    SeaIceModel copy() const;

    const ModelConfig& config() const;
    std::vector<std::string> inputChannels() const override;
    std::vector<std::string> outputs() const override;
    // False until trained on (or loaded with) altimeter records.
    bool hasElevation() const override;
    // How high pressure ridges stand above the level ice, estimated from the
    // altimeter records when the model is first trained on them (fine-tuning
    // keeps it); predictions raise the ridges they detect by it.
    const RidgeExcess& ridgeExcess() const;

    // Trains on a scene's inputs; calls `progress` after every step, stops at
    // the next step when feedback is cancelled (throws SceneError "training
    // cancelled", the last checkpoint stays). Seeded: same inputs, options
    // and thread count give the same model.
    void train(const ModelInputs& inputs, const TrainingOptions& options,
               const std::function<void(const TrainingProgress&)>& progress = {}, scene::Feedback* feedback = nullptr);

    // Tiled inference over the whole grid, within a memory bound of a strip
    // of tiles plus the outputs.
    Prediction predict(const ModelInputs& inputs, const PredictionOptions& options = {}, scene::Feedback* feedback = nullptr) const override;
    // The same maps handed to `sink` band by band, top to bottom: a grid of
    // any size within the memory of a strip of tiles besides the inputs.
    void predictRows(const ModelInputs& inputs, const PredictionOptions& options, const PredictionRowsSink& sink,
                     scene::Feedback* feedback = nullptr) const override;

    // What the encoder sees in each tile: its bottleneck-side (quarter
    // resolution) features averaged over the tile, for the diversity of
    // active-learning queues.
    std::vector<std::vector<float>> describeTiles(const ModelInputs& inputs, const std::vector<cv::Rect>& tiles) const;

    // Floating-point operations of one prediction per pixel (convolutions,
    // the heads counted `monteCarloSamples` times): for GFLOP/s figures.
    double flopsPerPixel(int monteCarloSamples) const;

    // Weights (`path`) and a JSON sidecar (`path` + ".json") naming the input
    // channels, their normalisation, the outputs and the configuration.
    void save(const std::string& path) const;
    // Throws std::runtime_error naming the file when it is not a Banquise model.
    static SeaIceModel load(const std::string& path);

    struct Impl;

private:
    friend void exportTorchScript(const SeaIceModel& model, const std::string& path);
    friend class InteractiveSegmentation;
    std::unique_ptr<Impl> m_impl;
};

void exportTorchScript(const SeaIceModel& model, const std::string& path); // TorchScriptModel.h

} // namespace banquise::models
