#include "common/TestRegistry.h"

#include "widgets/ActiveLearningPanel.h"
#include "widgets/PixelQuestionsPanel.h"

#include <QAction>
#include <QLabel>

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

    void classKeysAnswerOnlyAQuestionUnderFocus()
    {
        ActiveLearningPanel panel;
        PixelQuestionsPanel* questions = panel.pixelQuestions();
        QSignalSpy ask(questions, &PixelQuestionsPanel::askRequested);
        QSignalSpy answered(questions, &PixelQuestionsPanel::answered);
        questions->setBatchSize(20);
        questions->askAction()->trigger();
        QCOMPARE(ask.count(), 1);
        QCOMPARE(ask.front().front().toInt(), 20);
        // No question yet: the answer keys rest.
        QVERIFY(!questions->answering());
        questions->answerAction(banquise::labeling::LabelCode::OpenLead)->trigger();
        QCOMPARE(answered.count(), 0);

        questions->showQuestion(2, 20, 2, QPoint(31, 47));
        QVERIFY(questions->answering());
        const QString status = questions->findChild<QLabel*>("pixelQuestionStatus")->text();
        QVERIFY2(status.contains("Pixel 3 of 20") && status.contains("column 31, row 47"), qPrintable(status));
        QVERIFY2(status.indexOf("floe (1)") < status.indexOf("don't know (0)"), qPrintable(status));
        QCOMPARE(questions->answerAction(banquise::labeling::LabelCode::OpenLead)->shortcut(), QKeySequence("2"));
        questions->answerAction(banquise::labeling::LabelCode::OpenLead)->trigger();
        questions->answerAction(banquise::labeling::LabelCode::Unknown)->trigger(); // don't know
        QCOMPARE(answered.count(), 2);
        QVERIFY(answered.at(0).front().value<banquise::labeling::LabelCode>() == banquise::labeling::LabelCode::OpenLead);
        QVERIFY(answered.at(1).front().value<banquise::labeling::LabelCode>() == banquise::labeling::LabelCode::Unknown);

        questions->showNoQuestion("All answered.");
        QVERIFY(!questions->answering());
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
