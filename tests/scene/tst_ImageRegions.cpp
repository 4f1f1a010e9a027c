#include "common/TestRegistry.h"

#include "scene/GeoTiffFile.h"
#include "scene/ImageRegions.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/RasterPyramid.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace banquise::scene;

namespace {

// Speckled σ⁰ (linear): a dark lead (columns 40..59) across a bright floe.
RasterLayer leadAcrossFloe()
{
    std::mt19937 rng(7);
    std::gamma_distribution<float> speckle(10.0f, 0.1f); // mean 1, ENL 10
    std::vector<float> values(120 * 100);
    for (int r = 0; r < 100; ++r)
        for (int c = 0; c < 120; ++c)
            values[r * 120 + c] = (c >= 40 && c < 60 ? 0.005f : 0.1f) * speckle(rng);
    values[5 * 120 + 5] = std::nanf("");
    return RasterLayer(LayerInfo{"sigma0", "", "", Quantity::Sigma0, 0.0, ""}, AnalysisGrid(3413, 0, 0, 40, 120, 100), {values});
}

// Pixels (column, row) whose centres an even-odd fill of the polygons holds.
bool inside(const std::vector<ClassPolygon>& polygons, double x, double y)
{
    bool in = false;
    for (const auto& polygon : polygons) {
        const auto& p = polygon.points;
        for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++)
            if ((p[i].second > y) != (p[j].second > y) && x < p[i].first + (y - p[i].second) * (p[j].first - p[i].first) / (p[j].second - p[i].second))
                in = !in;
    }
    return in;
}

} // namespace

class TestImageRegions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theRegionOfALeadStopsAtItsEdges()
    {
        const RasterLayer image = leadAcrossFloe();
        const auto region = regionAround(image, 50, 50);
        QVERIFY(!region.empty());
        QVERIFY(inside(region, 50.5, 50.5));
        int outside = 0, lead = 0;
        for (int r = 0; r < 100; ++r)
            for (int c = 0; c < 120; ++c)
                if (inside(region, c + 0.5, r + 0.5))
                    (c >= 39 && c <= 60 ? lead : outside)++;
        QVERIFY2(outside == 0, qPrintable(QString("%1 floe pixels in the lead's region").arg(outside)));
        QVERIFY(lead >= 16); // at least a seed cell's worth of the lead
    }

    void noDataOrOutsideGiveNoRegion()
    {
        const RasterLayer image = leadAcrossFloe();
        QVERIFY(regionAround(image, 5, 5).empty());
        QVERIFY(regionAround(image, -1, 5).empty());
        QVERIFY(regionAround(image, 120, 5).empty());
    }

    // A scene too large to hold cuts the same regions from its pyramid,
    // reading the window only.
    void aPyramidGivesTheSameRegionAsTheImageHeldWhole()
    {
        const RasterLayer image = leadAcrossFloe();
        QTemporaryDir folder;
        const std::string source = folder.filePath("sigma0.tif").toStdString();
        writeFloatGeoTiff(source, image.grid(), {image.band(0)}, 0.0);
        buildRasterPyramid(source, image.grid(), folder.filePath("pyramid.tif").toStdString(), PyramidResampling::Average);
        const PyramidLayer shown(image.info(), std::make_shared<RasterPyramid>(folder.filePath("pyramid.tif").toStdString()));
        for (const auto& [column, row] : {std::pair{50, 50}, std::pair{110, 90}, std::pair{20, 30}}) {
            const auto whole = regionAround(image, column, row, 64);
            const auto windowed = regionAround(shown, column, row, 64);
            QVERIFY(!whole.empty());
            QCOMPARE(windowed.size(), whole.size());
            for (std::size_t i = 0; i < whole.size(); ++i)
                QVERIFY(windowed[i].points == whole[i].points);
        }
        QVERIFY(regionAround(shown, 5, 5).empty());
        QVERIFY(regionAround(shown, 120, 5).empty());
    }
};

BANQUISE_REGISTER_TEST(TestImageRegions);
#include "tst_ImageRegions.moc"
