#pragma once

// The scene both active-learning benchmarks label: a synthetic scene of
// seed 11 with its truth, and a start model trained on its weak labels
// with the default training (what a user has before labelling; PixelPick
// starts from a pretrained backbone too), saved so that every run starts
// from the same weights.
#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <string>

namespace banquise::bench {

struct LabellingScene {
    models::ModelInputs inputs;
    cv::Mat1b truth; // SeaIceClass per grid pixel
    std::string startModel;
};

inline LabellingScene makeLabellingScene(const std::string& folder, double sizeKm)
{
    models::configureComputeDevice();
    scene::synthetic::SynthOptions synth;
    synth.seed = 11;
    synth.sizeKm = sizeKm;
    scene::synthetic::writeSyntheticScene(synth, folder);
    LabellingScene labelling;
    labelling.inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    labelling.truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(folder).surface);
    models::SeaIceModel start(models::ModelConfig{}, 1);
    start.train(labelling.inputs, models::TrainingOptions{});
    labelling.startModel = folder + "/start-model.pt";
    start.save(labelling.startModel);
    return labelling;
}

} // namespace banquise::bench
