#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"

#include <QTest>

using namespace banquise::scene;

class TestAnalysisGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelCentresFollowTheGeotransform_data()
    {
        QTest::addColumn<int>("col");
        QTest::addColumn<int>("row");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::newRow("top-left") << 0 << 0 << 1050.0 << 4950.0;
        QTest::newRow("bottom-right") << 9 << 4 << 1950.0 << 4550.0;
        QTest::newRow("interior") << 3 << 2 << 1350.0 << 4750.0;
    }
    void pixelCentresFollowTheGeotransform()
    {
        QFETCH(int, col);
        QFETCH(int, row);
        QFETCH(double, x);
        QFETCH(double, y);
        const AnalysisGrid grid(3413, 1000.0, 5000.0, 100.0, 10, 5);
        const MapPoint p = grid.pixelCentre(col, row);
        QCOMPARE(p.x, x);
        QCOMPARE(p.y, y);
        int c = -1;
        int r = -1;
        QVERIFY(grid.pixelAt(p, c, r));
        QCOMPARE(c, col);
        QCOMPARE(r, row);
    }

    void pointsOutsideHaveNoPixel()
    {
        const AnalysisGrid grid(3413, 1000.0, 5000.0, 100.0, 10, 5);
        int c = 0;
        int r = 0;
        QVERIFY(!grid.pixelAt({999.0, 4900.0}, c, r));
        QVERIFY(!grid.pixelAt({1500.0, 5000.5}, c, r));
        QVERIFY(!grid.pixelAt({2000.0, 4900.0}, c, r));
        const MapExtent e = grid.extent();
        QCOMPARE(e.xMax, 2000.0);
        QCOMPARE(e.yMin, 4500.0);
        // A block of pixels: columns 2-4, rows 1-2.
        const MapExtent block = grid.extentOf(2, 1, 3, 2);
        QCOMPARE(block.xMin, 1200.0);
        QCOMPARE(block.xMax, 1500.0);
        QCOMPARE(block.yMin, 4700.0);
        QCOMPARE(block.yMax, 4900.0);
    }

    void northPoleIsTheOriginOfPolarStereographic()
    {
        const AnalysisGrid grid(3413, 0.0, 0.0, 100.0, 1, 1);
        const MapPoint pole = grid.fromLonLat({-45.0, 90.0});
        QVERIFY(std::abs(pole.x) < 1e-3);
        QVERIFY(std::abs(pole.y) < 1e-3);
        // The central meridian (-45 E) runs down the negative y axis.
        const MapPoint p = grid.fromLonLat({-45.0, 80.0});
        QVERIFY(std::abs(p.x) < 1e-3);
        QVERIFY(p.y < -1.0e6 && p.y > -1.2e6);
    }

    void lonLatRoundTripsWithinMillimetres_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::newRow("Fram Strait") << 0.0 << 79.0;
        QTest::newRow("Lincoln Sea") << -60.0 << 84.5;
        QTest::newRow("Beaufort") << -140.0 << 73.0;
        QTest::newRow("Laptev") << 125.0 << 77.0;
    }
    void lonLatRoundTripsWithinMillimetres()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        const AnalysisGrid grid(3413, 0.0, 0.0, 40.0, 1, 1);
        const LonLat back = grid.toLonLat(grid.fromLonLat({lon, lat}));
        QVERIFY2(std::abs(back.lon - lon) < 1e-7 && std::abs(back.lat - lat) < 1e-7,
                 qPrintable(QString("%1 %2").arg(back.lon, 0, 'f', 9).arg(back.lat, 0, 'f', 9)));
    }

    void unknownEpsgIsATypedError()
    {
        const AnalysisGrid grid(999999, 0.0, 0.0, 40.0, 10, 10);
        QVERIFY_THROWS_EXCEPTION(SceneError, grid.crsWkt());
    }
};

BANQUISE_REGISTER_TEST(TestAnalysisGrid);
#include "tst_AnalysisGrid.moc"
