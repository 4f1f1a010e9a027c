#include "common/TestRegistry.h"
#include "common/TwoLayerScene.h"
#include "common/WindowFixture.h"

#include "app/ActiveLearningWorkbench.h"
#include "app/ClickRefinement.h"
#include "app/LabelingWorkbench.h"
#include "app/PixelQuestions.h"
#include "app/TimelineWorkbench.h"
#include "scene/DriftChain.h"
#include "scene/GeoTiffFile.h"
#include "scene/RasterLayer.h"
#include "scene/UtcTime.h"
#include "widgets/TimelinePanel.h"
#include "app/ProductDialogFilter.h"
#include "scene/ProductKinds.h"
#include "widgets/PixelQuestionsPanel.h"
#include "labeling/LabelLayer.h"
#include "app/MainWindow.h"
#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "widgets/ActiveLearningPanel.h"
#include "widgets/LabelToolsPanel.h"
#include "app/ModelWorkbench.h"
#include "labeling/LabelClass.h"
#include "models/ComputeDevice.h"
#include "scene/Scene.h"
#include "widgets/LayerPanel.h"
#include "rendering/ViewScene.h"
#include "scene/synthetic/SyntheticScene.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QFileInfo>

#include <filesystem>
#include <fstream>

#include <gdal_priv.h>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace banquise;

