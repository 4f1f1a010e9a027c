#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/TwoLayerScene.h"

#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "scene/ImageRegions.h"
#include "scene/RasterLayer.h"
#include "widgets/LabelTool.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QAction>
#include <QTest>

using namespace banquise;
using namespace banquise::widgets;
using labeling::LabelCode;

// Label tools driven by real mouse and key events on real views under Xvfb;
// the store and the rendered overlay are checked.
class TestLabelTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_scene = tests::writeAndReadTwoLayerScene(m_folder.path());
        m_store = std::make_unique<labeling::ProjectStore>(m_folder.path() + "/project.banquise");
        m_session = std::make_unique<labeling::LabelSession>(
            *m_store, labeling::SceneRecord{0, m_folder.path(), "two layers", m_scene.grid()}, "tester");
        m_grid = std::make_unique<ViewGrid>();
        m_grid->resize(820, 400);
        m_grid->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
        m_grid->showScene(m_scene);
        m_grid->addLayer(m_session->layer(), true);
        m_tool = std::make_unique<LabelTool>();
        m_panel = std::make_unique<LabelToolsPanel>(*m_tool);
        m_panel->setSession(m_session.get());
        m_panel->show();
        m_panel->activateWindow(); // its shortcuts work in its window
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        m_grid->setMapTool(m_tool.get());
        connect(m_session.get(), &labeling::LabelSession::labelsChanged, m_grid.get(), &ViewGrid::synchroniseLayers);
    }
    void cleanup()
    {
        m_grid.reset();
        m_panel.reset();
        m_tool.reset();
        m_session.reset();
        m_store.reset();
    }

    void aBrushStrokeIsStoredAndShownInEveryView()
    {
        m_panel->toolAction(LabelToolKind::Brush)->trigger();
        m_panel->classAction(LabelCode::OpenLead)->trigger();
        m_tool->setBrushRadius(6);
        // Along row 100 on the white right half (columns 120..180).
        const QColor before0 = pixel(0, 150, 103), before1 = pixel(1, 150, 103);
        drag(0, {{120, 100}, {150, 100}, {180, 100}});
        QCOMPARE(m_store->annotationCount(m_session->sceneId()), std::int64_t{1});
        const auto stroke = m_store->annotations(m_session->sceneId()).front();
        QCOMPARE(stroke.label, LabelCode::OpenLead);
        QCOMPARE(stroke.radius, 6.0);
        QVERIFY(std::abs(stroke.points.front().column - 120.5) < 1.0);
        QCOMPARE(m_session->layer()->at(150, 100), std::uint8_t(LabelCode::OpenLead));
        QCOMPARE(m_session->layer()->at(150, 110), labeling::LabelLayer::kUnlabelled);
        // Both linked views now show the dark blue label over white (60 %
        // opacity), off the crosshair lines through the last cursor position.
        for (int v : {0, 1}) {
            const QColor after = pixel(v, 150, 103);
            QVERIFY2(after.blue() > after.red() + 60 && after.red() < 140,
                     qPrintable(QString("view %1: %2 (was %3)").arg(v).arg(after.name(), (v ? before1 : before0).name())));
        }
        QVERIFY(pixel(0, 150, 115).red() > 240); // outside the brush, still white
    }

    void undoAndRedoFollowTheKeyboard()
    {
        m_panel->toolAction(LabelToolKind::Brush)->trigger();
        QTest::keyClick(m_panel.get(), Qt::Key_1); // floe
        QCOMPARE(m_tool->label(), LabelCode::Floe);
        drag(0, {{20, 120}, {80, 120}}); // on the black left half
        QVERIFY(pixel(0, 50, 122).red() > 100);
        QTest::keyClick(m_panel.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_store->annotationCount(m_session->sceneId()), std::int64_t{0});
        QVERIFY2(pixel(0, 50, 122).red() < 40, qPrintable(pixel(0, 50, 122).name()));
        QTest::keyClick(m_panel.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_store->annotationCount(m_session->sceneId()), std::int64_t{1});
        QVERIFY(pixel(0, 50, 122).red() > 100);
        QVERIFY(m_panel->summary().contains("1 annotations"));
    }

    void shortcutsPickToolsAndClassesAndTheLassoFills()
    {
        QTest::keyClick(m_panel.get(), Qt::Key_L);
        QCOMPARE(m_tool->tool(), LabelToolKind::Lasso);
        QTest::keyClick(m_panel.get(), Qt::Key_3);
        QCOMPARE(m_tool->label(), LabelCode::RefrozenLead);
        drag(1, {{20, 140}, {60, 140}, {60, 180}, {20, 180}});
        const auto all = m_store->annotations(m_session->sceneId());
        QCOMPARE(all.size(), std::size_t{1});
        QVERIFY(all[0].kind == labeling::AnnotationKind::Polygon);
        QCOMPARE(m_session->layer()->at(40, 160), std::uint8_t(LabelCode::RefrozenLead));
        QCOMPARE(m_session->layer()->at(70, 160), labeling::LabelLayer::kUnlabelled);
        QTest::keyClick(m_panel.get(), Qt::Key_E);
        drag(0, {{40, 160}, {41, 160}});
        QCOMPARE(m_session->layer()->at(40, 160), labeling::LabelLayer::kUnlabelled);
        QTest::keyClick(m_panel.get(), Qt::Key_X);
        drag(0, {{100, 20}});
        QVERIFY(!m_store->annotations(m_session->sceneId()).back().positive);
        // Pan: the left button moves the map again, nothing is stored.
        QTest::keyClick(m_panel.get(), Qt::Key_H);
        drag(0, {{100, 100}, {120, 100}});
        QCOMPARE(m_store->annotationCount(m_session->sceneId()), std::int64_t{3});
    }

    void theFillToolLabelsTheImageRegionUnderTheCursor()
    {
        const auto halves = std::dynamic_pointer_cast<const scene::RasterLayer>(m_scene.findLayer("halves"));
        m_tool->setRegionFinder([halves](labeling::PixelPoint p) {
            std::vector<std::vector<labeling::PixelPoint>> polygons;
            for (const auto& region : scene::regionAround(*halves, int(p.column), int(p.row))) {
                polygons.emplace_back();
                for (const auto& [x, y] : region.points)
                    polygons.back().push_back({x, y});
            }
            return polygons;
        });
        QTest::keyClick(m_panel.get(), Qt::Key_F);
        QCOMPARE(m_tool->tool(), LabelToolKind::Region);
        QTest::keyClick(m_panel.get(), Qt::Key_2);
        drag(0, {{150, 150}});
        QVERIFY(m_store->annotationCount(m_session->sceneId()) >= 1);
        QCOMPARE(m_session->layer()->at(150, 150), std::uint8_t(LabelCode::OpenLead));
        int onTheOtherHalf = 0;
        for (int r = 0; r < 200; ++r)
            for (int c = 0; c < 99; ++c)
                onTheOtherHalf += m_session->layer()->at(c, r) != labeling::LabelLayer::kUnlabelled;
        QCOMPARE(onTheOtherHalf, 0); // the region stops at the edge between the halves
    }

