#include "common/TestRegistry.h"

#include "models/ClassCalibration.h"

#include <QTest>

#include <random>

using namespace banquise::models;

namespace {

std::array<double, kClassCount> argmaxFractions(const std::vector<std::array<float, kClassCount>>& logits, const ClassOffsets& offsets)
{
    std::array<double, kClassCount> fractions{};
    for (const auto& l : logits) {
        int best = 0;
        for (int k = 1; k < kClassCount; ++k)
            if (l[k] + offsets.logit[k] > l[best] + offsets.logit[best])
                best = k;
        fractions[best] += 1.0 / logits.size();
    }
    return fractions;
}

} // namespace

class TestClassCalibration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rareClassesAreCountedAsOftenAsTheyAreExpected()
    {
        // Floe pixels sure of themselves; 3 % of pixels are thin leads the
        // network gives ~45 % open lead (floe 55 %); 2 % refrozen leads at 35 %.
        std::mt19937 rng(4);
        std::normal_distribution<float> jitter(0.0f, 0.3f);
        std::vector<std::array<float, kClassCount>> logits;
        for (int i = 0; i < 20000; ++i) {
            const int kind = i % 100;
            if (kind < 3)
                logits.push_back({0.2f + jitter(rng), jitter(rng), -2.0f});
            else if (kind < 5)
                logits.push_back({0.4f + jitter(rng), -2.0f, -0.2f + jitter(rng)});
            else
                logits.push_back({4.0f + jitter(rng), -1.0f, -1.0f});
        }
        const auto before = argmaxFractions(logits, {});
        QVERIFY2(before[kOpenLead] < 0.02 && before[kRefrozenLead] < 0.01, qPrintable(QString("%1 %2").arg(before[1]).arg(before[2])));

        std::array<double, kClassCount> expected{};
        for (const auto& l : logits) {
            double sum = 0.0;
            for (float v : l)
                sum += std::exp(v);
            for (int k = 0; k < kClassCount; ++k)
                expected[k] += std::exp(l[k]) / sum / logits.size();
        }
        const ClassOffsets offsets = fitClassFractions(logits);
        QCOMPARE(offsets.logit[kFloe], 0.0f);
        QVERIFY(offsets.logit[kOpenLead] > 0.0f && offsets.logit[kRefrozenLead] > 0.0f);
        const auto after = argmaxFractions(logits, offsets);
        for (int k : {kOpenLead, kRefrozenLead})
            QVERIFY2(std::abs(after[k] - expected[k]) < 0.1 * expected[k] + 1e-3,
                     qPrintable(QString("class %1: %2 counted, %3 expected").arg(k).arg(after[k]).arg(expected[k])));
    }

    void anAbsentClassKeepsItsLogits()
    {
        const std::vector<std::array<float, kClassCount>> floeOnly(500, {3.0f, -1.0f, -40.0f});
        const ClassOffsets offsets = fitClassFractions(floeOnly);
        QCOMPARE(offsets.logit[kRefrozenLead], 0.0f);
        QVERIFY(std::abs(offsets.logit[kOpenLead]) <= kMaxClassOffset);
        QCOMPARE(fitClassFractions({}).logit, (std::array<float, kClassCount>{}));
    }
};

BANQUISE_REGISTER_TEST(TestClassCalibration);
#include "tst_ClassCalibration.moc"
