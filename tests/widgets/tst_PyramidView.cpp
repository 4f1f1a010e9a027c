#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "rendering/LayerStyle.h"
#include "rendering/MapNavigation.h"
#include "rendering/PyramidRepresentation.h"
#include "rendering/ViewScene.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::widgets;

namespace {
// 2000 x 1200 cells of 10 m: a one-cell checkerboard of 0 and 1 on the left
// half, 1 on the right half, NaN in a 200-cell block at the top-left.
scene::Scene writeAndReadCheckerboard(const std::string& folder)
{
    const scene::AnalysisGrid grid(3413, -100000.0, -800000.0, 10.0, 2000, 1200);
    std::vector<float> values(static_cast<std::size_t>(grid.width()) * grid.height());
    for (int row = 0; row < grid.height(); ++row)
        for (int col = 0; col < grid.width(); ++col)
            values[static_cast<std::size_t>(row) * grid.width() + col] =
                row < 200 && col < 200 ? std::nanf("") : col >= 1000 ? 1.0f : static_cast<float>((row + col) % 2);
    scene::Scene scene("checkerboard", grid);
    scene.addLayer(std::make_shared<scene::RasterLayer>(scene::LayerInfo{"checks", "test", "", scene::Quantity::Other, 0.0, ""}, grid,
                                                        std::vector<std::vector<float>>{values}));
    scene::writeScene(scene, folder);
    return scene::readScene(folder, nullptr, {}, 1000).scene; // "large": read as a pyramid
}

bool close(const QColor& a, int grey, int tolerance = 12)
{
    return std::abs(a.red() - grey) <= tolerance && std::abs(a.green() - grey) <= tolerance && std::abs(a.blue() - grey) <= tolerance;
}

QString describe(const QColor& c)
{
    return QString("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}
} // namespace

class TestPyramidView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_scene = writeAndReadCheckerboard(m_folder.path());
        QVERIFY(std::dynamic_pointer_cast<const scene::PyramidLayer>(m_scene.layers().front()));
        m_grid = std::make_unique<ViewGrid>();
        m_grid->resize(500, 400);
        m_grid->setGridLayout(GridLayout::Single);
        m_grid->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_grid.get()));
        m_grid->showScene(m_scene);
        rendering::LayerStyle grey = view().viewScene().style(0);
        grey.colormap = rendering::Colormap::Grey;
        grey.min = 0.0;
        grey.max = 1.0;
        view().viewScene().setStyle(0, grey);
    }
    void cleanup() { m_grid.reset(); }

    void aWholeSceneShowsACoarseLevel()
    {
        const QImage image = m_grid->grab().toImage();
        // About 5 cells a screen pixel: the checkerboard averages to mid-grey.
        const QColor checks = colourAt(image, 600, 800);
        QVERIFY2(close(checks, 128), qPrintable(describe(checks)));
        QVERIFY2(close(colourAt(image, 1500, 600), 255), qPrintable(describe(colourAt(image, 1500, 600))));
        const QColor nan = colourAt(image, 50, 50);
        QVERIFY2(nan == QColor(28, 33, 41), qPrintable("NaN must be transparent, got " + describe(nan)));
        QVERIFY(representation().window().level >= 2);
    }

    void zoomingInReadsTheFullResolutionWindowOnly()
    {
        const scene::MapPoint centre = m_scene.grid().pixelCentre(600, 800);
        rendering::zoomAbout(m_grid->camera(), centre, 40.0); // about 8 screen pixels a cell
        const QImage image = m_grid->grab().toImage();
        const QColor even = colourAt(image, 600, 800);
        const QColor odd = colourAt(image, 601, 800);
        QVERIFY2(close(even, 0) && close(odd, 255), qPrintable(describe(even) + " " + describe(odd)));
        const auto& window = representation().window();
        QCOMPARE(window.level, 0);
        // The view and its margins, not the grid.
        QVERIFY(window.cols < 200 && window.rows < 200);
    }

    void aPanWithinTheMarginReadsNothingAndOneBeyondReadsAgain()
    {
        const scene::MapPoint centre = m_scene.grid().pixelCentre(600, 800);
        rendering::zoomAbout(m_grid->camera(), centre, 40.0);
        m_grid->grab();
        const auto before = representation().window();
        rendering::panByPixels(m_grid->camera(), 10.0, 0.0, view().height());
        m_grid->grab();
        QCOMPARE(representation().window().col, before.col);
        rendering::panByPixels(m_grid->camera(), -400.0, 0.0, view().height());
        const QImage image = m_grid->grab().toImage();
        QVERIFY(representation().window().col > before.col);
        const scene::MapPoint now = view().displayToMap(QPointF(view().width() / 2.0, view().height() / 2.0));
        int col = 0;
        int row = 0;
        QVERIFY(m_scene.grid().pixelAt(now, col, row));
        const QColor here = colourAt(image, col, row);
        QVERIFY2(close(here, (row + col) % 2 ? 255 : 0), qPrintable(describe(here)));
    }

private:
    VtkView& view() const { return *m_grid->view(0); }
    const rendering::PyramidRepresentation& representation() const
    {
        return dynamic_cast<const rendering::PyramidRepresentation&>(view().viewScene().representation(0));
    }
    QColor colourAt(const QImage& image, int col, int row) const
    {
        const QPointF local = view().mapToDisplay(m_scene.grid().pixelCentre(col, row));
        return image.pixelColor(view().mapTo(m_grid.get(), local.toPoint()));
    }

    tests::TempSceneFolder m_folder;
    scene::Scene m_scene;
    std::unique_ptr<ViewGrid> m_grid;
};

BANQUISE_REGISTER_TEST(TestPyramidView);
#include "tst_PyramidView.moc"
