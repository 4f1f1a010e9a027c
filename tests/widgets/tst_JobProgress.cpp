#include "common/TestRegistry.h"

#include "widgets/JobProgress.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using banquise::widgets::JobProgress;
using banquise::widgets::JobRow;

class TestJobProgress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheOldestJobAndCancelsIt()
    {
        JobProgress progress;
        progress.showJobs({});
        QVERIFY(progress.isHidden()); // idle
        progress.showJobs({{7, "Loading scene", true, 0.5, "warping SAR"}, {9, "Ranking the tiles", false, 0.0, ""}});
        QVERIFY(progress.isVisible());
        const QString text = progress.findChild<QLabel*>()->text();
        QVERIFY2(text.contains("Loading scene") && text.contains("warping SAR") && text.contains("+1 more"), qPrintable(text));
        QCOMPARE(progress.findChild<QProgressBar*>()->value(), 50);
        QVERIFY(progress.toolTip().contains("Ranking the tiles (waiting)"));
        QSignalSpy cancel(&progress, &JobProgress::cancelRequested);
        QTest::mouseClick(progress.findChild<QToolButton*>("cancelJob"), Qt::LeftButton);
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.front().front().toULongLong(), quint64(7));

        // A job that reports no progress shows as busy.
        progress.showJobs({{9, "Ranking the tiles", true, 0.0, ""}});
        QCOMPARE(progress.findChild<QProgressBar*>()->maximum(), 0);
        progress.showJobs({});
        QVERIFY(progress.isHidden());
    }
};

BANQUISE_REGISTER_TEST(TestJobProgress);
#include "tst_JobProgress.moc"
