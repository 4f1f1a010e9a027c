#include "common/TestRegistry.h"

#include "models/detail/Losses.h"

#include <QTest>

#include <cmath>

using namespace banquise::models::detail;

namespace {
double value(const torch::Tensor& t) { return t.item<double>(); }
torch::Tensor floats(std::initializer_list<float> v) { return torch::tensor(std::vector<float>(v)); }
torch::Tensor longs(std::initializer_list<int64_t> v) { return torch::tensor(std::vector<int64_t>(v)); }
} // namespace

class TestLosses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void concentrationWeighsCellsByTheirPixels()
    {
        // Cell 0: pixels 0.2, 0.4 (mean 0.3) against 0.5; cell 1: 1.0 against 1.0; pixel 3 in no cell.
        const auto p = floats({0.2f, 0.4f, 1.0f, 0.7f});
        const auto loss = concentrationLoss(p, longs({0, 1, 2}), longs({0, 0, 1}), floats({0.5f, 1.0f}));
        QVERIFY(std::abs(value(loss) - (2 * 0.04) / 3.0) < 1e-6);
        QCOMPARE(value(concentrationLoss(floats({0.5f, 0.5f}), longs({0, 1}), longs({0, 0}), floats({0.5f}))), 0.0);
    }

    void aPixelCountsInOneCellPerSource()
    {
        // Source A: one cell over both pixels (mean 0.5) against 0.5; source B:
        // a cell per pixel, 0.2 against 0.4 and 0.8 against 0.8. Weights 2, 1, 1.
        const auto p = floats({0.2f, 0.8f});
        const auto loss = concentrationLoss(p, longs({0, 1, 0, 1}), longs({0, 0, 1, 2}), floats({0.5f, 0.4f, 0.8f}));
        QVERIFY(std::abs(value(loss) - 0.04 / 4.0) < 1e-6);
    }

    void concentrationWithoutCellsIsZero()
    {
        QCOMPARE(value(concentrationLoss(floats({0.3f}), torch::zeros({0}, torch::kLong), torch::zeros({0}, torch::kLong), floats({}))), 0.0);
    }

    void pseudoLabelsAreWeightedByConfidence()
    {
        // Two pixels, 2 classes: logits (0, 0) -> -log 0.5 each; labels 1 and none.
        const auto logits = torch::zeros({1, 2, 1, 2});
        const auto labels = longs({1, -1}).reshape({1, 1, 2});
        const auto confidence = floats({0.4f, 0.9f}).reshape({1, 1, 2});
        QVERIFY(std::abs(value(pseudoLabelLoss(logits, labels, confidence)) - std::log(2.0)) < 1e-6);
        QCOMPARE(value(pseudoLabelLoss(logits, longs({-1, -1}).reshape({1, 1, 2}), confidence)), 0.0);
    }

    void footprintMeanMatchesTheRecordWithinSigma()
    {
        // Record 0 averages pixels 0 and 1 (0.2, 0.4 -> 0.3) against 0.5, sigma 0.1: z = -2.
        // Record 1 is pixel 2 (1.0) against 1.0: z = 0. Mean of z^2 / 2 = 1.
        const auto elevation = floats({0.2f, 0.4f, 1.0f});
        const auto loss = footprintLoss(elevation, longs({0, 1, 2}), longs({0, 0, 1}), floats({0.5f, 0.5f, 1.0f}), floats({0.5f, 1.0f}),
                                        floats({0.1f, 0.3f}));
        QVERIFY(std::abs(value(loss) - 1.0) < 1e-5);
    }

    void seaLevelPenalisesElevatedLeads()
    {
        // Only the pixel predicted open lead counts: (1 * 0.25 + 0 + 0) / 3.
        QVERIFY(std::abs(value(seaLevelLoss(floats({1.0f, 0.0f, 0.4f}), floats({0.5f, 3.0f, 2.0f}))) - 0.25 / 3.0) < 1e-6);
    }

    void correctionPriorIsTheMeanSquare()
    {
        QVERIFY(std::abs(value(correctionPrior(floats({0.1f, -0.3f}))) - 0.05) < 1e-6);
    }

    void speckleLikelihoodIsZeroAtTheObservation()
    {
        const auto intensity = floats({0.01f, 0.2f});
        QVERIFY(std::abs(value(speckleLoss(torch::log(intensity), intensity))) < 1e-6);
        // r = log I + 1: 1 + e^-1 - 1 = 0.3679 per pixel.
        QVERIFY(std::abs(value(speckleLoss(torch::log(intensity) + 1.0, intensity)) - std::exp(-1.0)) < 1e-5);
    }

    void entropyOfUniformLogitsIsLogOfTheClassCount()
    {
        QVERIFY(std::abs(value(entropyLoss(torch::zeros({2, 3, 4, 4}))) - std::log(3.0)) < 1e-5);
        QVERIFY(value(entropyLoss(floats({50.0f, 0.0f, 0.0f}).reshape({1, 3, 1, 1}))) < 1e-6);
    }
};

BANQUISE_REGISTER_TEST(TestLosses);
#include "tst_Losses.moc"
