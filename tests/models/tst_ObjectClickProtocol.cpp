#include "common/TestRegistry.h"

#include "models/ObjectClickProtocol.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace banquise::models;

namespace {
// A 120 x 120 tile of floe crossed by a 7-pixel open lead (columns 30..36),
// a 2-pixel refrozen lead (rows 80..81, columns 50..119) and a 5 x 5
// refrozen speck too small to count.
cv::Mat1b truthTile()
{
    cv::Mat1b truth(120, 120, static_cast<unsigned char>(kFloe));
    truth(cv::Rect(30, 0, 7, 120)).setTo(kOpenLead);
    truth(cv::Rect(50, 80, 70, 2)).setTo(kRefrozenLead);
    truth(cv::Rect(100, 20, 5, 5)).setTo(kRefrozenLead);
    return truth;
}

const ClickObject& objectOf(const std::vector<ClickObject>& objects, int modelClass)
{
    for (const ClickObject& object : objects)
        if (object.modelClass == modelClass)
            return object;
    throw std::runtime_error("no object of that class");
}
} // namespace

class TestObjectClickProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void objectsAreComponentsSplitByWidth()
    {
        const auto objects = findClickObjects(truthTile());
        // Two floes (left and right of the open lead; the thin lead does
        // not cut the right one), the open lead, the thin lead; no speck.
        QCOMPARE(objects.size(), std::size_t(4));
        const ClickObject& open = objectOf(objects, kOpenLead);
        QVERIFY(!open.thin);
        QCOMPARE(open.box, cv::Rect(30 - kObjectMargin, 0, 7 + 2 * kObjectMargin, 120));
        QCOMPARE(cv::countNonZero(open.pixels == kObjectPixel), 7 * 120);
        const ClickObject& thin = objectOf(objects, kRefrozenLead);
        QVERIFY(thin.thin);
        QVERIFY(cv::countNonZero(thin.centreline) >= 60); // a line along the lead
        QCOMPARE(cv::countNonZero(thin.pixels == kIgnoredPixel), 0); // the speck is outside its box
    }

    void theUserClicksTheHeartOfTheLargerError()
    {
        const cv::Mat1b truth = truthTile();
        const ClickObject open = objectOf(findClickObjects(truth), kOpenLead);
        const cv::Mat1b none = cv::Mat1b::zeros(truth.size());
        // The lead missed entirely: a positive click on its centre line.
        cv::Mat1b missed = truth.clone();
        missed(cv::Rect(30, 0, 7, 120)).setTo(kFloe);
        const auto first = nextObjectClick(missed, open, none, {1000, 2000});
        QVERIFY(first && first->positive);
        QCOMPARE(first->column, 1000 + 33);
        QCOMPARE(first->modelClass, int(kOpenLead));
        QVERIFY(first->row >= 2000 && first->row < 2120);
        // The lead found, with a wide wrong band beside it: a negative click in the band.
        cv::Mat1b extra = truth.clone();
        extra(cv::Rect(37, 20, 9, 60)).setTo(kOpenLead);
        const auto second = nextObjectClick(extra, open, none, {0, 0});
        QVERIFY(second && !second->positive);
        QCOMPARE(second->column, 41);
        QVERIFY(!nextObjectClick(truth, open, none, {0, 0}));
        QCOMPARE(objectIou(truth, open), 1.0);
        QCOMPARE(objectIou(extra, open), 7.0 * 120 / (7 * 120 + 9 * 60));
    }

    void aModelThatIgnoresClicksFailsWithoutRepeatingAClick()
    {
        const cv::Mat1b truth = truthTile();
        const ClickObject open = objectOf(findClickObjects(truth), kOpenLead);
        cv::Mat1b initial = truth.clone();
        initial(cv::Rect(30, 0, 7, 60)).setTo(kFloe); // half the lead missed
        std::vector<Click> seen;
        const auto deaf = [&](const std::vector<Click>& clicks) {
            seen = clicks;
            return initial.clone();
        };
        const auto run = refineObject(deaf, open, {0, 0});
        QCOMPARE(run.size(), std::size_t(kMaxObjectClicks + 1));
        QCOMPARE(seen.size(), std::size_t(kMaxObjectClicks));
        for (std::size_t i = 0; i < seen.size(); ++i)
            for (std::size_t j = i + 1; j < seen.size(); ++j)
                QVERIFY(seen[i].column != seen[j].column || seen[i].row != seen[j].row);
        const NocSummary summary = summariseObjectRuns({run});
        QCOMPARE(summary.noc90, double(kMaxObjectClicks));
        QCOMPARE(summary.failureRate, 1.0);
        QCOMPARE(summary.meanBefore, 0.5);
    }

    void paintingFillsTheClickedRegionWithoutCrossingIntoAnother()
    {
        const cv::Mat1b truth = truthTile();
        const ClickObject open = objectOf(findClickObjects(truth), kOpenLead);
        cv::Mat1b initial = truth.clone();
        initial(cv::Rect(30, 0, 7, 120)).setTo(kFloe);
        const PaintControl paint(initial, truth, {0, 0});
        const auto run = refineObject(paint, open, {0, 0});
        // Each disk (radius 3 inside a 7-pixel lead) paints a few rows only,
        // never floe: the lead is not done in 20 clicks, and nothing is wrong outside it.
        QVERIFY(run[1] > 0.0 && run[1] < 0.1);
        QVERIFY(run[kMaxObjectClicks] < 0.9);
        std::vector<Click> clicks{{33, 60, kOpenLead, true}};
        const cv::Mat1b painted = paint(clicks);
        QCOMPARE(cv::countNonZero((painted != truth) & (initial == truth)), 0);
        QCOMPARE(painted(60, 33), static_cast<unsigned char>(kOpenLead));
        QCOMPARE(painted(60, 37), static_cast<unsigned char>(kFloe));
    }

    void aClickThatMendsItsRegionReachesTheTargetAtOnce()
    {
        const cv::Mat1b truth = truthTile();
        const ClickObject open = objectOf(findClickObjects(truth), kOpenLead);
        cv::Mat1b initial = truth.clone();
        initial(cv::Rect(30, 0, 7, 120)).setTo(kFloe);
        const auto mend = [&](const std::vector<Click>& clicks) { return clicks.empty() ? initial.clone() : truth.clone(); };
        const auto run = refineObject(mend, open, {0, 0});
        QCOMPARE(run[0], 0.0);
        QCOMPARE(run[1], 1.0);
        const NocSummary summary = summariseObjectRuns({run, run});
        QCOMPARE(summary.noc85, 1.0);
        QCOMPARE(summary.noc90, 1.0);
        QCOMPARE(summary.failureRate, 0.0);
        QCOMPARE(summary.meanAfter[3], 1.0);
    }

    void theLocalCeilingMendsTheClickedRegionOnly()
    {
        const cv::Mat1b truth = truthTile();
        cv::Mat1b initial = truth.clone();
        initial(cv::Rect(30, 0, 7, 50)).setTo(kFloe);     // a missed piece of the lead
        initial(cv::Rect(5, 90, 10, 10)).setTo(kOpenLead); // a wrong blob elsewhere
        const LocalCorrectionOracle oracle(initial, truth, {10, 20});
        const cv::Mat1b mended = oracle({Click{10 + 33, 20 + 10, kOpenLead, true}});
        QCOMPARE(cv::countNonZero(mended(cv::Rect(30, 0, 7, 50)) != kOpenLead), 0);
        QCOMPARE(cv::countNonZero(mended(cv::Rect(5, 90, 10, 10)) != kOpenLead), 0);
        QCOMPARE(cv::countNonZero(oracle({Click{10 + 50, 20 + 50, kFloe, true}}) != initial), 0); // on a right pixel: nothing
    }

    void aThinLeadIsScoredByItsCentreLine()
    {
        const cv::Mat1b truth = truthTile();
        const ClickObject thin = objectOf(findClickObjects(truth), kRefrozenLead);
        QCOMPARE(centrelineRecall(truth, thin), 1.0);
        cv::Mat1b open = truth.clone();
        open(cv::Rect(50, 80, 70, 2)).setTo(kOpenLead); // either lead class keeps it
        QCOMPARE(centrelineRecall(open, thin), 1.0);
        cv::Mat1b half = truth.clone();
        half(cv::Rect(85, 78, 35, 6)).setTo(kFloe);
        const double recall = centrelineRecall(half, thin);
        QVERIFY2(recall > 0.4 && recall < 0.6, qPrintable(QString::number(recall)));
    }
};

BANQUISE_REGISTER_TEST(TestObjectClickProtocol);
#include "tst_ObjectClickProtocol.moc"
