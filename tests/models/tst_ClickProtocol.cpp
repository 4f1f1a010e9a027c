#include "common/TestRegistry.h"

#include "models/ClickCorrection.h"
#include "models/ClickProtocol.h"
#include "models/Scores.h"
#include "models/SeaIceClasses.h"

#include <QTest>

#include <opencv2/core.hpp>

using namespace banquise::models;

namespace {
// A 300 x 300 tile of floe (-12 dB) crossed by a dark lead (-22 dB, rows
// 100..105) that the model half believes in (lead probability 0.4
// there, 0.05 on the floe) and took for floe.
struct LeadTile {
    cv::Mat1f appearance;
    ClassProbabilities probabilities;
    cv::Mat1b classes;
};
LeadTile leadTile()
{
    cv::Mat1f db(300, 300, -12.0f);
    db(cv::Rect(0, 100, 300, 6)).setTo(-22.0f);
    LeadTile t{smoothedDecibels(db), {}, cv::Mat1b(300, 300, std::uint8_t(kFloe))};
    t.probabilities[kFloe] = cv::Mat1f(300, 300, 0.9f);
    t.probabilities[kOpenLead] = cv::Mat1f(300, 300, 0.05f);
    t.probabilities[kRefrozenLead] = cv::Mat1f(300, 300, 0.05f);
    t.probabilities[kOpenLead](cv::Rect(0, 100, 300, 6)).setTo(0.4f);
    t.probabilities[kFloe](cv::Rect(0, 100, 300, 6)).setTo(0.55f);
    return t;
}
} // namespace

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

    void aClickCorrectsTheRegionTheModelAndTheSarTieToIt()
    {
        LeadTile t = leadTile();
        const cv::Point origin(1000, 2000);
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{origin.x + 150, origin.y + 103, kOpenLead, true}, origin);
        QCOMPARE(int(t.classes(103, 150)), int(kOpenLead));
        QCOMPARE(int(t.classes(102, 40)), int(kOpenLead));  // along the lead, within reach
        QCOMPARE(int(t.classes(103, 290)), int(kFloe));     // the same lead 140 px away: beyond reach
        QCOMPARE(int(t.classes(50, 150)), int(kFloe));      // the floe stays
        QCOMPARE(int(t.classes(120, 150)), int(kFloe));
        const int corrected = cv::countNonZero(t.classes == kOpenLead);
        QVERIFY2(corrected > 200 * 4 && corrected < 260 * 6, qPrintable(QString::number(corrected)));
        // A click that agrees with the map changes nothing.
        const cv::Mat1b before = t.classes.clone();
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{origin.x + 150, origin.y + 50, kFloe, true}, origin);
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{origin.x + 150, origin.y + 50, kOpenLead, false}, origin);
        QCOMPARE(cv::countNonZero(t.classes != before), 0);
    }

    void aClickTheModelGivesNoCreditStaysInItsNeighbourhood()
    {
        // A lead click on floe that looks like floe and that the model calls
        // floe with confidence (lead 0.05): it is the user's word against the
        // model's, so only the click's neighbourhood changes.
        LeadTile t = leadTile();
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{150, 50, kOpenLead, true}, {0, 0});
        const int changed = cv::countNonZero(t.classes != kFloe);
        QVERIFY2(changed > 20 && changed <= 17 * 17, qPrintable(QString::number(changed)));
        QCOMPARE(int(t.classes(50, 160)), int(kFloe));
    }

    void aLeadKindIsSwappedAlongTheWholeSegment()
    {
        // The lead taken for refrozen: an open-lead click turns its whole
        // segment within reach, whatever the backscatter along it.
        LeadTile t = leadTile();
        t.classes(cv::Rect(0, 100, 300, 6)).setTo(kRefrozenLead);
        t.appearance(cv::Rect(0, 100, 60, 6)).setTo(-8.0f); // a bright, wind-roughened stretch
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{150, 103, kOpenLead, true}, {0, 0});
        QCOMPARE(int(t.classes(103, 30)), int(kOpenLead));
        QCOMPARE(int(t.classes(103, 290)), int(kRefrozenLead)); // beyond reach
        QCOMPARE(int(t.classes(50, 150)), int(kFloe));
    }

    void aNegativeClickOnALeadGivesItsRegionBackToFloe()
    {
        // Floe taken for lead next to the real one: "not lead" there makes
        // floe of the floe-like pixels, not of the lead.
        LeadTile t = leadTile();
        t.classes(cv::Rect(0, 100, 300, 6)).setTo(kOpenLead);
        t.classes(cv::Rect(100, 80, 100, 20)).setTo(kOpenLead); // wrong, above the lead
        correctClickedRegion(t.classes, t.probabilities, t.appearance, Click{150, 85, kOpenLead, false}, {0, 0});
        QCOMPARE(cv::countNonZero(t.classes(cv::Rect(100, 80, 100, 18)) != kFloe), 0);
        QCOMPARE(cv::countNonZero(t.classes(cv::Rect(0, 101, 300, 4)) != kOpenLead), 0);
    }
};

BANQUISE_REGISTER_TEST(TestClickProtocol);
#include "tst_ClickProtocol.moc"
