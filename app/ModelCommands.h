#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// The provenance file `predict` writes beside its maps.
constexpr const char* kPredictionProvenance = "prediction.json";

// banquise-cli train SCENE --out MODEL [--steps N] [--crop PX] [--batch N] [--seed S] [--checkpoint PATH]
int trainCommand(const Arguments& args);
// banquise-cli predict SCENE --model MODEL --out DIR [--tile PX] [--mc N] [--torchscript yes]
int predictCommand(const Arguments& args);
// banquise-cli export MODEL --out FILE.ts: the model as TorchScript with its sidecar
int exportCommand(const Arguments& args);

} // namespace banquise::app
