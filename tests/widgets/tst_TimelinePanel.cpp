#include "common/TestRegistry.h"

#include "widgets/TimelinePanel.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace banquise::widgets;

namespace {
constexpr double kDay = 86400.0;
constexpr double kFirst = 1710432312.0; // 2024-03-14T16:05:12Z

std::vector<Acquisition> series()
{
    return {{"Sentinel-1", "S1 HH sigma0", kFirst},
            {"Sentinel-1", "S1 HH sigma0 2024-03-16", kFirst + 1.5 * kDay},
            {"Sentinel-1", "S1 HH sigma0 2024-03-17", kFirst + 3.0 * kDay},
            {"CryoSat-2", "CryoSat-2 freeboard", kFirst + 0.1 * kDay},
            {"CryoSat-2", "CryoSat-2 freeboard 2024-03-16", kFirst + 1.6 * kDay},
            {"AMSR-2", "AMSR-2 SIC", kFirst - 0.2 * kDay}};
}
} // namespace

class TestTimelinePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyAcquisitionSitsOnItsSensorsRowAtItsTime()
    {
        TimelinePanel panel;
        panel.resize(600, 160);
        panel.setAcquisitions(series(), {kFirst, kFirst + 1.5 * kDay, kFirst + 3.0 * kDay});
        QCOMPARE(panel.rowOf("Sentinel-1"), 0); // SAR first, though AMSR-2 came earlier
        QCOMPARE(panel.rowOf("AMSR-2"), 1);
        QCOMPARE(panel.rowOf("CryoSat-2"), 2);
        QCOMPARE(panel.rowOf("SWOT"), -1);
        QVERIFY(panel.xOf(kFirst) < panel.xOf(kFirst + 1.5 * kDay));
        const QImage image = panel.grab().toImage();
        const QColor background = image.pixelColor(panel.width() - 2, panel.height() - 2);
        for (const Acquisition& a : series()) {
            const QColor mark = image.pixelColor(panel.xOf(a.time), panel.yOfRow(panel.rowOf(a.sensor)));
            QVERIFY2(mark != background && mark.blue() > mark.red(), qPrintable(a.layer));
        }
        // Half-way between two SAR dates on the SAR row: nothing drawn but the row's line.
        const QColor between = image.pixelColor(panel.xOf(kFirst + 0.75 * kDay), panel.yOfRow(0) - 4);
        QCOMPARE(between, background);
    }

    void theDatesAreChosenByClickKeysAndPlay()
    {
        TimelinePanel panel;
        panel.resize(600, 160);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setAcquisitions(series(), {kFirst, kFirst + 1.5 * kDay, kFirst + 3.0 * kDay});
        QSignalSpy chosen(&panel, &TimelinePanel::dateChosen);
        QTest::mouseClick(&panel, Qt::LeftButton, {}, QPoint(panel.xOf(kFirst + 2.9 * kDay), panel.yOfRow(2)));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.back().at(0).toInt(), 2); // the nearest SAR date
        QTest::keyClick(&panel, Qt::Key_Left);
        QCOMPARE(panel.currentDate(), 1);
        QTest::keyClick(&panel, Qt::Key_Right);
        QTest::keyClick(&panel, Qt::Key_Right); // stays on the last
        QCOMPARE(panel.currentDate(), 2);
        QCOMPARE(chosen.back().at(1).toDouble(), kFirst + 3.0 * kDay);
        // Play runs through the dates, round to the first again.
        chosen.clear();
        panel.findChild<QToolButton*>("timelinePlay")->click();
        QVERIFY(panel.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(chosen.count() >= 2, 5000);
        QCOMPARE(chosen.at(0).at(0).toInt(), 0);
        QCOMPARE(chosen.at(1).at(0).toInt(), 1);
        panel.findChild<QToolButton*>("timelinePlay")->click();
        QVERIFY(!panel.isPlaying());
        QSignalSpy compensated(&panel, &TimelinePanel::compensatedChanged);
        panel.findChild<QCheckBox*>("timelineCompensated")->click();
        QCOMPARE(compensated.count(), 1);
        QVERIFY(panel.compensated());
    }
};

BANQUISE_REGISTER_TEST(TestTimelinePanel);
#include "tst_TimelinePanel.moc"
