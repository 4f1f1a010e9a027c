#pragma once

#include "models/Scores.h"
#include "models/SeaIceModel.h"

#include <functional>
#include <string>
#include <vector>

namespace banquise::models {

struct ModelInputs;

// One altimeter track held out: the maps made without it, scored on its
// records only (each map's footprint mean against the record).
struct HeldOutTrack {
    std::string track;
    RegressionScores model;   // retrained from scratch without the track
    RegressionScores kriging; // ordinary kriging of the other tracks
};

struct LeaveOneTrackOut {
    std::vector<HeldOutTrack> tracks;
    // Every held-out record of every track pooled.
    RegressionScores model;
    RegressionScores kriging;
};

// Leave-one-track-out validation: for each track in turn, its records are
// taken out of the inputs, the kriged prior is made again from the others, a
// model is trained from scratch (`config`, `training`) and predicts the
// elevation; both maps are scored on the held-out records. `progress` gets
// the track index and name before each. Throws std::runtime_error when the
// inputs have fewer than two tracks with records or when a track leaves too
// few records to krige; SceneError "training cancelled" through `feedback`.
LeaveOneTrackOut leaveOneTrackOut(const ModelInputs& inputs, const ModelConfig& config, const TrainingOptions& training,
                                  const PredictionOptions& prediction,
                                  const std::function<void(int, const std::string&)>& progress = {},
                                  scene::Feedback* feedback = nullptr);

} // namespace banquise::models
