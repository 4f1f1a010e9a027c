#pragma once

#include "models/MapModel.h"
#include "models/SeaIceModel.h"

#include <memory>
#include <string>
#include <vector>

namespace banquise::models {

struct ModelInputs;

// A segmentation (and optionally elevation) network saved as TorchScript,
// from Python PyTorch (torch.jit.script / trace) or exported by Banquise,
// with a JSON sidecar (`path` + ".json") that states its contract:
//   "format": "banquise-torchscript",
//   "input_channels": names among sigma0_primary_db, sigma0_secondary_db,
//       freeboard_prior_m, click_floe, click_open_lead, click_refrozen_lead,
//       in input order,
//   "normalisation": {name: {"mean": m, "scale": s}} -> (x - m) / s,
//   "outputs": names among despeckled_primary_db, class_logits, freeboard_m,
//       in the order forward() returns them (a tuple, or one tensor),
//   "mc_dropout": true when forward takes a second argument `sample: bool`,
//   "freeboard_trained": false when a freeboard_m output is not to be used.
// class_logits has three channels: floe, open lead, refrozen lead.
class TorchScriptModel : public MapModel {
public:
    // Loads and checks the contract by running the model on a small input:
    // throws std::runtime_error naming the file and what does not match.
    static TorchScriptModel load(const std::string& path);
    ~TorchScriptModel() override;
    TorchScriptModel(TorchScriptModel&&) noexcept;
    TorchScriptModel& operator=(TorchScriptModel&&) noexcept;

    std::vector<std::string> inputChannels() const override;
    std::vector<std::string> outputs() const override;
    bool hasElevation() const override;
    // Tiled like SeaIceModel::predict; without MC dropout the entropy is that
    // of the single prediction and the elevation spread is zero.
    Prediction predict(const ModelInputs& inputs, const PredictionOptions& options = {}, scene::Feedback* feedback = nullptr) const override;
    void predictRows(const ModelInputs& inputs, const PredictionOptions& options, const PredictionRowsSink& sink,
                     scene::Feedback* feedback = nullptr) const override;

    struct Impl;

private:
    explicit TorchScriptModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// Writes a Banquise model as TorchScript with its sidecar, loadable by
// TorchScriptModel::load and by Python's torch.jit.load.
void exportTorchScript(const SeaIceModel& model, const std::string& path);

} // namespace banquise::models
