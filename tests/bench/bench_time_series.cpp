// Time-series benchmark (issue 23): a 60 km scene of 8 SAR dates over 10
// days, every altimeter passing again on each date. A model is trained (the
// default training) on the first 1, 2, 4 and 8 dates: the altimeter records
// of those dates, brought to the reference time by the drift (the pair's
// with two dates, the chain's beyond, footprints widened by its
// uncertainty), and beyond two dates the SAR of up to four dates, fused by
// the network (models/SarLooks.h). Its freeboard RMSE against the
// reference-time truth is reported beside kriging of the same records, and
// its segmentation and despeckling beside the one-date model's, and the
// ceiling of classes plus kriging of the same records (FreeboardOracle.h).
//   bench_time_series OUT_DIR [STEPS [DATES...]]   (dates: 1 2 4 8 unless given)
#include "BenchReport.h"
#include "FreeboardOracle.h"
#include "../common/SeriesScene.h"

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

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_time_series OUT_DIR [STEPS [DATES...]]\n");
        return 2;
    }
    const std::string folder = argv[1];
    models::configureComputeDevice();
    const scene::synthetic::SynthOptions synth = tests::tenDaySeries();
    scene::synthetic::writeSyntheticScene(synth, folder);
    const scene::LoadedScene loaded = scene::readScene(folder);
    std::vector<double> sarTimes;
    for (const auto& date : scene::sarDates(loaded.scene))
        sarTimes.push_back(date->info().time);
    const auto truth = scene::synthetic::readSyntheticTruth(folder);
    models::TrainingOptions options;
    if (argc > 2 && std::atoi(argv[2]) > 0)
        options.steps = std::atoi(argv[2]);
    std::vector<int> dateCounts{1, 2, 4, 8};
    if (argc > 3)
        dateCounts.assign(argc - 3, 0);
    for (int i = 3; i < argc; ++i)
        dateCounts[static_cast<std::size_t>(i - 3)] = std::clamp(std::atoi(argv[i]), 1, synth.sarDates);
    for (const int dates : dateCounts) {
        const models::ModelInputs inputs = models::gatherModelInputs(tests::firstDates(loaded.scene, sarTimes, dates));
        models::SeaIceModel model(models::ModelConfig{}, options.seed);
        model.train(inputs, options);
        const models::Evaluation e = models::evaluate(inputs, model.predict(inputs, {}), truth);
        const std::string suffix = "dates_" + std::to_string(dates);
        bench::report(("altimeter_records_" + suffix).c_str(), static_cast<double>(inputs.records.size()));
        bench::report(("elev_rmse_" + suffix + "_m").c_str(), e.elevation.rmse);
        bench::report(("elev_rmse_" + suffix + "_kriging_m").c_str(), e.elevationKriging.rmse);
        bench::report(("elev_rmse_" + suffix + "_regkriging_m").c_str(), e.elevationRegressionKriging.rmse);
        bench::report(("elev_rmse_" + suffix + "_oracle_m").c_str(), bench::oracleFreeboardRmse(inputs, folder));
        bench::report(("elev_rmse_" + suffix + "_oracle_sar_m").c_str(), bench::oracleFreeboardWithSarRmse(inputs, folder));
        bench::report(("sar_dates_read_" + suffix).c_str(), 1.0 + static_cast<double>(inputs.looks.size()));
        bench::report(("seg_miou_" + suffix).c_str(), e.segmentation.meanIou);
        bench::report(("despeckle_psnr_" + suffix + "_db").c_str(), e.despecklePsnrDb);
        for (const auto& note : inputs.notes)
            std::fprintf(stderr, "%d dates: %s\n", dates, note.c_str());
    }
    return 0;
}
