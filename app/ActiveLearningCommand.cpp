#include "app/ActiveLearningCommand.h"

#include "app/CurvePlot.h"
#include "app/OffscreenApplication.h"
#include "app/SceneInputs.h"
#include "app/LabellingCurves.h"
#include "labeling/ActiveLearningSimulation.h"
#include "labeling/PixelStrategyComparison.h"
#include "models/ObjectClickEvaluation.h"
#include "models/ComputeDevice.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneError.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

namespace banquise::app {

namespace {

models::SeaIceModel startingModel(const Arguments& args, const models::ModelInputs& inputs, const std::string& copy)
{
    const std::string path = option(args, "--model", "");
    if (!path.empty())
        return models::SeaIceModel::load(path);
    models::TrainingOptions options; // the default training: what a user has before labelling
    options.steps = static_cast<int>(numberOption(args, "--steps", options.steps));
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

// The per-object click protocol (RITM / FocalClick, from the model's map)
// on every whole tile of the scene; writes object_clicks.csv and .png.
void measureClicksPerObject(const models::SeaIceModel& model, const models::ModelInputs& inputs, const cv::Mat1b& truth,
                            const std::string& name, const std::string& out)
{
    models::ObjectClickRuns runs;
    std::mt19937 rng(20);
    models::measureObjectClicks(model, inputs, truth, name, runs, rng);
    for (const auto& note : runs.leftOut)
        std::printf("objects    left out: %s\n", note.c_str());
    const auto floe = models::summariseObjectRuns(runs.model["floe"]);
    const auto lead = models::summariseObjectRuns(runs.model["lead"]);
    if (floe.objects == 0 && lead.objects == 0) {
        std::printf("objects    no floe or lead of at least %d pixels on a whole %d px tile: clicks per object not measured\n",
                    models::kObjectMinPixels, models::kObjectClickTile);
        return;
    }
    const auto report = [](const char* what, const models::NocSummary& model, const models::NocSummary& paint,
                           const models::NocSummary& ceiling) {
        if (model.objects == 0) {
            std::printf("objects    no %s to click\n", what);
            return;
        }
        std::printf("objects    %-22s %3d: NoC@85/90 %.2f / %.2f, failures %.0f %%, mean IoU %.3f -> %.3f after 5 clicks"
                    " (paint %.2f / %.2f, local ceiling %.2f / %.2f)\n",
                    what, model.objects, model.noc85, model.noc90, 100.0 * model.failureRate, model.meanBefore, model.meanAfter[2],
                    paint.noc85, paint.noc90, ceiling.noc85, ceiling.noc90);
    };
    report("floes", floe, models::summariseObjectRuns(runs.paint["floe"]), models::summariseObjectRuns(runs.ceiling["floe"]));
    report("leads >= 3 px wide", lead, models::summariseObjectRuns(runs.paint["lead"]), models::summariseObjectRuns(runs.ceiling["lead"]));
    if (!runs.model["thin"].empty()) {
        const auto thin = models::meanClickCurve(runs.model["thin"]);
        std::printf("objects    %-22s %3zu: centre-line recall %.3f -> %.3f after 10 clicks\n", "thinner leads", runs.model["thin"].size(),
                    thin.front(), thin[10]);
    }
    writeObjectClickCurves(runs, out);
}

// The PixelPick protocol: each strategy and the dense bound from the
// start model; writes pixel_al.csv and .png.
void askPixels(const Arguments& args, const std::vector<models::AcquisitionStrategy>& strategies, int seeds, const std::string& start,
               const models::ModelInputs& inputs, const cv::Mat1b& truth, const std::string& out)
{
    labeling::PixelSimulationOptions options;
    options.tileSize = static_cast<int>(numberOption(args, "--pixel-tile", 160));
    options.heldOutTiles = static_cast<int>(numberOption(args, "--pixel-held-out", 5));
    options.initialPixels = static_cast<int>(numberOption(args, "--initial-pixels", options.initialPixels));
    options.pixelsPerRound = static_cast<int>(numberOption(args, "--pixels-per-round", options.pixelsPerRound));
    options.maxPixels = static_cast<int>(numberOption(args, "--max-pixels", options.maxPixels));
    options.fineTuneSteps = static_cast<int>(numberOption(args, "--fine-tune-steps", options.fineTuneSteps));
    const auto comparison = labeling::comparePixelStrategies(
        start, inputs, truth, options, static_cast<unsigned>(seeds), strategies,
        [](const std::string& name, unsigned seed, const std::vector<labeling::PixelRound>& rounds) {
            std::printf("pixels     %-8s seed %u:", name.c_str(), seed);
            for (const auto& round : rounds)
                std::printf(" %.3f", round.heldOutMeanIou);
            const auto& last = rounds.back().heldOutClassIou;
            std::printf("  (held-out mIoU per round; %lld labelled pixels; last round's IoU floe %.3f, open lead %.3f, refrozen lead %.3f)\n",
                        rounds.back().labelledPixels, last[models::kFloe], last[models::kOpenLead], last[models::kRefrozenLead]);
            std::fflush(stdout);
        });
    for (const auto& note : comparison.notes)
        std::printf("pixels     %s\n", note.c_str());
    std::printf("pixels     start model %.3f on the held-out tiles; a round takes %.1f s\n", comparison.startMeanIou, comparison.roundSeconds);
    const double fraction = comparison.fractionVsRandom();
    if (comparison.meanCurves.count("random") && comparison.meanCurves.size() > 2)
        std::printf("pixels     the best uncertain strategy reaches random's final mIoU with %.2f of its pixels%s\n", fraction,
                    fraction >= labeling::kNeverMatched ? " (never)" : "");
    std::printf("pixels     at 0.04 %% of the pixels labelled: %.2f of the dense-label bound (%.3f)\n", comparison.denseShareAt(0.0004),
                comparison.meanCurves.at("dense").back().heldOutMeanIou);
    writePixelCurves(comparison, out);
}

std::set<std::string> protocolsOf(const std::string& list)
{
    const std::set<std::string> known{"objects", "pixels", "tiles"};
    if (list == "all")
        return known;
    std::set<std::string> chosen;
    std::stringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
        if (!known.count(item))
            throw std::invalid_argument("unknown protocol '" + item + "' (objects, pixels, tiles or all)");
        chosen.insert(item);
    }
    return chosen;
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
    const std::set<std::string> protocols = protocolsOf(option(args, "--protocol", "objects,pixels"));
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

    std::vector<std::string> written;
    if (protocols.count("objects")) {
        measureClicksPerObject(model, inputs, truth, paths.front(), out);
        written.push_back("object_clicks.csv, object_clicks.png");
    }
    if (protocols.count("pixels")) {
        askPixels(args, strategies, seeds, start, inputs, truth, out);
        written.push_back("pixel_al.csv, pixel_al.png");
    }
    if (protocols.count("tiles")) {
        compareStrategies(strategies, options, seeds, start, inputs, truth, out);
        written.push_back("al.csv, al.png");
    }
    std::string files;
    for (const auto& w : written)
        files += (files.empty() ? "" : ", ") + w;
    std::printf("wrote      %s: %s\n", out.c_str(), files.c_str());
    return 0;
}

} // namespace banquise::app
