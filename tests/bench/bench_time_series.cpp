// Time-series benchmark (issue 23): a 60 km scene of 8 SAR dates over 10
// days, every altimeter passing again on each date. A model is trained (the
// default training) on the reference date's SAR with the altimeter records
// of the first 1, 2, 4 and 8 dates, brought to the reference time by the
// drift (the pair's with two dates, the chain's beyond, footprints widened
// by its uncertainty); its freeboard RMSE against the reference-time truth
// is reported beside kriging of the same records.
//   bench_time_series OUT_DIR [STEPS]
#include "BenchReport.h"
#include "SeriesScene.h"

#include "models/ComputeDevice.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/DriftChain.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace banquise;

namespace {
// The scene as it would be with its first `dates` dates: SAR of those dates
// (two at least, for the drift), the altimeter passes of those dates, and
// every other layer.
scene::Scene firstDates(const scene::Scene& all, const std::vector<double>& sarTimes, int dates)
{
    const double interval = sarTimes[1] - sarTimes[0];
    const double lastSar = sarTimes[static_cast<std::size_t>(std::max(dates, 2) - 1)];
    const double lastPass = sarTimes[static_cast<std::size_t>(dates - 1)] + 0.5 * interval;
    scene::Scene subset(all.name(), all.grid());
    subset.setReferenceTime(all.referenceTime());
    for (const auto& layer : all.layers()) {
        const bool sar = layer->kind() == scene::LayerKind::Raster && layer->info().quantity == scene::Quantity::Sigma0;
        const bool track = layer->kind() == scene::LayerKind::Track && layer->info().quantity == scene::Quantity::Freeboard;
        if ((sar && layer->info().time > lastSar) || (track && layer->info().time > lastPass))
            continue;
        subset.addLayer(layer);
    }
    return subset;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_time_series OUT_DIR [STEPS]\n");
        return 2;
    }
    const std::string folder = argv[1];
    models::configureComputeDevice();
    const scene::synthetic::SynthOptions synth = bench::tenDaySeries();
    scene::synthetic::writeSyntheticScene(synth, folder);
    const scene::LoadedScene loaded = scene::readScene(folder);
    std::vector<double> sarTimes;
    for (const auto& date : scene::sarDates(loaded.scene))
        sarTimes.push_back(date->info().time);
    const auto truth = scene::synthetic::readSyntheticTruth(folder);
    models::TrainingOptions options;
    if (argc > 2)
        options.steps = std::atoi(argv[2]);
    for (const int dates : {1, 2, 4, 8}) {
        const models::ModelInputs inputs = models::gatherModelInputs(firstDates(loaded.scene, sarTimes, dates));
        models::SeaIceModel model(models::ModelConfig{}, options.seed);
        model.train(inputs, options);
        const models::Evaluation e = models::evaluate(inputs, model.predict(inputs, {}), truth);
        const std::string suffix = "dates_" + std::to_string(dates);
        bench::report(("altimeter_records_" + suffix).c_str(), static_cast<double>(inputs.records.size()));
        bench::report(("elev_rmse_" + suffix + "_m").c_str(), e.elevation.rmse);
        bench::report(("elev_rmse_" + suffix + "_kriging_m").c_str(), e.elevationKriging.rmse);
        for (const auto& note : inputs.notes)
            std::fprintf(stderr, "%d dates: %s\n", dates, note.c_str());
    }
    return 0;
}
