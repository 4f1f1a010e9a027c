#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "labeling/ActiveLearningSimulation.h"
#include "labeling/HeldOutTiles.h"
#include "labeling/PixelActiveLearning.h"
#include "labeling/PixelStrategyComparison.h"
#include "models/ComputeDevice.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"
#include "scene/synthetic/SyntheticTruth.h"

#include <QTest>

#include <cmath>

using namespace banquise;

namespace {
// An 8 km synthetic scene (200 x 200 px) with its truth, and a model
// trained 40 steps on its weak labels, saved so that each run starts from it.
struct SmallScene {
    tests::TempSceneFolder folder;
    models::ModelInputs inputs;
    cv::Mat1b truth;
    std::string weakModel;

    SmallScene()
    {
        models::configureComputeDevice();
        scene::synthetic::SynthOptions synth;
        synth.seed = 4;
        synth.sizeKm = 8.0;
        scene::synthetic::writeSyntheticScene(synth, folder.path());
        inputs = models::gatherModelInputs(scene::readScene(folder.path()).scene);
        truth = models::classesFromSurfaceCodes(scene::synthetic::readSyntheticTruth(folder.path()).surface);
        models::SeaIceModel model(models::ModelConfig{}, 2);
        models::TrainingOptions weak;
        weak.steps = 40;
        weak.cropSize = 96;
        model.train(inputs, weak);
        weakModel = folder.path() + "/weak.pt";
        model.save(weakModel);
    }
};
} // namespace

