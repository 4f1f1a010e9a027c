#include "common/TestRegistry.h"

#include "widgets/ActiveLearningPanel.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QSpinBox>
#include <QTest>

using namespace banquise::widgets;

class TestActiveLearningPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rankingAsksForTheChosenStrategy()
    {
        ActiveLearningPanel panel;
        QSignalSpy rank(&panel, &ActiveLearningPanel::rankRequested);
        panel.findChild<QComboBox*>("strategy")->setCurrentText("bald");
        QTest::mouseClick(panel.findChild<QPushButton*>("rankTiles"), Qt::LeftButton);
        QCOMPARE(rank.count(), 1);
        QCOMPARE(rank.front().front().toString(), QString("bald"));
    }

    void nextStepsThroughTheQueueInOrder()
    {
        ActiveLearningPanel panel;
        QSignalSpy chosen(&panel, &ActiveLearningPanel::tileChosen);
        panel.nextTile(); // an empty queue: nothing
        QCOMPARE(chosen.count(), 0);
        panel.setQueue({{QRect(0, 0, 256, 256), 0.9}, {QRect(256, 512, 256, 256), 0.7}});
        QCOMPARE(panel.findChild<QTableWidget*>("queue")->item(1, 2)->text(), QString("0.700"));
        QTest::mouseClick(panel.findChild<QPushButton*>("nextTile"), Qt::LeftButton);
        QTest::mouseClick(panel.findChild<QPushButton*>("nextTile"), Qt::LeftButton);
        QTest::mouseClick(panel.findChild<QPushButton*>("nextTile"), Qt::LeftButton); // wraps to the first
        QCOMPARE(chosen.count(), 3);
        QCOMPARE(chosen.at(0).front().toRect(), QRect(0, 0, 256, 256));
        QCOMPARE(chosen.at(1).front().toRect(), QRect(256, 512, 256, 256));
        QCOMPARE(chosen.at(2).front().toRect(), QRect(0, 0, 256, 256));
        QCOMPARE(panel.currentIndex(), 0);
    }

    void roundsAreCounted()
    {
        ActiveLearningPanel panel;
        panel.addRound(1200, 0.61);
        panel.addRound(2500, 0.68);
        QCOMPARE(panel.roundCount(), 2);
        QCOMPARE(panel.retrainEvery(), 0); // on demand unless asked
        panel.setRetrainEvery(25);
        QCOMPARE(panel.retrainEvery(), 25);
    }

    void fineTuningEffortIsTheUsersChoice()
    {
        ActiveLearningPanel panel;
        QCOMPARE(panel.fineTuneSteps(), 100);
        auto* steps = panel.findChild<QSpinBox*>("fineTuneSteps");
        QVERIFY(steps);
        steps->setValue(40);
        QCOMPARE(panel.fineTuneSteps(), 40);
        steps->setValue(0); // at least one step
        QCOMPARE(panel.fineTuneSteps(), 1);
    }
};

BANQUISE_REGISTER_TEST(TestActiveLearningPanel);
#include "tst_ActiveLearningPanel.moc"
