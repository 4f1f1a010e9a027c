#include "common/TestRegistry.h"

#include "models/ClickCorrection.h"
#include "models/ClickProtocol.h"
#include "models/Scores.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <opencv2/core.hpp>

using namespace banquise::models;

class TestClickProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theClickGoesToTheHeartOfTheLargestWrongRegion()
    {
        cv::Mat1b truth(60, 80, std::uint8_t(kFloe));
        cv::Mat1b predicted = truth.clone();
        predicted(cv::Rect(10, 10, 5, 5)).setTo(kOpenLead);       // small error
        predicted(cv::Rect(40, 15, 31, 31)).setTo(kRefrozenLead); // large error, centre (55, 30)
        truth(cv::Rect(0, 50, 80, 10)).setTo(kNoClass);           // unknown truth is never an error
        predicted(cv::Rect(0, 50, 80, 10)).setTo(kOpenLead);
        const auto click = nextCorrectiveClick(predicted, truth, {100, 200});
        QVERIFY(click.has_value());
        QCOMPARE(click->column, 100 + 55);
        QCOMPARE(click->row, 200 + 30);
        QCOMPARE(click->modelClass, int(kFloe));
        QVERIFY(click->positive);
        QVERIFY(!nextCorrectiveClick(truth, truth, {0, 0}).has_value());
    }

    void aRegionAtTheTileEdgeIsClickedInside()
    {
        cv::Mat1b truth(40, 40, std::uint8_t(kOpenLead));
        cv::Mat1b predicted = truth.clone();
        predicted(cv::Rect(0, 0, 10, 40)).setTo(kFloe); // a band along the left edge
        const auto click = nextCorrectiveClick(predicted, truth, {0, 0});
        QVERIFY(click && click->column >= 0 && click->column < 10);
    }

    // The perfect local correction: each click mends exactly its region,
    // so the mean IoU climbs region by region, the largest first.
    void theOracleMendsOneWrongRegionPerClick()
    {
        cv::Mat1b truth(40, 40, std::uint8_t(kFloe));
        truth(cv::Rect(0, 0, 40, 10)).setTo(kOpenLead);
        cv::Mat1b predicted = truth.clone();
        predicted(cv::Rect(20, 20, 10, 10)).setTo(kOpenLead); // 100 floe pixels taken for lead
        predicted(cv::Rect(0, 0, 4, 4)).setTo(kFloe);         // 16 lead pixels taken for floe
        const ClickCurve curve = oracleClickCurve(predicted, truth, 3);
        QCOMPARE(curve.meanIou.size(), std::size_t(4));
        QCOMPARE(curve.meanIou[0], scoreSegmentation(predicted, truth).meanIou);
        cv::Mat1b once = predicted.clone();
        once(cv::Rect(20, 20, 10, 10)).setTo(kFloe);
        QCOMPARE(curve.meanIou[1], scoreSegmentation(once, truth).meanIou);
        QCOMPARE(curve.meanIou[2], 1.0);
        QCOMPARE(curve.meanIou[3], 1.0); // nothing left to mend
    }

    // A lead the prediction took for floe: one click on it corrects the dark
    // pixels of that floe segment connected to it, within reach, and
    // nothing that looks like floe.
    void aClickCorrectsTheLookalikesOfItsSegment()
    {
        cv::Mat1f db(300, 300, -12.0f);         // floe
        db(cv::Rect(0, 100, 300, 6)).setTo(-22.0f); // a dark lead across the tile
        const cv::Mat1b base(300, 300, std::uint8_t(kFloe)); // all taken for floe
        const cv::Mat1f appearance = smoothedDecibels(db);
        cv::Mat1b classes = base.clone();
        const cv::Point origin(1000, 2000);
        correctLookalikes(classes, base, appearance, Click{origin.x + 150, origin.y + 103, kOpenLead, true}, origin);
        QCOMPARE(int(classes(103, 150)), int(kOpenLead));
        QCOMPARE(int(classes(102, 40)), int(kOpenLead));  // along the lead, within reach
        QCOMPARE(int(classes(103, 290)), int(kFloe));     // the same lead 140 px away: beyond reach
        QCOMPARE(int(classes(50, 150)), int(kFloe));      // the floe stays
        QCOMPARE(int(classes(120, 150)), int(kFloe));
        const int corrected = cv::countNonZero(classes == kOpenLead);
        QVERIFY2(corrected > 200 * 4 && corrected < 260 * 6, qPrintable(QString::number(corrected)));
        // A click on a pixel already of its class, or a negative one, changes nothing.
        cv::Mat1b untouched = base.clone();
        correctLookalikes(untouched, base, appearance, Click{origin.x + 150, origin.y + 50, kFloe, true}, origin);
        correctLookalikes(untouched, base, appearance, Click{origin.x + 150, origin.y + 103, kFloe, false}, origin);
        QCOMPARE(cv::countNonZero(untouched != base), 0);
        // A lead click on a pixel that looks like the floe around it (a
        // lead the SAR does not see) spreads to no lookalike: on the demo
        // tile such a click once turned 49 000 floe pixels into lead.
        cv::Mat1b unseen = base.clone();
        correctLookalikes(unseen, base, appearance, Click{origin.x + 150, origin.y + 50, kOpenLead, true}, origin);
        QCOMPARE(cv::countNonZero(unseen != base), 0);
    }

    void curvesGiveClicksToTargetsAndGains()
    {
        ClickCurve curve;
        curve.meanIou = {0.6, 0.7, 0.8, 0.86, 0.88, 0.91};
        QCOMPARE(curve.clicksToReach(0.85, 20), 3);
        QCOMPARE(curve.clicksToReach(0.90, 20), 5);
        QCOMPARE(curve.clicksToReach(0.95, 20), 20); // never reached: the cap
        QCOMPARE(curve.clicksToReach(0.90, 4), 4);
        QVERIFY(std::abs(curve.gainAfter(2) - 0.2) < 1e-12);
        QVERIFY(std::abs(curve.gainAfter(10) - 0.31) < 1e-12); // past the end: the last
    }
};

BANQUISE_REGISTER_TEST(TestClickProtocol);
#include "tst_ClickProtocol.moc"
