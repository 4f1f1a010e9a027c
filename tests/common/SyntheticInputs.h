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

// Writes a synthetic scene into `folder` and gathers the models' inputs
// from it, with the compute device set up.
inline models::ModelInputs syntheticInputs(const std::string& folder, const scene::synthetic::SynthOptions& options)
{
    models::configureComputeDevice();
    scene::synthetic::writeSyntheticScene(options, folder);
    return models::gatherModelInputs(scene::readScene(folder).scene);
}

// A small winter-pack scene (seed 11).
inline models::ModelInputs syntheticInputs(const std::string& folder, double sizeKm)
{
    scene::synthetic::SynthOptions o;
    o.seed = 11;
    o.sizeKm = sizeKm;
    return syntheticInputs(folder, o);
}

} // namespace banquise::tests
