// Learned-model benchmark on the demo synthetic scene (100 km, 2500 x 2500
// at 40 m): training time, inference throughput and achieved GFLOP/s beside
// the machine's measured peak, and every accuracy figure of the models
// against the truth beside its baseline (Lee, Otsu, IDW, kriging), all in
// one run.
//   bench_models OUT_DIR [STEPS]
#include "BenchReport.h"

#include "models/ComputeDevice.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_models OUT_DIR [STEPS]\n");
        return 2;
    }
    const std::string folder = argv[1];
    const models::ComputeDevice device = models::configureComputeDevice();
    bench::report("cpu_peak_gflops", models::measurePeakGflops(device));
    scene::synthetic::writeSyntheticScene({}, folder);
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    const auto truth = scene::synthetic::readSyntheticTruth(folder);

    models::TrainingOptions options;
    if (argc > 2)
        options.steps = std::atoi(argv[2]);
    models::SeaIceModel model(models::ModelConfig{}, options.seed);
    const bench::Stopwatch training;
    model.train(inputs, options);
    bench::report("train_s", training.seconds());
    bench::report("train_steps", options.steps);

    const models::PredictionOptions prediction;
    const bench::Stopwatch inference;
    const models::Prediction maps = model.predict(inputs, prediction);
    const double seconds = inference.seconds();
    const double megapixels = inputs.width() * static_cast<double>(inputs.height()) / 1e6;
    // One network gives the classes and the elevation in the same pass.
    bench::report("infer_mpx_per_s_seg", megapixels / seconds);
    bench::report("infer_mpx_per_s_elev", megapixels / seconds);
    bench::report("infer_gflops", model.flopsPerPixel(prediction.monteCarloSamples) * megapixels * 1e6 / seconds / 1e9);
    bench::report("infer_peak_mb", bench::peakResidentMegabytes());

    const models::Evaluation e = models::evaluate(inputs, maps, truth);
    bench::report("despeckle_psnr_db", e.despecklePsnrDb);
    bench::report("despeckle_psnr_lee_db", e.despecklePsnrLeeDb);
    bench::report("seg_miou", e.segmentation.meanIou);
    bench::report("seg_miou_otsu", e.segmentationOtsu.meanIou);
    bench::report("seg_entropy_wrong", e.entropyWrong);
    bench::report("seg_entropy_right", e.entropyRight);
    bench::report("elev_rmse_m", e.elevation.rmse);
    bench::report("elev_rmse_idw_m", e.elevationIdw.rmse);
    bench::report("elev_rmse_kriging_m", e.elevationKriging.rmse);
    return 0;
}
