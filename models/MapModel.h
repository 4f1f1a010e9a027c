#pragma once

#include "models/Prediction.h"

#include <memory>
#include <string>
#include <vector>

namespace banquise::scene {
class Feedback;
}

namespace banquise::models {

struct ModelInputs;

// What every model that maps a scene offers, whatever its format:
// Banquise's own network (SeaIceModel) or a TorchScript one
// (TorchScriptModel). Code that only predicts holds a MapModel and does not
// branch on the format; training, clicks and tile descriptions need a
// SeaIceModel.
class MapModel {
public:
    virtual ~MapModel() = default;

    // The input channels it reads, in order (sigma0_primary_db,
    // sigma0_secondary_db, freeboard_prior_m, click_floe, …).
    virtual std::vector<std::string> inputChannels() const = 0;
    // Its outputs (despeckled_primary_db, class_logits, freeboard_m).
    virtual std::vector<std::string> outputs() const = 0;
    // Whether it maps freeboard (an elevation head that was trained).
    virtual bool hasElevation() const = 0;
    // The whole grid's maps, tiled (MC-dropout samples where it has them).
    virtual Prediction predict(const ModelInputs& inputs, const PredictionOptions& options = {},
                               scene::Feedback* feedback = nullptr) const = 0;
    // The same maps handed over band by band (grids of any size).
    virtual void predictRows(const ModelInputs& inputs, const PredictionOptions& options, const PredictionRowsSink& sink,
                             scene::Feedback* feedback = nullptr) const = 0;
};

// Whether a model file is TorchScript: its name ends in .ts.
bool isTorchScriptPath(const std::string& path);

// A model file of either format: TorchScript when `torchScript` or the name
// ends in .ts (with its sidecar), else a Banquise model. Throws
// std::runtime_error naming the file and the reason.
std::shared_ptr<MapModel> loadMapModel(const std::string& path, bool torchScript = false);

} // namespace banquise::models
