#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/TwoLayerScene.h"

#include "rendering/Colormap.h"
#include "rendering/LayerStyle.h"
#include "rendering/MapNavigation.h"
#include "rendering/ViewScene.h"
#include "scene/MarkerLayer.h"
#include "scene/RasterLayer.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QTest>

#include <vtkCamera.h>

using namespace banquise;
using namespace banquise::widgets;

namespace {
// Background of an empty view (ViewScene's renderer background).
const QColor kBackground(28, 33, 41);

bool close(const QColor& a, const QColor& b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor& c)
{
    return QString("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}
} // namespace

class TestViewGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_scene = tests::writeAndReadTwoLayerScene(m_folder.path());
        m_grid = std::make_unique<ViewGrid>();
        m_grid->resize(820, 400);
        m_grid->setGridLayout(GridLayout::OneByTwo);
        m_grid->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
        m_grid->showScene(m_scene);
    }
    void cleanup() { m_grid.reset(); }

    void rasterValuesMapToTheirColoursAtKnownGridPositions()
    {
        const QImage image = m_grid->grab().toImage();
        for (int v = 0; v < 2; ++v) {
            const QColor white = colourAtPixel(image, v, 150, 120);
            const QColor black = colourAtPixel(image, v, 50, 120);
            const QColor nan = colourAtPixel(image, v, 30, 30);
            QVERIFY2(close(white, Qt::white), qPrintable(describe(white)));
            QVERIFY2(close(black, Qt::black), qPrintable(describe(black)));
            QVERIFY2(close(nan, kBackground), qPrintable("NaN must be transparent, got " + describe(nan)));
        }
    }

    void trackIsDrawnWhereItsCoordinatesSay()
    {
        // The track's 0.5 m through its view's diverging colormap and range.
        const rendering::LayerStyle& style = m_grid->view(0)->viewScene().style(1);
        QVERIFY(style.colormap == rendering::Colormap::Diverging);
        const rendering::Rgb rgb = rendering::colourAt(style.colormap, (0.5 - style.min) / (style.max - style.min));
        const QColor expected(rgb[0], rgb[1], rgb[2]);
        const QImage image = m_grid->grab().toImage();
        const QColor onTrack = colourAtPixel(image, 0, 101, tests::kTrackRow);
        QVERIFY2(close(onTrack, expected, 6), qPrintable(describe(onTrack) + " expected " + describe(expected)));
        const QColor offTrack = colourAtPixel(image, 0, 101, tests::kTrackRow - 15);
        QVERIFY2(close(offTrack, Qt::white), qPrintable(describe(offTrack)));
    }

