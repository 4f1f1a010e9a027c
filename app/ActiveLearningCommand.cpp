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

// Each strategy from the same starting model, once per seed (seeds differ
// in held-out tiles and fine-tuning draws); writes al.csv (every round of
// every run) and al.png (the mean curve of each strategy), and prints how
// many of random sampling's labels each strategy needs, on mean curves.
void compareStrategies(const std::vector<models::AcquisitionStrategy>& strategies, labeling::SimulationOptions options, int seeds,
                       const std::string& start, const models::ModelInputs& inputs, const cv::Mat1b& truth, const std::string& out)
{
    std::ofstream csv(std::filesystem::path(out) / "al.csv");
    csv << "strategy,seed,round,clicks,labelled_pixels,heldout_mean_iou,round_s\n";
    std::vector<CurveSeries> curves;
    std::map<models::AcquisitionStrategy, std::vector<labeling::SimulatedRound>> means;
    const unsigned firstSeed = options.seed;
    for (const auto strategy : strategies) {
        options.strategy = strategy;
        const std::string name = models::toString(strategy);
        std::vector<std::vector<labeling::SimulatedRound>> runs;
        for (int k = 0; k < seeds; ++k) {
            models::SeaIceModel learner = models::SeaIceModel::load(start);
            options.seed = firstSeed + static_cast<unsigned>(k);
            runs.push_back(labeling::simulateActiveLearning(learner, inputs, truth, options, [&](const labeling::SimulatedRound& r) {
                std::printf("%-8s   seed %u round %d: %d clicks, %lld labelled pixels, held-out mIoU %.3f (%.1f s)\n", name.c_str(),
                            options.seed, r.round, r.clicks, r.labelledPixels, r.heldOutMeanIou, r.seconds);
                std::fflush(stdout);
                csv << name << "," << options.seed << "," << r.round << "," << r.clicks << "," << r.labelledPixels << ","
                    << r.heldOutMeanIou << "," << r.seconds << "\n";
            }));
        }
        means[strategy] = labeling::meanCurve(runs);
        CurveSeries curve{QString::fromStdString(name), {}};
        for (const auto& r : means[strategy])
            curve.points.emplace_back(static_cast<double>(r.labelledPixels), r.heldOutMeanIou);
        curves.push_back(curve);
    }
    const QString title = seeds > 1 ? QString("Active learning with a simulated annotator (mean of %1 seeds)").arg(seeds)
                                    : QString("Active learning with a simulated annotator");
    writeCurvePlot(QString::fromStdString((std::filesystem::path(out) / "al.png").string()), title, "labelled pixels",
                   "held-out mean IoU", curves);
    const auto random = means.find(models::AcquisitionStrategy::Random);
    if (random == means.end())
        return;
    for (const auto& [strategy, rounds] : means)
        if (strategy != models::AcquisitionStrategy::Random) {
            const double fraction = labeling::labelFractionToMatch(rounds, random->second);
            std::printf("labels     %s reaches random's final mIoU with %.2f of its labels%s%s\n", models::toString(strategy).c_str(), fraction,
                        fraction >= labeling::kNeverMatched ? " (never)" : "", seeds > 1 ? " (mean curves)" : "");
        }
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
    options.selection.diversity = realOption(args, "--diversity", options.selection.diversity);
    options.selection.density = realOption(args, "--density", options.selection.density);
    options.fineTuneSteps = static_cast<int>(numberOption(args, "--fine-tune-steps", options.fineTuneSteps));
    options.seed = static_cast<unsigned>(numberOption(args, "--seed", options.seed));
    const int seeds = static_cast<int>(numberOption(args, "--seeds", 1));
    if (seeds < 1)
        throw std::invalid_argument("--seeds needs at least 1");
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

    compareStrategies(strategies, options, seeds, start, inputs, truth, out);
    std::printf("wrote      %s/clicks.csv, clicks.png, al.csv, al.png\n", out.c_str());
    return 0;
}

} // namespace banquise::app
