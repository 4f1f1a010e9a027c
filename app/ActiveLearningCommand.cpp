#include "app/ActiveLearningCommand.h"

#include "app/CurvePlot.h"
#include "app/OffscreenApplication.h"
#include "app/SceneInputs.h"
#include "labeling/ActiveLearningSimulation.h"
#include "models/ClickProtocol.h"
#include "models/ComputeDevice.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneError.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace banquise::app {

namespace {

models::SeaIceModel startingModel(const Arguments& args, const models::ModelInputs& inputs, const std::string& copy)
{
    const std::string path = option(args, "--model", "");
    if (!path.empty())
        return models::SeaIceModel::load(path);
    models::TrainingOptions options;
    options.steps = static_cast<int>(numberOption(args, "--steps", 200));
    options.seed = static_cast<unsigned>(numberOption(args, "--seed", 1));
    models::SeaIceModel model(models::ModelConfig{}, options.seed);
    std::printf("training   %d steps before the simulation\n", options.steps);
    std::fflush(stdout);
    model.train(inputs, options);
    model.save(copy);
    return model;
}

} // namespace

int activeLearningSimulationCommand(const Arguments& args)
{
    const auto paths = leadingPaths(args);
    const std::string out = option(args, "--out", "");
    if (paths.size() != 1 || out.empty())
        throw std::invalid_argument("al-simulate needs one scene folder with truth and --out DIR");
    if (!std::filesystem::exists(std::filesystem::path(paths.front()) / "truth" / "surface_class.tif"))
        throw scene::SceneError(paths.front(), "has no truth (truth/surface_class.tif): the simulated annotator needs one");
    const std::string which = option(args, "--strategy", "all");
    std::vector<models::AcquisitionStrategy> strategies;
    if (which == "all")
        strategies = {models::AcquisitionStrategy::Random, models::AcquisitionStrategy::Entropy, models::AcquisitionStrategy::Margin,
                      models::AcquisitionStrategy::Bald};
    else
        strategies = {models::acquisitionStrategyFromString(which)};
    labeling::SimulationOptions options;
    options.rounds = static_cast<int>(numberOption(args, "--rounds", options.rounds));
    options.clicksPerTile = static_cast<int>(numberOption(args, "--clicks-per-tile", options.clicksPerTile));
    options.tilesPerRound = static_cast<int>(numberOption(args, "--tiles-per-round", options.tilesPerRound));
    options.tileSize = static_cast<int>(numberOption(args, "--tile", options.tileSize));
    options.heldOutTiles = static_cast<int>(numberOption(args, "--held-out", options.heldOutTiles));
    options.diversity = realOption(args, "--diversity", options.diversity);
    options.fineTuneSteps = static_cast<int>(numberOption(args, "--fine-tune-steps", options.fineTuneSteps));
    options.seed = static_cast<unsigned>(numberOption(args, "--seed", options.seed));
    std::filesystem::create_directories(out);
    ensureOffscreenApplication();

    models::configureComputeDevice();
    const models::ModelInputs inputs = loadModelInputs(paths.front());
    const cv::Mat1b truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(paths.front()).surface);
    const std::string start = (std::filesystem::path(out) / "start-model.pt").string();
    models::SeaIceModel model = startingModel(args, inputs, start);
    if (!option(args, "--model", "").empty())
        model.save(start);

    // The click protocol on a 512² tile at the centre of the scene.
    const int side = std::min({512, inputs.width(), inputs.height()});
    const cv::Rect tile((inputs.width() - side) / 2, (inputs.height() - side) / 2, side, side);
    const models::InteractiveSegmentation interactive(model, inputs, tile);
    const models::ClickCurve clicks = models::runClickProtocol(interactive, truth(tile).clone(), 20);
    // Beside it, the ceiling of any correction local to the clicks.
    const models::ClickCurve oracle = models::oracleClickCurve(interactive.classes({}), truth(tile).clone(), 20);
    std::ofstream clickCsv(std::filesystem::path(out) / "clicks.csv");
    clickCsv << "clicks,mean_iou,mean_iou_perfect_local_correction\n";
    CurveSeries clickSeries{"click protocol", {}};
    CurveSeries oracleSeries{"perfect local correction", {}};
    for (std::size_t k = 0; k < clicks.meanIou.size(); ++k) {
        clickCsv << k << "," << clicks.meanIou[k] << "," << oracle.meanIou[k] << "\n";
        clickSeries.points.emplace_back(k, clicks.meanIou[k]);
        oracleSeries.points.emplace_back(k, oracle.meanIou[k]);
    }
    writeCurvePlot(QString::fromStdString((std::filesystem::path(out) / "clicks.png").string()),
                   QString("Interactive refinement of a %1 x %1 pixel tile").arg(side), "clicks", "mean IoU", {clickSeries, oracleSeries});
    std::printf("clicks     NoC@85 %d, NoC@90 %d (cap 20), mean IoU %.3f -> %.3f after 10 clicks (gain %+.3f)\n",
                clicks.clicksToReach(0.85, 20), clicks.clicksToReach(0.90, 20), clicks.meanIou.front(),
                clicks.meanIou[std::min<std::size_t>(10, clicks.meanIou.size() - 1)], clicks.gainAfter(10));
    std::printf("           a perfect local correction of each clicked region would gain %+.3f after 10 clicks\n", oracle.gainAfter(10));

    std::ofstream csv(std::filesystem::path(out) / "al.csv");
    csv << "strategy,round,clicks,labelled_pixels,heldout_mean_iou,round_s\n";
    std::vector<CurveSeries> curves;
    std::map<models::AcquisitionStrategy, std::vector<labeling::SimulatedRound>> results;
    for (const auto strategy : strategies) {
        models::SeaIceModel learner = models::SeaIceModel::load(start);
        options.strategy = strategy;
        const std::string name = models::toString(strategy);
        CurveSeries curve{QString::fromStdString(name), {}};
        results[strategy] = labeling::simulateActiveLearning(learner, inputs, truth, options, [&](const labeling::SimulatedRound& r) {
            std::printf("%-8s   round %d: %d clicks, %lld labelled pixels, held-out mIoU %.3f (%.1f s)\n", name.c_str(), r.round, r.clicks,
                        r.labelledPixels, r.heldOutMeanIou, r.seconds);
            std::fflush(stdout);
            csv << name << "," << r.round << "," << r.clicks << "," << r.labelledPixels << "," << r.heldOutMeanIou << "," << r.seconds << "\n";
            curve.points.emplace_back(r.labelledPixels, r.heldOutMeanIou);
        });
        curves.push_back(curve);
    }
    writeCurvePlot(QString::fromStdString((std::filesystem::path(out) / "al.png").string()), "Active learning with a simulated annotator",
                   "labelled pixels", "held-out mean IoU", curves);
    const auto random = results.find(models::AcquisitionStrategy::Random);
    if (random != results.end())
        for (const auto& [strategy, rounds] : results)
            if (strategy != models::AcquisitionStrategy::Random)
                std::printf("labels     %s reaches random's final mIoU with %.2f of its labels%s\n", models::toString(strategy).c_str(),
                            labeling::labelFractionToMatch(rounds, random->second),
                            labeling::labelFractionToMatch(rounds, random->second) >= labeling::kNeverMatched ? " (never)" : "");
    std::printf("wrote      %s/clicks.csv, clicks.png, al.csv, al.png\n", out.c_str());
    return 0;
}

} // namespace banquise::app
