#include "common/TestRegistry.h"

#include "models/Acquisition.h"

#include <QTest>

#include <cmath>

using namespace banquise::models;

namespace {

// A 40 x 20 prediction: the right half uncertain in every sense.
Prediction twoHalves()
{
    Prediction p;
    p.entropy = cv::Mat1f(20, 40, 0.1f);
    p.margin = cv::Mat1f(20, 40, 0.9f);
    p.mutualInformation = cv::Mat1f(20, 40, 0.01f);
    p.entropy(cv::Rect(20, 0, 20, 20)).setTo(1.0f);
    p.margin(cv::Rect(20, 0, 20, 20)).setTo(0.1f);
    p.mutualInformation(cv::Rect(20, 0, 20, 20)).setTo(0.3f);
    p.entropy(0, 0) = std::nanf(""); // no data is ignored
    return p;
}

} // namespace

class TestAcquisition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tilesCoverTheGrid()
    {
        const auto tiles = candidateTiles({50, 20}, 20);
        QCOMPARE(tiles.size(), std::size_t(3));
        QCOMPARE(tiles[2], cv::Rect(30, 0, 20, 20)); // shifted inside
    }

    void uncertaintyStrategiesPreferTheUncertainHalf()
    {
        const Prediction p = twoHalves();
        const std::vector<cv::Rect> tiles{{0, 0, 20, 20}, {20, 0, 20, 20}};
        std::mt19937 rng(3);
        for (auto strategy : {AcquisitionStrategy::Entropy, AcquisitionStrategy::Margin, AcquisitionStrategy::Bald}) {
            const auto scores = scoreTiles(p, tiles, strategy, rng);
            QVERIFY2(scores[1] > scores[0], toString(strategy).c_str());
        }
        const auto entropy = scoreTiles(p, tiles, AcquisitionStrategy::Entropy, rng);
        QCOMPARE(entropy[0], 0.1f * 1.0); // the NaN pixel is left out of the mean
        QVERIFY(std::abs(scoreTiles(p, tiles, AcquisitionStrategy::Margin, rng)[1] - 0.9) < 1e-6);
        const auto random = scoreTiles(p, tiles, AcquisitionStrategy::Random, rng);
        QVERIFY(random[0] >= 0.0 && random[0] < 1.0 && random[0] != random[1]);
        QVERIFY(acquisitionStrategyFromString("bald") == AcquisitionStrategy::Bald);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, acquisitionStrategyFromString("greedy"));
    }

    void diversityKeepsNearIdenticalTilesApart()
    {
        // Tiles 0 and 1 look alike and score highest; tile 2 differs.
        const std::vector<double> scores{1.0, 0.95, 0.8, 0.0};
        const std::vector<std::vector<float>> descriptions{{1, 0, 0}, {1, 0.05f, 0}, {0, 1, 0}, {0, 0, 1}};
        const SelectionTerms none{0.0, 0.0};
        const SelectionTerms diverse{1.0, 0.0};
        QCOMPARE(selectTiles(scores, descriptions, 2, none), (std::vector<int>{0, 1}));
        QCOMPARE(selectTiles(scores, descriptions, 2, diverse), (std::vector<int>{0, 2}));
        QCOMPARE(selectTiles(scores, descriptions, 2, none, {true, false, false, false}), (std::vector<int>{1, 2}));
        QCOMPARE(selectTiles(scores, {}, 10, SelectionTerms{}).size(), std::size_t(4));
        QVERIFY(selectTiles({}, {}, 2, SelectionTerms{}).empty()); // no candidate tiles
    }

    void densityPrefersTypicalTilesToOutliers()
    {
        // Tiles 0 and 1 are equally uncertain; tile 0 looks like nothing
        // else, tile 1 like the two low-scoring tiles of the pool.
        const std::vector<double> scores{1.0, 1.0, 0.2, 0.1};
        const std::vector<std::vector<float>> descriptions{{0, 0, 1}, {1, 0.1f, 0}, {1, 0, 0}, {0.9f, 0.1f, 0}};
        QCOMPARE(selectTiles(scores, descriptions, 1, SelectionTerms{0.0, 0.0}), (std::vector<int>{0}));
        QCOMPARE(selectTiles(scores, descriptions, 1, SelectionTerms{0.0, 1.0}), (std::vector<int>{1}));
        // The score still leads: a typical tile of low score waits.
        QCOMPARE(selectTiles({1.0, 0.0, 0.0, 0.0}, descriptions, 1, SelectionTerms{0.0, 0.5}), (std::vector<int>{0}));
        // Excluded tiles are never chosen, whatever their typicality.
        QCOMPARE(selectTiles(scores, descriptions, 1, SelectionTerms{0.0, 1.0}, {false, true, false, false}), (std::vector<int>{0}));
    }

    void defaultTermsDoNotQueueANearCopyForBeingTypical()
    {
        // Tile 1 nearly copies tile 0 (overlapping tiles at the grid's
        // edge); both are typical of the pool and the most uncertain.
        const std::vector<double> scores{1.0, 0.98, 0.8, 0.0, 0.5};
        const std::vector<std::vector<float>> descriptions{{1, 0, 0}, {1, 0.02f, 0}, {0.7f, 0.5f, 0}, {0, 0, 1}, {0.9f, 0.3f, 0.1f}};
        QCOMPARE(selectTiles(scores, descriptions, 2, SelectionTerms{}), (std::vector<int>{0, 2}));
        QCOMPARE(selectTiles(scores, descriptions, 2, SelectionTerms{0.3, 1.0}), (std::vector<int>{0, 1}));
    }

    void randomSamplingUsesNoSelectionTerms()
    {
        const SelectionTerms terms{0.3, 1.0};
        QCOMPARE(selectionTermsFor(AcquisitionStrategy::Random, terms).density, 0.0);
        QCOMPARE(selectionTermsFor(AcquisitionStrategy::Random, terms).diversity, 0.0);
        QCOMPARE(selectionTermsFor(AcquisitionStrategy::Entropy, terms).density, 1.0);
    }
};

BANQUISE_REGISTER_TEST(TestAcquisition);
#include "tst_Acquisition.moc"
