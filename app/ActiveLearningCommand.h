#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli al-simulate SCENE --out DIR [--strategy random|entropy|margin|bald|all]
//     [--rounds R] [--clicks-per-tile K] [--tiles-per-round T] [--tile PX] [--fine-tune-steps N]
//     [--model MODEL | --steps N] [--seed S]
// Active learning with a simulated annotator on a scene with truth: the
// click protocol (NoC@85/90, gain after 10 clicks) on a 512² tile, then the
// rounds of each strategy; writes clicks.csv, clicks.png, al.csv, al.png.
int activeLearningSimulationCommand(const Arguments& args);

} // namespace banquise::app
