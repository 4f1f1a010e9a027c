#include "common/TestRegistry.h"
#include "common/WindowFixture.h"

#include "app/ClickRefinement.h"
#include "app/ComparisonWorkbench.h"
#include "app/LabelingWorkbench.h"
#include "app/ModelWorkbench.h"
#include "labeling/LabelClass.h"
#include "labeling/LabelSession.h"
#include "labeling/LabelLayer.h"
#include "labeling/ModelLabels.h"
#include "models/InteractiveSegmentation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "models/SeaIceModel.h"
#include "models/TorchScriptModel.h"
#include "rendering/ViewScene.h"
#include "scene/Scene.h"
#include "widgets/ComparisonPanel.h"
#include "widgets/HeightFieldView.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/LayerPanel.h"
#include "widgets/ProfileTool.h"
#include "widgets/TrainingPanel.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace banquise;

// The window's model jobs and SWOT comparison: training with its
// loss curves and cancel, TorchScript models, a job whose scene closes, and
// the comparison dock with its report.
class TestWindowModels : public tests::WindowFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    void trainingDrawsItsLossAndPutsTheMapsInTheViews()
    {
        QVERIFY(openSyntheticScene("synthetic", 12.0));

        app::ModelWorkbench* models = m_window->models();
        // Cancel stops a long training at its next step and says so, as a
        // cancel, not an error (issue 22: it opened a warning box).
        QSignalSpy failed(models, &app::ModelWorkbench::jobFailed);
        QSignalSpy cancelled(models, &app::ModelWorkbench::jobCancelled);
        models->trainInBackground(100000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->trainingPanel()->plottedSteps() > 0, 60000);
        QTest::mouseClick(m_window->trainingPanel()->findChild<QPushButton*>("cancelTraining"), Qt::LeftButton);
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(!m_window->findChild<QMessageBox*>("problemMessage"));
        QVERIFY(!models->hasModel());

        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(20);
        QVERIFY(predicted.wait(120000));
        QCOMPARE(m_window->trainingPanel()->plottedSteps(), 20);
        const scene::Scene& s = *m_window->currentScene();
        for (const char* name : {"Model classes", "Model class entropy", "Model despeckled HH", "Model freeboard", "Model freeboard std",
                                 "Model thickness", "Model thickness std"})
            QVERIFY2(s.findLayer(name), name);
        // View 1 shows the classes, in their label colours.
        const rendering::ViewScene& stack = m_window->viewGrid()->view(1)->viewScene();
        const int classes = stack.indexOf(*s.findLayer("Model classes"));
        QVERIFY(classes >= 0 && stack.style(classes).visible);
        QApplication::processEvents();
        const QImage image = m_window->viewGrid()->view(1)->grab().toImage();
        const QColor pixel = image.pixelColor(image.width() / 2 + 17, image.height() / 2 + 23);
        bool labelColour = false;
        for (const auto& c : labeling::labelClasses())
            labelColour = labelColour || (std::abs(pixel.red() - c.colour[0]) < 8 && std::abs(pixel.green() - c.colour[1]) < 8
                                          && std::abs(pixel.blue() - c.colour[2]) < 8);
        QVERIFY2(labelColour, qPrintable(pixel.name()));
        // The model can be saved and reloaded; a bad file is explained, the maps stay.
        const QString saved = QString::fromStdString(m_folder.path("model.pt"));
        QVERIFY(models->saveModel(saved));
        models->loadModel(saved + ".missing");
        QCOMPARE(failed.size(), 1); // the missing file; the cancel was none
        QVERIFY(m_window->currentScene()->findLayer("Model classes"));

        // A TorchScript model loads and predicts in the window as in the CLI;
        // what only a Banquise model does says so.
        const QString script = QString::fromStdString(m_folder.path("model.ts"));
        models::exportTorchScript(*models->model(), script.toStdString());
        QSignalSpy predictedByScript(models, &app::ModelWorkbench::predictionShown);
        models->loadModel(script);
        QVERIFY(predictedByScript.wait(60000));
        QVERIFY(models->hasModel());
        QVERIFY(!models->model());
        QVERIFY(models->modelSource().contains("model.ts"));
        QVERIFY(m_window->currentScene()->findLayer("Model classes"));
        QVERIFY(!models->saveModel(QString::fromStdString(m_folder.path("again.pt"))));
        QVERIFY(failed.back().front().toString().contains("TorchScript"));
    }

    void aJobOfASceneClosedMeanwhileStopsAndLeavesTheNextSceneAlone()
    {
        QVERIFY(openSyntheticScene("first", 8.0));
        app::ModelWorkbench* models = m_window->models();
        QSignalSpy cancelled(models, &app::ModelWorkbench::jobCancelled);
        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(5000); // still training when the next scene opens
        QVERIFY(openSyntheticScene("second", 8.0));
        QVERIFY(cancelled.size() == 1 || cancelled.wait(60000));
        QVERIFY(!models->isBusy());
        QCOMPARE(predicted.size(), 0);
        QVERIFY(!m_window->currentScene()->findLayer("Model classes"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains("no longer open"), qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(m_window->findChildren<QMessageBox*>("problemMessage").isEmpty()); // a stop, not an error
    }

    // Issue 22: a retrain while a click refines fine-tunes a copy of the
    // model; the click ends on the model it started with, which the
    // fine-tuning leaves as it was, and the new model is swapped in after.
    void aRetrainDuringAClickKeepsTheClickOnTheOldModel()
    {
        QVERIFY(openSyntheticScene("retrained", 8.0));
        app::LabelingWorkbench* labels = m_window->labeling();
        QVERIFY(labels->openProject(QString::fromStdString(m_folder.path("retrained.banquise"))));
        app::ModelWorkbench* models = m_window->models();
        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(10);
        QVERIFY(predicted.wait(120000));
        const auto old = models->model();
        const auto inputs = models->inputs();
        const cv::Rect tile(0, 0, 200, 200); // the whole 8 km scene
        const std::vector<models::Click> clicks{{100, 120, models::kRefrozenLead, true}};
        const cv::Mat1b expected = models::InteractiveSegmentation(*old, *inputs, tile).classes(clicks);

        app::ClickRefinement* refinement = m_window->clickRefinement();
        cv::Mat1b refinedClasses;
        connect(refinement, &app::ClickRefinement::refined, this, [&] {
            refinedClasses = cv::Mat1b(tile.size());
            for (int r = 0; r < tile.height; ++r)
                for (int c = 0; c < tile.width; ++c)
                    refinedClasses(r, c) = static_cast<std::uint8_t>(labeling::modelClassOf(labeling::LabelCode(refinement->layer()->at(c, r))));
        });
        QSignalSpy trained(models, &app::ModelWorkbench::trainingFinished);
        labels->session()->addClick(labeling::LabelCode::RefrozenLead, true, {100.5, 120.5});
        cv::Mat1b userLabels(inputs->height(), inputs->width(), models::kNoClass);
        cv::circle(userLabels, {100, 120}, 3, models::kRefrozenLead, cv::FILLED);
        models->fineTuneInBackground(10, userLabels);
        QVERIFY(models->isBusy()); // the click's job and the fine-tuning run side by side
        QTRY_VERIFY_WITH_TIMEOUT(!refinedClasses.empty() && trained.count() == 1, 180000);
        QVERIFY(models->model() != old);
        QCOMPARE(cv::countNonZero(refinedClasses != expected), 0);
        QCOMPARE(cv::countNonZero(models::InteractiveSegmentation(*old, *inputs, tile).classes(clicks) != expected), 0);
        QVERIFY(predicted.wait(120000)); // the new model's map follows
    }

    void comparisonWithSwotFillsTheViewsTheDockAndTheReport()
    {
        QVERIFY(openSyntheticScene("compared", 12.0));
        app::ComparisonWorkbench* comparison = m_window->comparison();
        widgets::ComparisonPanel* panel = comparison->panel();
        // Without a prediction there is nothing to compare: said, nothing lost.
        QSignalSpy failed(comparison, &app::ComparisonWorkbench::comparisonFailed);
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.front().front().toString().contains("predict first"));

        QSignalSpy predicted(m_window->models(), &app::ModelWorkbench::predictionShown);
        m_window->models()->trainInBackground(10);
        QVERIFY(predicted.wait(120000));
        // Leave-one-track-out trains for minutes: the button cancels it, and
        // says so in the dock; a cancel is no error (no warning box).
        for (auto* box : m_window->findChildren<QMessageBox*>("problemMessage"))
            box->close();
        QTRY_VERIFY(m_window->findChildren<QMessageBox*>("problemMessage").isEmpty());
        panel->leaveOneTrackOutBox()->setChecked(true);
        QSignalSpy cancelled(comparison, &app::ComparisonWorkbench::comparisonCancelled);
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QCOMPARE(panel->compareButton()->text(), QString("Cancel"));
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(failed.size(), 1);
        QVERIFY(m_window->findChildren<QMessageBox*>("problemMessage").isEmpty());
        QCOMPARE(panel->compareButton()->text(), QString("Compare with SWOT"));
        QVERIFY(!comparison->hasComparison());

        panel->leaveOneTrackOutBox()->setChecked(false);
        QSignalSpy shown(comparison, &app::ComparisonWorkbench::comparisonShown);
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QVERIFY(shown.wait(60000));

        // The table: overall, the classes, the cross-track bins, kriging and the truth rows.
        QTableWidget* table = panel->metricsTable();
        QStringList firstColumns;
        for (int r = 0; r < table->rowCount(); ++r)
            firstColumns << table->item(r, 0)->text() + "/" + table->item(r, 1)->text() + "/" + table->item(r, 2)->text();
        for (const char* row : {"prediction vs SWOT/overall/all", "prediction vs SWOT/class/floe", "prediction vs SWOT/class/leads",
                                "kriging vs SWOT/overall/all", "prediction vs truth/overall/all", "SWOT vs truth/overall/all"})
            QVERIFY2(firstColumns.contains(row), row);
        QVERIFY(firstColumns.filter("cross-track").size() >= 1);
        QCOMPARE(table->item(0, 3)->text().toULongLong(), comparison->outcome()->predictionVsSwot.overall().count);
        for (int chart : {widgets::ComparisonPanel::Density, widgets::ComparisonPanel::Histogram, widgets::ComparisonPanel::CrossTrack})
            QVERIFY(!panel->chartView(chart)->chart()->series().isEmpty());

        // View 3 shows the difference in the diverging colours, SWOT's gap in between.
        const scene::Scene& s = *m_window->currentScene();
        QVERIFY(s.findLayer(app::ComparisonWorkbench::kDifferenceLayer) && s.findLayer(app::ComparisonWorkbench::kSwotLayer));
        const rendering::ViewScene& stack = m_window->viewGrid()->view(app::ComparisonWorkbench::kDifferenceView)->viewScene();
        const int difference = stack.indexOf(*s.findLayer(app::ComparisonWorkbench::kDifferenceLayer));
        QVERIFY(difference >= 0 && stack.style(difference).visible);
        QVERIFY(stack.style(difference).colormap == rendering::Colormap::Diverging);
        QCOMPARE(stack.style(difference).min, -stack.style(difference).max);

        // A profile drawn with the tool across the views.
        QTest::mouseClick(panel->profileButton(), Qt::LeftButton);
        QVERIFY(m_window->viewGrid()->mapTool() == static_cast<widgets::MapTool*>(comparison->profileTool()));
        QSignalSpy profiled(comparison, &app::ComparisonWorkbench::profileShown);
        widgets::VtkView* view = m_window->viewGrid()->view(0);
        const QPoint from(view->width() / 4, view->height() / 2);
        const QPoint to(3 * view->width() / 4, view->height() / 2);
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, to);
        QCOMPARE(profiled.size(), 1);
        QVERIFY(panel->chartView(widgets::ComparisonPanel::Profile)->chart()->series().size() >= 4);
        QTest::mouseClick(panel->profileButton(), Qt::LeftButton);
        QVERIFY(m_window->viewGrid()->mapTool() != static_cast<widgets::MapTool*>(comparison->profileTool()));

        // The 3-D view: the prediction as a height field with SAR draped; the
        // exaggeration and the surface (SWOT) change it; a marker follows the map cursor.
        panel->tabs()->setCurrentIndex(panel->tabs()->count() - 1);
        widgets::HeightFieldView* field = panel->heightFieldView();
        QTRY_VERIFY(field->isVisible());
        const auto grabbed = [field] {
            QApplication::processEvents();
            return field->grab().toImage();
        };
        const QImage prediction3d = grabbed();
        const QColor background = prediction3d.pixelColor(2, 2);
        int surfacePixels = 0;
        for (int y = 0; y < prediction3d.height(); y += 4)
            for (int x = 0; x < prediction3d.width(); x += 4)
                surfacePixels += prediction3d.pixelColor(x, y) != background ? 1 : 0;
        QVERIFY2(surfacePixels > prediction3d.width() * prediction3d.height() / 16 / 5, qPrintable(QString::number(surfacePixels)));
        panel->exaggerationBox()->setValue(2.0 * panel->exaggerationBox()->value());
        const QImage steeper = grabbed();
        QVERIFY(steeper != prediction3d);
        panel->surfaceBox()->setCurrentIndex(widgets::ComparisonPanel::SwotSurface);
        QVERIFY(grabbed() != steeper);
        const scene::MapExtent e = s.grid().extent();
        m_window->pointAt(0.5 * (e.xMin + e.xMax), 0.5 * (e.yMin + e.yMax));
        const QImage marked = grabbed();
        int magenta = 0;
        for (int y = 0; y < marked.height(); ++y)
            for (int x = 0; x < marked.width(); ++x) {
                const QColor c = marked.pixelColor(x, y);
                magenta += c.red() > 150 && c.green() < 80 && c.blue() > 80 ? 1 : 0;
            }
        if (qEnvironmentVariableIsSet("BANQUISE_TEST_SCREENSHOTS"))
            marked.save(qEnvironmentVariable("BANQUISE_TEST_SCREENSHOTS") + "/height-field.png");
        QVERIFY2(magenta > 10, qPrintable(QString::number(magenta)));

        // The report from the window holds the table's rows.
        const QString folder = QString::fromStdString(m_folder.path("gui-report"));
        QSignalSpy written(comparison, &app::ComparisonWorkbench::reportWritten);
        comparison->writeReportInBackground(folder);
        QVERIFY(written.wait(60000));
        QCOMPARE(written.front().front().toString(), folder + "/report.html");
        QFile csv(folder + "/metrics.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).count('\n'), table->rowCount() + 1);
        QFile html(folder + "/report.html");
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(html.readAll()).contains("trained in this window, 10 steps")); // the model's provenance
    }

};

BANQUISE_REGISTER_TEST(TestWindowModels);
#include "tst_WindowModels.moc"