// Active learning with the simulated annotator on a small synthetic scene:
// a weak model, two rounds of clicks on queued tiles, fine-tuning on them.
class TestActiveLearningSimulation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsFromQueuedTilesRaiseTheHeldOutScore()
    {
        const SmallScene small;
        const models::ModelInputs& inputs = small.inputs;
        const cv::Mat1b& truth = small.truth;
        models::SeaIceModel model = models::SeaIceModel::load(small.weakModel);

        labeling::SimulationOptions options;
        options.strategy = models::AcquisitionStrategy::Bald;
        options.rounds = 2;
        options.tilesPerRound = 2;
        options.clicksPerTile = 8;
        options.tileSize = 64;
        options.fineTuneSteps = 40;
        options.monteCarloSamples = 4;
        int reported = 0;
        const auto rounds = labeling::simulateActiveLearning(model, inputs, truth, options,
                                                             [&](const labeling::SimulatedRound&) { ++reported; });
        QCOMPARE(rounds.size(), std::size_t(3));
        QCOMPARE(reported, 3);
        QCOMPARE(rounds[0].labelledPixels, 0LL);
        QVERIFY(rounds[1].clicks > 0 && rounds[1].clicks <= 16);
        QVERIFY(rounds[2].labelledPixels > rounds[1].labelledPixels);
        QVERIFY(rounds[2].labelledPixels < 40LL * 49); // discs of a few pixels, never whole tiles
        qInfo("held-out mIoU %.3f -> %.3f -> %.3f with %lld labelled pixels", rounds[0].heldOutMeanIou, rounds[1].heldOutMeanIou,
              rounds[2].heldOutMeanIou, rounds[2].labelledPixels);
        QVERIFY(rounds[2].heldOutMeanIou > rounds[0].heldOutMeanIou + 0.02); // the curve rises
    }

    void pixelQueriesLabelOnlyTheAskedPixels()
    {
        const SmallScene small; // sixteen 50 px tiles, four held out
        const models::ModelInputs& inputs = small.inputs;
        const cv::Mat1b& truth = small.truth;

        labeling::PixelSimulationOptions options;
        options.strategy = models::AcquisitionStrategy::Margin;
        options.maxPixels = 30;
        options.tileSize = 50;
        options.heldOutTiles = 4;
        options.fineTuneSteps = 80;
        options.monteCarloSamples = 4;
        int reported = 0;
        const auto rounds = labeling::simulatePixelActiveLearning(small.weakModel, inputs, truth, options,
                                                                  [&](const labeling::PixelRound&) { ++reported; });
        QCOMPARE(rounds.size(), std::size_t(3));
        QCOMPARE(reported, 3);
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(rounds[r].pixelsPerTile, 10 * (r + 1));
            QCOMPARE(rounds[r].labelledPixels, 12LL * 10 * (r + 1)); // every asked pixel answered, none twice
            QVERIFY(rounds[r].heldOutMeanIou > 0.0 && rounds[r].heldOutMeanIou <= 1.0);
        }
        QVERIFY(std::abs(rounds[2].labelledShare - 360.0 / 40000.0) < 1e-12);

        options.dense = true;
        const auto dense = labeling::simulatePixelActiveLearning(small.weakModel, inputs, truth, options);
        QCOMPARE(dense.size(), std::size_t(1));
        QVERIFY(dense[0].labelledPixels > 12LL * 2400);
        // Every round starts from the weak model, which the labels teach.
        models::PredictionOptions predicting;
        predicting.monteCarloSamples = options.monteCarloSamples;
        const auto heldOut = labeling::chooseHeldOutTiles(models::candidateTiles({inputs.width(), inputs.height()}, options.tileSize),
                                                          options.heldOutTiles, options.seed);
        const double start = labeling::heldOutMeanIou(models::SeaIceModel::load(small.weakModel).predict(inputs, predicting), truth,
                                                      heldOut.tiles);
        qInfo("held-out mIoU %.3f at the start; with 10 / 20 / 30 asked pixels per tile %.3f / %.3f / %.3f; dense labels %.3f", start,
              rounds[0].heldOutMeanIou, rounds[1].heldOutMeanIou, rounds[2].heldOutMeanIou, dense[0].heldOutMeanIou);
        for (const auto& round : rounds)
            QVERIFY(round.heldOutMeanIou > start + 0.1);
        QVERIFY(dense[0].heldOutMeanIou > start + 0.3);
        // Pooled per class: floes, most of the pixels, are mapped well by every round.
        for (const auto& round : rounds)
            QVERIFY2(round.heldOutClassIou[models::kFloe] > 0.8 && round.heldOutClassIou[models::kFloe] <= 1.0,
                     qPrintable(QString::number(round.heldOutClassIou[models::kFloe])));
    }

    void aBudgetBeyondATileIsCutAndSaidSo()
    {
        const SmallScene small;
        labeling::PixelSimulationOptions options;
        options.tileSize = 50; // 2 500 pixels a tile
        options.heldOutTiles = 4;
        options.initialPixels = 1000;
        options.pixelsPerRound = 1000;
        options.maxPixels = 5000;
        options.fineTuneSteps = 1;
        options.monteCarloSamples = 1;
        const auto rounds = labeling::simulatePixelActiveLearning(small.weakModel, small.inputs, small.truth, options);
        QCOMPARE(rounds.size(), std::size_t(2)); // 1 000, then 2 000 of the 2 500
        QVERIFY2(rounds[0].note.find("5000") != std::string::npos && rounds[0].note.find("2500") != std::string::npos,
                 rounds[0].note.c_str());
        QVERIFY(rounds[1].note.empty());
        QCOMPARE(rounds[1].labelledPixels, 12LL * 2000);
    }

    void labelFractionsCompareCurves()
    {
        const std::vector<labeling::SimulatedRound> random{{0, 0, 0, 0.5}, {1, 10, 100, 0.6}, {2, 20, 200, 0.7}};
        const std::vector<labeling::SimulatedRound> better{{0, 0, 0, 0.5}, {1, 10, 80, 0.72}, {2, 20, 160, 0.75}};
        const std::vector<labeling::SimulatedRound> worse{{0, 0, 0, 0.5}, {1, 10, 100, 0.55}, {2, 20, 200, 0.6}};
        // `better` passes 0.7 on its first round: on the chord from (0, 0.5)
        // to (80, 0.72), at 80 x 0.2 / 0.22 labels.
        QVERIFY(std::abs(labeling::labelFractionToMatch(better, random) - 80.0 * 0.2 / 0.22 / 200.0) < 1e-9);
        QCOMPARE(labeling::labelFractionToMatch(random, random), 1.0);
        QCOMPARE(labeling::labelFractionToMatch(worse, random), labeling::kNeverMatched);
        // Averaged over two seeds, `better` and `worse` meet random's final score later.
        const auto mean = labeling::meanCurve({better, worse, {{0, 0, 0, 0.5}}});
        QCOMPARE(mean.size(), std::size_t(1)); // cut to the shortest run
        const auto pair = labeling::meanCurve({better, worse});
        QCOMPARE(pair.size(), std::size_t(3));
        QCOMPARE(pair[1].labelledPixels, 90LL);
        QVERIFY(std::abs(pair[2].heldOutMeanIou - 0.675) < 1e-12);
        QCOMPARE(labeling::labelFractionToMatch(pair, random), labeling::kNeverMatched);
        // Against (200, 0.65): the pair's chord from (90, 0.635) to (180, 0.675).
        QVERIFY(std::abs(labeling::labelFractionToMatch(pair, labeling::meanCurve({random, worse})) - (90.0 + 90.0 * 0.015 / 0.04) / 200.0)
                < 1e-9);
    }

    void pixelComparisonsReadTheirCurves()
    {
        // A 10 000-pixel scene: 1 pixel is 0.01 %.
        labeling::PixelComparison comparison;
        comparison.scenePixels = 10000.0;
        comparison.meanCurves["random"] = {{0, 0, 2, 0.4}, {1, 0, 6, 0.5}, {2, 0, 10, 0.6}};
        comparison.meanCurves["entropy"] = {{0, 0, 2, 0.4}, {1, 0, 6, 0.65}, {2, 0, 10, 0.7}};
        comparison.meanCurves["margin"] = {{0, 0, 2, 0.3}, {1, 0, 6, 0.45}, {2, 0, 10, 0.5}};
        comparison.meanCurves["dense"] = {{0, 0, 8000, 0.8}};
        // 0.04 % is 4 pixels: entropy's chord from (2, 0.4) to (6, 0.65) at its middle.
        QVERIFY(std::abs(labeling::scoreAtLabelledShare(comparison.meanCurves["entropy"], 10000.0, 0.0004) - 0.525) < 1e-12);
        QVERIFY(std::abs(comparison.denseShareAt(0.0004) - 0.525 / 0.8) < 1e-12); // the best uncertain strategy
        // Beyond the last round: its score.
        QCOMPARE(labeling::scoreAtLabelledShare(comparison.meanCurves["random"], 10000.0, 0.01), 0.6);
        // Entropy reaches random's final 0.6 on its chord from (2, 0.4) to (6, 0.65): at 5.2 of random's 10 pixels.
        QVERIFY(std::abs(comparison.fractionVsRandom() - 0.52) < 1e-12);
        comparison.meanCurves.erase("random");
        QCOMPARE(comparison.fractionVsRandom(), labeling::kNeverMatched); // nothing to compare with
    }

    void aTruthOnAnotherGridIsRefused()
    {
        models::ModelInputs inputs;
        inputs.grid = scene::AnalysisGrid(3413, 0, 0, 40, 100, 100);
        models::SeaIceModel model;
        QVERIFY_THROWS_EXCEPTION(scene::SceneError, labeling::simulateActiveLearning(model, inputs, cv::Mat1b(50, 50), {}));
    }
};

BANQUISE_REGISTER_TEST(TestActiveLearningSimulation);
#include "tst_ActiveLearningSimulation.moc"
