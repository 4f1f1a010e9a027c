#include "common/TestRegistry.h"

#include "widgets/TrainingPanel.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace banquise;

class TestTrainingPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossCurvesGrowWithEachStep()
    {
        widgets::TrainingPanel panel;
        panel.show();
        for (int step = 1; step <= 5; ++step) {
            models::TrainingProgress p;
            p.step = step;
            p.steps = 10;
            p.total = 1.0 / step;
            panel.addProgress(p);
        }
        QCOMPARE(panel.plottedSteps(), 5);
        QCOMPARE(panel.findChild<QProgressBar*>()->value(), 5);
        panel.clearCurves();
        QCOMPARE(panel.plottedSteps(), 0);
    }

    void buttonsAskForTheJobsAndFollowTheRunningState()
    {
        widgets::TrainingPanel panel;
        panel.show();
        QSignalSpy train(&panel, &widgets::TrainingPanel::trainRequested);
        QSignalSpy cancel(&panel, &widgets::TrainingPanel::cancelRequested);
        panel.findChild<QSpinBox*>("trainingSteps")->setValue(37);
        auto* trainButton = panel.findChild<QPushButton*>("trainModels");
        auto* cancelButton = panel.findChild<QPushButton*>("cancelTraining");
        QVERIFY(!cancelButton->isEnabled());
        QTest::mouseClick(trainButton, Qt::LeftButton);
        QCOMPARE(train.size(), 1);
        QCOMPARE(train.front().front().toInt(), 37);
        panel.setRunning(true);
        QVERIFY(!trainButton->isEnabled());
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QCOMPARE(cancel.size(), 1);
        panel.setRunning(false);
        QVERIFY(trainButton->isEnabled() && !cancelButton->isEnabled());
    }
};

BANQUISE_REGISTER_TEST(TestTrainingPanel);
#include "tst_TrainingPanel.moc"
