#pragma once

#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"

#include <string>

namespace banquise::tests {

// Training short enough for a test, seeded.
inline models::TrainingOptions quickTraining(int steps, int cropSize = 128)
{
    models::TrainingOptions o;
    o.steps = steps;
    o.cropSize = cropSize;
    o.batchSize = 4;
    o.seed = 5;
    return o;
}

// Writes a small synthetic scene (seed 11) of a regime into `folder` and
// gathers the models' inputs from it, with the compute device set up.
inline models::ModelInputs syntheticInputs(const std::string& folder, double sizeKm, const std::string& regime = "winter_pack")
{
    models::configureComputeDevice();
    scene::synthetic::SynthOptions o;
    o.seed = 11;
    o.sizeKm = sizeKm;
    o.regime = regime;
    scene::synthetic::writeSyntheticScene(o, folder);
    return models::gatherModelInputs(scene::readScene(folder).scene);
}

} // namespace banquise::tests