class TestMainWindow : public tests::WindowFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(openWindow()); }
    void cleanup() { closeWindow(); }

    void openedSceneFillsViewsAndPanel()
    {
        QCOMPARE(m_window->currentScene()->layers().size(), std::size_t(2));
        QCOMPARE(m_window->layerPanel()->findChild<QListWidget*>("layerList")->count(), 2);
        QVERIFY(m_window->windowTitle().contains("two layers"));
    }

    // The maps `banquise-cli predict` or `batch` wrote, over the scene they
    // map: the layers a prediction made here gives, class codes made labeling's.
    void aPredictionFolderOpensOverItsScene()
    {
        const scene::AnalysisGrid& grid = m_window->currentScene()->grid();
        const std::filesystem::path folder = m_folder.path("prediction");
        std::filesystem::create_directories(folder);
        std::vector<float> classes(static_cast<std::size_t>(grid.width()) * grid.height());
        std::vector<float> freeboard(classes.size());
        for (int row = 0; row < grid.height(); ++row)
            for (int col = 0; col < grid.width(); ++col) {
                const std::size_t i = static_cast<std::size_t>(row) * grid.width() + col;
                classes[i] = row < 20 ? 255.0f : col < grid.width() / 2 ? 0.0f : 1.0f; // 0 floe, 1 open lead, 255 none
                freeboard[i] = col < grid.width() / 2 ? 0.3f : 0.0f;
            }
        GDALDataset* classFile = scene::createGeoTiff((folder / "class.tif").string(), grid, 1, GDT_Byte, 0.0);
        classFile->GetRasterBand(1)->SetNoDataValue(255.0);
        QCOMPARE(classFile->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, grid.width(), grid.height(), classes.data(), grid.width(),
                                                        grid.height(), GDT_Float32, 0, 0),
                 CE_None);
        GDALClose(classFile);
        scene::writeFloatGeoTiff((folder / "freeboard.tif").string(), grid, {freeboard}, 0.0);

        app::ModelWorkbench* models = m_window->models();
        QSignalSpy shown(models, &app::ModelWorkbench::predictionShown);
        m_window->openPredictionInBackground(QString::fromStdString(folder.string()));
        QVERIFY(shown.wait(30000));
        const scene::Scene& scene = *m_window->currentScene();
        const auto classesLayer = scene.findLayer("Model classes");
        QVERIFY(classesLayer && scene.findLayer("Model freeboard"));
        QVERIFY(classesLayer->info().quantity == scene::Quantity::SeaIceClass);
        QCOMPARE(classesLayer->valuesAt(grid.pixelCentre(10, 100)), std::vector<double>{double(labeling::LabelCode::Floe)});
        QCOMPARE(classesLayer->valuesAt(grid.pixelCentre(150, 100)), std::vector<double>{double(labeling::LabelCode::OpenLead)});
        QVERIFY(classesLayer->valuesAt(grid.pixelCentre(150, 5)).empty());
        QCOMPARE(static_cast<float>(scene.findLayer("Model freeboard")->valuesAt(grid.pixelCentre(10, 100)).front()), 0.3f);
        // The classes show in their view, as after a prediction made here.
        const rendering::ViewScene& classesView = m_window->viewGrid()->view(app::ModelWorkbench::kClassesView)->viewScene();
        const int index = classesView.indexOf(*classesLayer);
        QVERIFY(index >= 0 && classesView.style(index).visible);

        // A folder that holds no prediction is named, and the maps stay.
        QSignalSpy failed(models, &app::ModelWorkbench::jobFailed);
        m_window->openPredictionInBackground(QString::fromStdString(m_folder.path()));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.front().front().toString().contains("not a prediction folder"));
        QVERIFY(m_window->currentScene()->findLayer("Model classes"));
    }

    // The Open data dialog offers every kind of the reader registry,
    // RADARSAT-2 products, ice charts and IABP tables among them.
    void theOpenDialogOffersEveryProductKind()
    {
        const QString filter = banquise::app::productDialogFilter();
        const QStringList lines = filter.split(";;");
        QCOMPARE(lines.size(), static_cast<qsizetype>(banquise::scene::productFileFilters().size()) + 2);
        QVERIFY(lines.front().startsWith("Products ("));
        for (const char* pattern : {"manifest.safe", "product.xml", "MTD_MSIL2A.xml", "*.nc", "*.h5", "*.shp", "*.gpkg", "*.dat", "*.csv", "*.tif"})
            QVERIFY2(lines.front().contains(QString(" ") + pattern) || lines.front().contains(QString("(") + pattern), pattern);
        QVERIFY(lines.contains("RADARSAT-2 product (product.xml)"));
        QCOMPARE(lines.back(), QString("All files (*)"));
    }

    void badPathIsExplainedAndTheSceneStays()
    {
        QSignalSpy failed(m_window.get(), &app::MainWindow::sceneFailed);
        const QString nowhere = QString::fromStdString(m_folder.path("missing-scene"));
        m_window->openSceneInBackground(nowhere);
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.front().front().toString().contains(nowhere));
        auto* box = m_window->findChild<QMessageBox*>("problemMessage");
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains("does not exist"));
        // The scene on screen is untouched.
        QCOMPARE(m_window->currentScene()->name(), std::string("two layers"));
        box->close();
    }

    void folderThatIsNotASceneIsExplained()
    {
        QSignalSpy failed(m_window.get(), &app::MainWindow::sceneFailed);
        m_window->openSceneInBackground(QString::fromStdString(m_folder.root()));
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.front().front().toString().contains("not a Banquise scene"));
        QCOMPARE(m_window->currentScene()->name(), std::string("two layers"));
    }

    void cursorReadoutFollowsThePointer()
    {
        const scene::MapPoint p = m_window->currentScene()->grid().pixelCentre(150, 120);
        m_window->pointAt(p.x, p.y);
        const QString text = m_window->findChild<QLabel*>("cursorReadout")->text();
        QVERIFY2(text.contains("halves: 1"), qPrintable(text));
    }

    void driftNeedsTwoSarDates()
    {
        m_window->estimateDriftInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox*>("problemMessage"), 20000);
        auto* box = m_window->findChild<QMessageBox*>("problemMessage");
        QVERIFY2(box->text().contains("no two SAR sigma0 layers"), qPrintable(box->text()));
        box->close();
    }

    void driftArrowsAndCompensatedTracksJoinTheViews()
    {
        QVERIFY(openSyntheticScene("synthetic", 20.0));
        QSignalSpy drift(m_window.get(), &app::MainWindow::driftShown);
        m_window->estimateDriftInBackground();
        QVERIFY(drift.wait(30000));
        const scene::Scene& s = *m_window->currentScene();
        QVERIFY(s.findLayer("Ice drift"));
        for (const char* twin : {"CryoSat-2 freeboard (drift-compensated)", "S2 RGB (drift-compensated)",
                                 "SWOT freeboard (drift-compensated)", "S1 HH sigma0 (second date) (drift-compensated)"})
            QVERIFY2(s.findLayer(twin), twin);
        // Layers at the reference time need none.
        QVERIFY(!s.findLayer("S1 HV sigma0 (drift-compensated)"));
        const rendering::ViewScene& stack = m_window->viewGrid()->view(0)->viewScene();
        for (int i = 0; i < stack.layerCount(); ++i) {
            const std::string& name = stack.layer(i).name();
            if (name == "CryoSat-2 freeboard")
                QVERIFY(!stack.style(i).visible);
            if (name == "CryoSat-2 freeboard (drift-compensated)" || name == "Ice drift")
                QVERIFY(stack.style(i).visible);
        }
    }

    void openDataRecognisesAndCoRegistersProducts()
    {
        QStandardPaths::setTestModeEnabled(true); // projects go to a test location, not the user's
        const std::string folder = m_folder.path("products");
        scene::synthetic::SynthOptions options;
        options.sizeKm = 16.0;
        scene::synthetic::writeSyntheticScene(options, folder);
        QSignalSpy shown(m_window.get(), &app::MainWindow::sceneShown);
        m_window->openDataInBackground({QString::fromStdString(folder)}, false);
        QVERIFY(shown.wait(30000));
        const scene::Scene& s = *m_window->currentScene();
        for (const char* layer : {"S1 HH sigma0", "S1 HV sigma0 2024-03-15", "CryoSat-2 freeboard", "Sentinel-3 SRAL freeboard"})
            QVERIFY2(s.findLayer(layer), layer);
        QCOMPARE(s.grid().pixelSize(), 40.0);
    }

    void openDataWithNothingReadableIsExplained()
    {
        QSignalSpy shown(m_window.get(), &app::MainWindow::sceneShown);
        m_window->openDataInBackground({QString::fromStdString(m_folder.path("nothing-here"))}, false);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox*>("problemMessage"), 20000);
        QVERIFY(m_window->findChild<QMessageBox*>("problemMessage")->text().contains("does not exist"));
        QCOMPARE(m_window->currentScene()->name(), std::string("two layers"));
    }

    void labelsAreDrawnStoredAndReplayedFromTheProject()
    {
        app::LabelingWorkbench* labels = m_window->labeling();
        QVERIFY(!labels->session());
        const QString project = QString::fromStdString(m_folder.path("study.banquise"));
        QVERIFY(labels->openProject(project));
        QVERIFY(labels->session());
        QVERIFY(m_window->viewGrid()->view(0)->viewScene().indexOf(*labels->session()->layer()) >= 0);

        labels->panel()->toolAction(widgets::LabelToolKind::Brush)->trigger();
        labels->panel()->classAction(labeling::LabelCode::OpenLead)->trigger();
        widgets::VtkView* view = m_window->viewGrid()->view(0);
        const auto at = [&](int col, int row) { return view->mapToDisplay(m_window->currentScene()->grid().pixelCentre(col, row)).toPoint(); };
        QTest::mousePress(view, Qt::LeftButton, {}, at(120, 40));
        QTest::mouseMove(view, at(160, 40));
        QTest::mouseRelease(view, Qt::LeftButton, {}, at(180, 40));
        QCOMPARE(labels->store()->annotationCount(labels->session()->sceneId()), std::int64_t{1});

        // A file that is not a project is refused; the open project stays.
        const std::string notes = m_folder.path("notes.banquise");
        std::ofstream(notes) << "not a database";
        QVERIFY(!labels->openProject(QString::fromStdString(notes)));
        auto* box = m_window->findChild<QMessageBox*>("problemMessage");
        QVERIFY(box && box->text().contains("not a Banquise project"));
        box->close();
        QVERIFY(labels->session());

        labels->closeProject();
        QCOMPARE(m_window->viewGrid()->view(0)->viewScene().layerCount(), 2);
        QVERIFY(labels->openProject(project));
        QCOMPARE(labels->session()->layer()->at(150, 40), std::uint8_t(labeling::LabelCode::OpenLead));
        const QString gpkg = QString::fromStdString(m_folder.path("labels.gpkg"));
        QSignalSpy exported(labels, &app::LabelingWorkbench::labelsExported);
        labels->exportLabelsInBackground(gpkg);
        QVERIFY(exported.wait(30000));
        QVERIFY(QFileInfo(gpkg).size() > 0);
    }

    void retrainingOnLabelsReplacesTheMapsAndRecordsTheModel()
    {
        QVERIFY(openSyntheticScene("labelled", 8.0));
        app::LabelingWorkbench* labels = m_window->labeling();
        QVERIFY(labels->openProject(QString::fromStdString(m_folder.path("retrain.banquise"))));
        labels->session()->addPolygon(labeling::LabelCode::OpenLead, {{10, 10}, {60, 10}, {60, 40}, {10, 40}});
        labels->session()->addPolygon(labeling::LabelCode::Floe, {{100, 100}, {150, 100}, {150, 150}});

        app::ModelWorkbench* models = m_window->models();
        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(10);
        QVERIFY(predicted.wait(120000));
        m_window->activeLearning()->panel()->setFineTuneSteps(10);
        labels->panel()->retrainAction()->trigger();
        QVERIFY(predicted.wait(120000));
        const auto versions = labels->store()->modelVersions();
        QCOMPARE(versions.size(), std::size_t(1));
        QVERIFY(QFileInfo::exists(QString::fromStdString(versions[0].weightsPath)));
        QVERIFY(versions[0].metrics.at("labelled_pixels") > 1000.0);
        QCOMPARE(versions[0].metrics.at("annotations"), 2.0);
        // The round is in the project and in the panel.
        QCOMPARE(m_window->activeLearning()->panel()->roundCount(), 1);
        // The new maps replaced the old ones.
        int classMaps = 0;
        for (const auto& layer : m_window->currentScene()->layers())
            classMaps += layer->name() == "Model classes";
        QCOMPARE(classMaps, 1);

        // Ranking queues unlabelled tiles; Next shows the first one.
        app::ActiveLearningWorkbench* learning = m_window->activeLearning();
        QSignalSpy ranked(learning, &app::ActiveLearningWorkbench::queueRanked);
        learning->rankInBackground("entropy");
        QVERIFY(ranked.wait(60000));
        widgets::ActiveLearningPanel* panel = learning->panel();
        QVERIFY(panel->queueSize() > 0);
        QSignalSpy chosen(panel, &widgets::ActiveLearningPanel::tileChosen);
        panel->nextTile();
        const QRect tile = chosen.front().front().toRect();
        QVERIFY(!tile.contains(QPoint(30, 25))); // the labelled lead's tile is not queued
        QApplication::processEvents();
        widgets::VtkView* view = m_window->viewGrid()->view(0);
        const auto& grid = m_window->currentScene()->grid();
        const QPointF centre = view->mapToDisplay(grid.pixelCentre(tile.center().x(), tile.center().y()));
        QVERIFY(std::abs(centre.x() - view->width() / 2.0) < 20 && std::abs(centre.y() - view->height() / 2.0) < 20);

        // Automatic retraining after each new annotation: a second round.
        panel->setRetrainEvery(1);
        labels->session()->addPolygon(labeling::LabelCode::RefrozenLead, {{150, 20}, {190, 20}, {190, 60}});
        QVERIFY(predicted.wait(120000));
        QTRY_COMPARE(panel->roundCount(), 2);
        QCOMPARE(labels->store()->modelVersions().size(), std::size_t(2));
    }

    void fiftyPixelsTheModelAsksAboutAreAnsweredWithTheKeyboardAlone()
    {
        QVERIFY(openSyntheticScene("asked", 8.0));
        app::LabelingWorkbench* labels = m_window->labeling();
        QVERIFY(labels->openProject(QString::fromStdString(m_folder.path("asked.banquise"))));
        app::ModelWorkbench* models = m_window->models();
        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(10);
        QVERIFY(predicted.wait(120000));
        app::ActiveLearningWorkbench* learning = m_window->activeLearning();
        app::PixelQuestions* questions = learning->pixelQuestions();
        widgets::PixelQuestionsPanel* panel = learning->panel()->pixelQuestions();
        QCOMPARE(panel->batchSize(), 50);
        const auto sceneId = labels->session()->sceneId();

        // Q asks; the model's 50 pixels are ringed on every view.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy asked(questions, &app::PixelQuestions::asked);
        QTest::keyClick(m_window.get(), Qt::Key_Q);
        QVERIFY(asked.wait(30000));
        QCOMPARE(questions->questionCount(), 50);
        for (int v = 0; v < 2; ++v) {
            const rendering::ViewScene& stack = m_window->viewGrid()->view(v)->viewScene();
            bool ringed = false;
            for (int i = 0; i < stack.layerCount(); ++i)
                ringed = ringed || (stack.layer(i).name() == "Pixels to answer" && stack.style(i).visible);
            QVERIFY(ringed);
        }
        // The views centre on the pixel under focus.
        const auto& grid = m_window->currentScene()->grid();
        QPoint focused = questions->focus();
        widgets::VtkView* view = m_window->viewGrid()->view(0);
        QApplication::processEvents();
        QPointF centre = view->mapToDisplay(grid.pixelCentre(focused.x(), focused.y()));
        QVERIFY(std::abs(centre.x() - view->width() / 2.0) < 20 && std::abs(centre.y() - view->height() / 2.0) < 20);

        // One key answers it: one label in the project, on that pixel only; the focus moves on.
        const labeling::LabelCode brushClass = labels->tool()->label();
        QTest::keyClick(m_window.get(), Qt::Key_2);
        auto stored = labels->store()->annotations(sceneId);
        QCOMPARE(stored.size(), std::size_t(1));
        QVERIFY(stored[0].source == labeling::AnnotationSource::ActiveLearning);
        QCOMPARE(int(labels->session()->layer()->at(focused.x(), focused.y())), int(labeling::LabelCode::OpenLead));
        QCOMPARE(labels->session()->layer()->labelledPixelCount(), std::size_t(1));
        QVERIFY(questions->focus() != focused);
        QVERIFY(labels->tool()->label() == brushClass); // the key answered; it did not switch the brush's class
        QCOMPARE(questions->answeredCount(), 1);

        // 0 skips a pixel (nothing stored); the other 48 answers by key.
        QTest::keyClick(m_window.get(), Qt::Key_0);
        QCOMPARE(labels->store()->annotationCount(sceneId), std::int64_t(1));
        for (int k = 0; k < 48; ++k)
            QTest::keyClick(m_window.get(), k % 3 == 0 ? Qt::Key_1 : k % 3 == 1 ? Qt::Key_2 : Qt::Key_3);
        QCOMPARE(questions->answeredCount(), 50);
        QCOMPARE(labels->store()->annotationCount(sceneId), std::int64_t(49));
        QCOMPARE(labels->session()->layer()->labelledPixelCount(), std::size_t(49));
        QCOMPARE(questions->focus(), QPoint(-1, -1));
        QVERIFY(!panel->answering());
        QVERIFY(labels->panel()->classAction(labeling::LabelCode::Floe)->isEnabled()); // the class keys are the label tools' again

        // Ctrl+R retrains on the answers; the new model asks again.
        learning->panel()->setFineTuneSteps(10);
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY(predicted.wait(120000));
        QTRY_COMPARE(learning->panel()->roundCount(), 1);
        QVERIFY(asked.size() == 2 || asked.wait(30000));
        QCOMPARE(questions->questionCount(), 50);
        QCOMPARE(questions->answeredCount(), 0);
    }

    void aClickRefinesTheClassesOfItsTile()
    {
        QVERIFY(openSyntheticScene("clicked", 8.0));
        app::LabelingWorkbench* labels = m_window->labeling();
        QVERIFY(labels->openProject(QString::fromStdString(m_folder.path("clicks.banquise"))));
        app::ClickRefinement* refinement = m_window->clickRefinement();
        QSignalSpy unavailable(refinement, &app::ClickRefinement::unavailable);
        QSignalSpy refined(refinement, &app::ClickRefinement::refined);
        // Before any prediction a click is stored, and says it cannot refine yet.
        labels->session()->addClick(labeling::LabelCode::OpenLead, true, {20.5, 20.5});
        QCOMPARE(unavailable.count(), 1);

        app::ModelWorkbench* models = m_window->models();
        QSignalSpy predicted(models, &app::ModelWorkbench::predictionShown);
        models->trainInBackground(10);
        QVERIFY(predicted.wait(120000));
        labels->panel()->toolAction(widgets::LabelToolKind::PositiveClick)->trigger();
        labels->panel()->classAction(labeling::LabelCode::RefrozenLead)->trigger();
        widgets::VtkView* view = m_window->viewGrid()->view(0);
        const auto& grid = m_window->currentScene()->grid();
        QTest::mouseClick(view, Qt::LeftButton, {}, view->mapToDisplay(grid.pixelCentre(100, 120)).toPoint());
        QVERIFY(refined.wait(60000));
        const auto& layer = *refinement->layer();
        QCOMPARE(int(layer.at(100, 120)), int(labeling::LabelCode::RefrozenLead)); // the clicked pixel takes the class
        // The status bar says what the clicks changed on the tile.
        QVERIFY(m_window->statusBar()->currentMessage().contains("200 × 200 tile"));
        QCOMPARE(m_window->statusBar()->currentMessage(), refined.front().front().toString());
        QVERIFY(layer.labelledPixelCount() >= 200u * 200u); // the whole tile (the scene is 200 px wide) is shown
        const auto& classesView = m_window->viewGrid()->view(1)->viewScene();
        const int index = classesView.indexOf(layer);
        QVERIFY(index >= 0 && classesView.style(index).visible);

        // Accept (A) keeps the refined tile as the user's labels, one undoable edit.
        QAction* accept = labels->panel()->acceptRefinementAction();
        QVERIFY(accept->isEnabled());
        std::vector<std::uint8_t> refinedCodes(200u * 200u);
        for (int r = 0; r < 200; ++r)
            for (int c = 0; c < 200; ++c)
                refinedCodes[static_cast<std::size_t>(r) * 200 + c] = layer.at(c, r);
        const std::int64_t before = labels->store()->annotationCount(labels->session()->sceneId());
        accept->trigger();
        QVERIFY(!accept->isEnabled());
        QVERIFY(!refinement->layer()); // shown as labels now
        QVERIFY(labels->store()->annotationCount(labels->session()->sceneId()) > before);
        QVERIFY(labels->store()->annotations(labels->session()->sceneId()).back().source == labeling::AnnotationSource::User);
        const labeling::LabelLayer& labelled = *labels->session()->layer();
        int same = 0;
        for (int r = 0; r < 200; ++r)
            for (int c = 0; c < 200; ++c)
                same += labelled.at(c, r) == refinedCodes[static_cast<std::size_t>(r) * 200 + c] ? 1 : 0;
        QVERIFY2(same > 200 * 200 * 99 / 100, qPrintable(QString::number(same))); // the clicks' own discs may differ
        labels->panel()->undoAction()->trigger();
        QCOMPARE(labels->store()->annotationCount(labels->session()->sceneId()), before);
        QVERIFY(labelled.labelledPixelCount() < 1000u); // the two clicks' discs
    }

    // Issue 23: the timeline lists a series' dates; choosing one shows that
    // date's SAR in the SAR view and its altimeter passes, the others hidden.
    void theTimelineShowsTheLayersOfTheDateChosen()
    {
        scene::synthetic::SynthOptions options;
        options.sizeKm = 12.0;
        options.sarDates = 3;
        options.buoys = 0;
        options.driftEastMetresPerDay = 1500.0; // the ice stays in this small scene over the three days
        options.driftNorthMetresPerDay = -1000.0;
        const std::string folder = m_folder.path("series");
        scene::synthetic::writeSyntheticScene(options, folder);
        widgets::TimelinePanel* panel = m_window->timeline()->panel();
        QSignalSpy firstDate(panel, &widgets::TimelinePanel::dateChosen);
        m_window->openSceneInBackground(QString::fromStdString(folder));
        QVERIFY(firstDate.wait(30000)); // a series opens on its first date
        QCOMPARE(firstDate.front().front().toInt(), 0);
        QCOMPARE(panel->dateCount(), 3);
        QCOMPARE(panel->rowOf("Sentinel-1"), 0);
        QVERIFY(panel->rowOf("CryoSat-2") > 0);
        const scene::Scene& s = *m_window->currentScene();
        const auto dates = scene::sarDates(s);
        const std::string lastDay = scene::formatUtc(dates[2]->info().time).substr(0, 10);
        panel->chooseDate(2);
        QApplication::processEvents();
        const rendering::ViewScene& sar = m_window->viewGrid()->view(0)->viewScene();
        const auto visibleIn = [](const rendering::ViewScene& view, const std::shared_ptr<const scene::Layer>& layer) {
            const int index = view.indexOf(*layer);
            return index >= 0 && view.style(index).visible;
        };
        QVERIFY(visibleIn(sar, dates[2]));
        QVERIFY(!visibleIn(sar, dates[0]));
        int passesShown = 0;
        for (const auto& layer : s.layers()) {
            if (layer->kind() != scene::LayerKind::Track || layer->info().quantity != scene::Quantity::Freeboard)
                continue;
            const bool ofTheLastDate = scene::formatUtc(layer->info().time).substr(0, 10) == lastDay;
            QCOMPARE(visibleIn(sar, layer), ofTheLastDate);
            passesShown += ofTheLastDate ? 1 : 0;
        }
        QVERIFY(passesShown >= 1); // the altimeters that passed again that day over this small scene
        // Compensated, before any drift was estimated: the window says how to get the twins.
        panel->findChild<QCheckBox*>("timelineCompensated")->click();
        QVERIFY(m_window->statusBar()->currentMessage().contains("Estimate ice drift"));
    }

    void snapshotIsTheViewGrid()
    {
        const QImage image = m_window->snapshot();
        QCOMPARE(image.size(), m_window->viewGrid()->size() * m_window->viewGrid()->devicePixelRatioF());
        const QString png = QString::fromStdString(m_folder.path("snapshot.png"));
        QVERIFY(m_window->saveSnapshot(png));
        QCOMPARE(QImage(png).size(), image.size());
    }

};

BANQUISE_REGISTER_TEST(TestMainWindow);
#include "tst_MainWindow.moc"
