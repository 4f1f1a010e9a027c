#pragma once

#include "app/CliOptions.h"

namespace banquise::app {

// banquise-cli al-simulate SCENE --out DIR [--protocol objects,pixels,tiles|all]
//     [--strategy random|entropy|margin|bald|all] [--seeds N] [--model MODEL | --steps N] [--seed S]
//     [--pixel-tile PX] [--pixel-held-out N] [--initial-pixels N] [--pixels-per-round N] [--max-pixels N]
//     [--rounds R] [--clicks-per-tile K] [--tiles-per-round T] [--tile PX] [--held-out N] [--fine-tune-steps N]
// The labelling protocols on a scene with truth, from a start model (given,
// or the default training on the scene's weak labels): clicks per object
// (RITM / FocalClick: NoC@85/90 per class beside a paint control and the
// local-correction ceiling; object_clicks.csv, .png), pixels the model asks
// for (PixelPick: each strategy beside random and the dense-label bound;
// pixel_al.csv, .png) and, with "tiles", DIAL's tile rounds with a
// simulated annotator (al.csv, .png).
int activeLearningSimulationCommand(const Arguments& args);

} // namespace banquise::app