    void panInOneViewMovesTheOtherByTheSameAmount()
    {
        VtkView* first = m_grid->view(0);
        VtkView* second = m_grid->view(1);
        const scene::MapPoint probe = m_scene.grid().pixelCentre(104, 120); // just right of the edge: white
        const QPointF before = second->mapToDisplay(probe);
        double focalBefore[3];
        m_grid->camera()->GetFocalPoint(focalBefore);

        const QPoint start(200, 200);
        const QPoint delta(40, 25);
        QTest::mousePress(first, Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(first, start + delta / 2);
        QTest::mouseMove(first, start + delta);
        QTest::mouseRelease(first, Qt::LeftButton, Qt::NoModifier, start + delta);

        const double metresPerPixel = rendering::mapUnitsPerPixel(m_grid->camera(), first->height());
        double focalAfter[3];
        m_grid->camera()->GetFocalPoint(focalAfter);
        QVERIFY(std::abs((focalBefore[0] - focalAfter[0]) - delta.x() * metresPerPixel) < 1e-6);
        QVERIFY(std::abs((focalAfter[1] - focalBefore[1]) - delta.y() * metresPerPixel) < 1e-6);

        const QPointF after = second->mapToDisplay(probe);
        QVERIFY(std::abs(after.x() - before.x() - delta.x()) < 1e-6);
        QVERIFY(std::abs(after.y() - before.y() - delta.y()) < 1e-6);

        // The pixels of the other view moved too: the probe's old place now
        // shows what was 40 px to its left, the black half.
        const QImage image = m_grid->grab().toImage();
        const QPoint oldPlace = second->mapTo(m_grid.get(), before.toPoint());
        const QPoint newPlace = second->mapTo(m_grid.get(), after.toPoint());
        QVERIFY2(close(image.pixelColor(oldPlace), Qt::black), qPrintable(describe(image.pixelColor(oldPlace))));
        QVERIFY2(close(image.pixelColor(newPlace), Qt::white), qPrintable(describe(image.pixelColor(newPlace))));
    }

    void wheelZoomsEveryViewAboutTheCursor()
    {
        VtkView* first = m_grid->view(0);
        const double before = m_grid->camera()->GetParallelScale();
        const QPoint at(150, 180);
        const scene::MapPoint anchor = first->displayToMap(at);
        QWheelEvent wheel(at, first->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(first, &wheel);
        QVERIFY(std::abs(m_grid->camera()->GetParallelScale() - before / 1.25) < 1e-6 * before);
        const QPointF stays = first->mapToDisplay(anchor);
        QVERIFY(std::abs(stays.x() - at.x()) < 1e-6 && std::abs(stays.y() - at.y()) < 1e-6);
    }

    void upperImageCoversTheOneBelow()
    {
        // A uniform mid-grey image on top of the black/white halves, opaque:
        // the halves must disappear (order matters, not a weighted mix).
        const scene::AnalysisGrid& grid = m_scene.grid();
        auto grey = std::make_shared<scene::RasterLayer>(
            scene::LayerInfo{"grey", "test", "", scene::Quantity::Other, 0.0, ""}, grid,
            std::vector<std::vector<float>>{std::vector<float>(static_cast<std::size_t>(grid.width()) * grid.height(), 0.5f)});
        rendering::LayerStyle style;
        style.colormap = rendering::Colormap::Grey;
        style.min = 0.0;
        style.max = 1.0;
        rendering::ViewScene& stack = m_grid->view(0)->viewScene();
        stack.addLayer(grey, style);
        stack.moveLayer(stack.layerCount() - 1, 1); // above the halves, below the track
        m_grid->refresh();
        QImage image = m_grid->grab().toImage();
        for (const int col : {50, 150}) {
            const QColor c = colourAtPixel(image, 0, col, 120);
            QVERIFY2(close(c, QColor(128, 128, 128)), qPrintable(describe(c)));
        }
        // The track stays above both images.
        const QColor track = colourAtPixel(image, 0, 101, tests::kTrackRow);
        QVERIFY2(track.red() > 100 && track.green() < 60, qPrintable(describe(track)));
        // Lowered below the halves, it is hidden again.
        stack.moveLayer(1, 0);
        m_grid->refresh();
        image = m_grid->grab().toImage();
        QVERIFY(close(colourAtPixel(image, 0, 50, 120), Qt::black));
    }

    void layoutChoosesHowManyViewsShow_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<int>("visible");
        QTest::newRow("1x1") << int(GridLayout::Single) << 1;
        QTest::newRow("1x2") << int(GridLayout::OneByTwo) << 2;
        QTest::newRow("2x2") << int(GridLayout::TwoByTwo) << 4;
    }
    void layoutChoosesHowManyViewsShow()
    {
        QFETCH(int, layout);
        QFETCH(int, visible);
        m_grid->setGridLayout(static_cast<GridLayout>(layout));
        QCOMPARE(m_grid->visibleViewCount(), visible);
        for (int i = 0; i < ViewGrid::kMaxViews; ++i)
            QCOMPARE(m_grid->view(i)->isVisible(), i < visible);
    }

    void crosshairFollowsTheCursorInEveryView()
    {
        VtkView* first = m_grid->view(0);
        VtkView* second = m_grid->view(1);
        const scene::MapPoint target = m_scene.grid().pixelCentre(150, 100); // white area
        QTest::mouseMove(first, first->mapToDisplay(target).toPoint());
        const QImage image = m_grid->grab().toImage();
        // A vertical crosshair line passes through the point in the other view.
        const QPointF inSecond = second->mapToDisplay(target);
        int marked = 0;
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint above = second->mapTo(m_grid.get(), QPoint(int(inSecond.x()) + dx, int(inSecond.y()) - 30));
            marked += close(image.pixelColor(above), Qt::white, 20) ? 0 : 1;
        }
        QVERIFY(marked >= 1 && marked <= 2);
        // Leaving the views hides it.
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(first, &leave);
        const QImage after = m_grid->grab().toImage();
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint above = second->mapTo(m_grid.get(), QPoint(int(inSecond.x()) + dx, int(inSecond.y()) - 30));
            QVERIFY(close(after.pixelColor(above), Qt::white));
        }
    }

    void markersRingTheirPixelAndLeaveItVisible()
    {
        const auto& grid = m_scene.grid();
        const double h = 10.0 * grid.pixelSize();
        auto markers = std::make_shared<scene::MarkerLayer>(scene::LayerInfo{"asked pixels"}, grid.extent());
        markers->setMarkers({{grid.pixelCentre(150, 120), h, {255, 0, 0}, false}});
        m_grid->addLayer(markers, true);
        QImage image = m_grid->grab().toImage();
        for (int v = 0; v < 2; ++v) {
            const QColor ring = colourAtPixel(image, v, 160, 120);
            QVERIFY2(ring.red() > 200 && ring.green() < 60, qPrintable(describe(ring)));
            for (const int col : {150, 154}) // the pixel asked about, and inside the ring
                QVERIFY2(close(colourAtPixel(image, v, col, 120), Qt::white), qPrintable(describe(colourAtPixel(image, v, col, 120))));
        }
        // The marker under focus: a crosshair whose arms stop short of the pixel.
        markers->setMarker(0, {grid.pixelCentre(150, 120), h, {0, 255, 0}, true});
        m_grid->synchroniseLayers();
        image = m_grid->grab().toImage();
        const QColor arm = colourAtPixel(image, 0, 150, 135);
        QVERIFY2(arm.green() > 200 && arm.red() < 60, qPrintable(describe(arm)));
        QVERIFY2(close(colourAtPixel(image, 0, 150, 120), Qt::white), qPrintable(describe(colourAtPixel(image, 0, 150, 120))));
        m_grid->removeLayer(*markers);
        image = m_grid->grab().toImage();
        QVERIFY(close(colourAtPixel(image, 0, 160, 120), Qt::white));
    }

private:
    // Colour of grid pixel (col, row) in view v of a grab of the whole grid.
    QColor colourAtPixel(const QImage& image, int v, int col, int row) const
    {
        VtkView* view = m_grid->view(v);
        const QPointF local = view->mapToDisplay(m_scene.grid().pixelCentre(col, row));
        return image.pixelColor(view->mapTo(m_grid.get(), local.toPoint()));
    }

    tests::TempSceneFolder m_folder;
    scene::Scene m_scene;
    std::unique_ptr<ViewGrid> m_grid;
};

BANQUISE_REGISTER_TEST(TestViewGrid);
#include "tst_ViewGrid.moc"
