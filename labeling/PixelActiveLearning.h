#pragma once

#include "models/Acquisition.h"
#include "models/SeaIceClasses.h"

#include <opencv2/core/mat.hpp>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace banquise::models {
struct ModelInputs;
}

namespace banquise::labeling {

// Active learning by pixels the model asks for (the PixelPick protocol):
// round 0 labels `initialPixels` random pixels of every tile not held out;
// each later round the model asks `pixelsPerRound` more per tile among its
// most uncertain ones (models::pickPixels), the truth answers those pixels
// only, up to `maxPixels` per tile. Each round fine-tunes the start model
// anew on every label so far, with the same steps (PixelPick retrains each
// round too): a round's score depends on its labels, not on the path of
// fine-tunings before it. Random sampling asks at random with the same
// budget. `dense` is the upper bound instead: every pixel of those tiles
// labelled, one fine-tuning of the same steps.
struct PixelSimulationOptions {
    models::AcquisitionStrategy strategy = models::AcquisitionStrategy::Entropy;
    int initialPixels = 10;
    int pixelsPerRound = 10;
    int maxPixels = 100;
    int tileSize = 64;
    int heldOutTiles = 12;
    int fineTuneSteps = 60;
    int monteCarloSamples = 8;
    unsigned seed = 1;
    bool dense = false;
};

struct PixelRound {
    int round = 0;               // 0: the first labels, at random
    int pixelsPerTile = 0;       // labels asked per tile so far
    long long labelledPixels = 0;
    double labelledShare = 0.0;  // of the scene's pixels
    double heldOutMeanIou = 0.0; // after the round's fine-tuning
    std::array<double, models::kClassCount> heldOutClassIou{}; // per class, the held-out pixels pooled (HeldOutTiles.h)
    double seconds = 0.0;        // the round's queries, fine-tuning and prediction
    std::string note;            // what the run left out, in words (round 0)
};

// `startModel`: the saved model every round starts from. `truth`:
// SeaIceClass per grid pixel.
// Throws SceneError when the truth is on another grid or the scene has no
// tile to label besides the held-out ones. A budget beyond a tile's pixels
// is cut to them, and round 0's note says so.
std::vector<PixelRound> simulatePixelActiveLearning(const std::string& startModel, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                                                    const PixelSimulationOptions& options,
                                                    const std::function<void(const PixelRound&)>& roundDone = {});

} // namespace banquise::labeling
