#include "models/LeaveOneTrackOut.h"

#include "models/ModelInputs.h"

#include <set>
#include <stdexcept>

namespace banquise::models {

LeaveOneTrackOut leaveOneTrackOut(const ModelInputs& inputs, const ModelConfig& config, const TrainingOptions& training,
                                  const PredictionOptions& prediction, const std::function<void(int, const std::string&)>& progress,
                                  scene::Feedback* feedback)
{
    std::set<int> tracks;
    for (const FootprintRecord& r : inputs.records)
        tracks.insert(r.track);
    if (tracks.size() < 2)
        throw std::runtime_error("leave-one-track-out needs at least two altimeter tracks with records on the grid");

    LeaveOneTrackOut out;
    std::vector<float> pooledModel, pooledKriging, pooledRecords;
    for (int track : tracks) {
        const std::string& name = inputs.trackNames.at(track);
        if (progress)
            progress(static_cast<int>(out.tracks.size()), name);
        ModelInputs without = inputs;
        std::vector<FootprintRecord> heldOut;
        without.records.clear();
        for (const FootprintRecord& r : inputs.records)
            (r.track == track ? heldOut : without.records).push_back(r);
        updateFreeboardPrior(without);
        if (without.freeboardPrior.empty())
            throw std::runtime_error("without " + name + " fewer than three altimeter records are left to krige");

        SeaIceModel model(config, training.seed);
        TrainingOptions options = training;
        options.checkpointPath.clear(); // one model per held-out track, none resumed
        model.train(without, options, {}, feedback);
        const Prediction predicted = model.predict(without, prediction, feedback);

        HeldOutTrack result{name, {}, {}};
        const std::vector<float> modelValues = footprintMeans(predicted.elevation, heldOut);
        const std::vector<float> krigingValues = footprintMeans(without.freeboardPrior, heldOut);
        std::vector<float> recordValues;
        for (const FootprintRecord& r : heldOut)
            recordValues.push_back(r.value);
        result.model = scoreRegression(modelValues, recordValues);
        result.kriging = scoreRegression(krigingValues, recordValues);
        out.tracks.push_back(result);
        pooledModel.insert(pooledModel.end(), modelValues.begin(), modelValues.end());
        pooledKriging.insert(pooledKriging.end(), krigingValues.begin(), krigingValues.end());
        pooledRecords.insert(pooledRecords.end(), recordValues.begin(), recordValues.end());
    }
    out.model = scoreRegression(pooledModel, pooledRecords);
    out.kriging = scoreRegression(pooledKriging, pooledRecords);
    return out;
}

} // namespace banquise::models