private:
    QPoint displayOf(int view, int col, int row) const
    {
        return m_grid->view(view)->mapToDisplay(m_scene.grid().pixelCentre(col, row)).toPoint();
    }

    // Presses at the first pixel, moves through the others, releases at the last.
    void drag(int viewIndex, const std::vector<std::pair<int, int>>& pixels)
    {
        VtkView* view = m_grid->view(viewIndex);
        QTest::mousePress(view, Qt::LeftButton, {}, displayOf(viewIndex, pixels.front().first, pixels.front().second));
        for (const auto& [c, r] : pixels)
            QTest::mouseMove(view, displayOf(viewIndex, c, r));
        QTest::mouseRelease(view, Qt::LeftButton, {}, displayOf(viewIndex, pixels.back().first, pixels.back().second));
        QApplication::processEvents();
    }

    QColor pixel(int v, int col, int row) const
    {
        const QImage image = m_grid->grab().toImage();
        VtkView* view = m_grid->view(v);
        return image.pixelColor(view->mapTo(m_grid.get(), displayOf(v, col, row)));
    }

    tests::TempSceneFolder m_folder;
    scene::Scene m_scene;
    std::unique_ptr<labeling::ProjectStore> m_store;
    std::unique_ptr<labeling::LabelSession> m_session;
    std::unique_ptr<ViewGrid> m_grid;
    std::unique_ptr<LabelTool> m_tool;
    std::unique_ptr<LabelToolsPanel> m_panel;
};

BANQUISE_REGISTER_TEST(TestLabelTools);
#include "tst_LabelTools.moc"
