// Learned-model benchmark on the demo synthetic scene (100 km, 2500 x 2500
// at 40 m): training time, inference throughput and achieved GFLOP/s beside
// the machine's measured peak, and every accuracy figure of the models
// against the truth beside its baseline (Lee, Otsu, IDW, kriging), all in
// one run.
//   bench_models OUT_DIR [STEPS]
#include "BenchReport.h"

#include "labeling/ActiveLearningSimulation.h"
#include "models/ClickProtocol.h"
#include "models/ComputeDevice.h"
#include "models/Evaluation.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/IceTruth.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <algorithm>
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
    const models::PeakGflops peak = models::measurePeakGflops(device);
    bench::report("cpu_peak_gflops", peak.best());
    bench::report("cpu_matmul_gflops", peak.matmul);
    bench::report("cpu_conv_gflops", peak.convolution);
    scene::synthetic::writeSyntheticScene({}, folder);
    const models::ModelInputs inputs = models::gatherModelInputs(scene::readScene(folder).scene);
    const auto truth = scene::synthetic::readSyntheticTruth(folder);

    models::TrainingOptions options;
    if (argc > 2)
        options.steps = std::atoi(argv[2]);
    models::SeaIceModel model(models::ModelConfig{}, options.seed);
    const bench::Stopwatch training;
    model.train(inputs, options);
    const double trainSeconds = training.seconds();
    bench::report("train_s", trainSeconds);
    bench::report("train_steps", options.steps);
    // Training's convolution work: each step's forward pass over its crops and
    // the backward pass, about twice the forward (input and weight gradients).
    // The time includes the class calibration and ridge estimate after the
    // last step (a few seconds), so the rate is a lower bound.
    const double trainFlops = 3.0 * model.flopsPerPixel(1) * options.batchSize * double(options.cropSize) * options.cropSize * options.steps;
    bench::report("train_gflops", trainFlops / trainSeconds / 1e9);
    bench::report("train_fraction_of_peak", trainFlops / trainSeconds / 1e9 / peak.best());
    model.save(folder + "/model.pt"); // bench_large_predict predicts with it

    const models::PredictionOptions prediction;
    const bench::Stopwatch inference;
    const models::Prediction maps = model.predict(inputs, prediction);
    const double seconds = inference.seconds();
    const double megapixels = inputs.width() * static_cast<double>(inputs.height()) / 1e6;
    // One network gives the classes and the elevation in the same pass.
    bench::report("infer_mpx_per_s_seg", megapixels / seconds);
    bench::report("infer_mpx_per_s_elev", megapixels / seconds);
    const double gflops = model.flopsPerPixel(prediction.monteCarloSamples) * megapixels * 1e6 / seconds / 1e9;
    bench::report("infer_gflops", gflops);
    bench::report("infer_fraction_of_peak", gflops / peak.best());
    bench::report("infer_peak_mb", bench::peakResidentMegabytes());
    models::PredictionOptions oneSample;
    oneSample.monteCarloSamples = 1;
    const bench::Stopwatch single;
    model.predict(inputs, oneSample);
    bench::report("infer_mpx_per_s_seg_1", megapixels / single.seconds());

    const models::Evaluation e = models::evaluate(inputs, maps, truth);
    bench::report("despeckle_psnr_db", e.despecklePsnrDb);
    bench::report("despeckle_psnr_lee_db", e.despecklePsnrLeeDb);
    bench::report("despeckle_enl", e.despeckleEnl);
    bench::report("despeckle_enl_lee", e.despeckleEnlLee);
    bench::report("despeckle_enl_input", e.inputEnl);
    bench::report("seg_miou", e.segmentation.meanIou);
    bench::report("seg_miou_otsu", e.segmentationOtsu.meanIou);
    bench::report("seg_entropy_wrong", e.entropyWrong);
    bench::report("seg_entropy_right", e.entropyRight);
    bench::report("elev_rmse_m", e.elevation.rmse);
    bench::report("elev_rmse_idw_m", e.elevationIdw.rmse);
    bench::report("elev_rmse_kriging_m", e.elevationKriging.rmse);
    bench::report("elev_rmse_regkriging_m", e.elevationRegressionKriging.rmse);
    // Where the error is: floes and ridges.
    using scene::synthetic::kFloe;
    using scene::synthetic::kRidge;
    bench::report("elev_rmse_floe_m", e.elevationBySurface.scores[kFloe].rmse);
    bench::report("elev_rmse_kriging_floe_m", e.elevationKrigingBySurface.scores[kFloe].rmse);
    bench::report("elev_rmse_ridge_m", e.elevationBySurface.scores[kRidge].rmse);
    bench::report("elev_rmse_kriging_ridge_m", e.elevationKrigingBySurface.scores[kRidge].rmse);
    bench::report("elev_ridge_share_kriging", e.elevationKrigingBySurface.shareOfSquaredError[kRidge]);
    bench::report("ridge_excess_m", model.ridgeExcess().metres);
    bench::report("ridge_excess_sigma_m", model.ridgeExcess().sigma);
    // The targets, checked once training is over: the figure is the
    // whole training's time, an upper bound on the time to reach them.
    const bool targetsMet = e.despecklePsnrDb > e.despecklePsnrLeeDb && e.segmentation.meanIou > e.segmentationOtsu.meanIou
        && e.elevation.rmse <= 0.7 * std::min(e.elevationIdw.rmse, e.elevationKriging.rmse);
    if (targetsMet)
        bench::report("train_to_target_s", trainSeconds);
    else
        std::fprintf(stderr, "train_to_target_s: not reported, the targets are not all met after %d steps\n", options.steps);

    // DIAL: how long the click head takes to refine the 512 x 512 tile at
    // the scene's centre (clicks per object are bench_object_clicks').
    const cv::Mat1b truthClasses = models::classesFromSurfaceCodes(truth.surface);
    const int side = std::min({512, inputs.width(), inputs.height()});
    const cv::Rect tile((inputs.width() - side) / 2, (inputs.height() - side) / 2, side, side);
    const models::InteractiveSegmentation interactive(model, inputs, tile);
    std::vector<models::Click> clicks;
    std::vector<double> refine;
    cv::Mat1b current = interactive.classes(clicks);
    for (int k = 0; k < 10; ++k) {
        if (const auto click = models::nextCorrectiveClick(current, truthClasses(tile), tile.tl()))
            clicks.push_back(*click);
        const bench::Stopwatch once;
        current = interactive.classes(clicks);
        refine.push_back(1000.0 * once.seconds());
    }
    std::sort(refine.begin(), refine.end());
    bench::report("click_refine_ms", refine[refine.size() / 2]);

    // One active-learning round on the demo scene: queue, clicks, retrain, re-score.
    labeling::SimulationOptions round;
    round.strategy = models::AcquisitionStrategy::Entropy;
    round.rounds = 1;
    round.tileSize = 256;
    const auto rounds = labeling::simulateActiveLearning(model, inputs, truthClasses, round);
    bench::report("al_round_s", rounds.back().seconds);

    // Fine-tuning from new sparse labels (truth strokes every 16th row of the
    // central tile), then the prediction of that 512 x 512 view refreshed:
    // what Retrain does for the region on screen.
    models::ModelInputs labelled = inputs;
    labelled.userLabels = cv::Mat1b(inputs.height(), inputs.width(), models::kNoClass);
    for (int r = tile.y; r < tile.y + tile.height; r += 16)
        truthClasses(cv::Rect(tile.x, r, tile.width, 1)).copyTo(labelled.userLabels(cv::Rect(tile.x, r, tile.width, 1)));
    const models::ModelInputs view = models::cropModelInputs(labelled, tile);
    bench::report("finetune_view_miou_before", models::scoreSegmentation(model.predict(view, prediction).classes, truthClasses(tile)).meanIou);
    models::TrainingOptions fineTune;
    fineTune.steps = 100; // the Active learning panel's default
    fineTune.learningRate = 5e-4;
    const bench::Stopwatch refresh;
    model.train(labelled, fineTune);
    const models::Prediction refreshed = model.predict(view, prediction);
    bench::report("finetune_refresh_s", refresh.seconds());
    bench::report("finetune_view_miou", models::scoreSegmentation(refreshed.classes, truthClasses(tile)).meanIou);
    return 0;
}
