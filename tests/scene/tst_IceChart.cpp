#include "common/TempSceneFolder.h"
#include "common/SceneErrorText.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/IceChart.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/RasterOnGrid.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/Sigrid3Codes.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::scene;

namespace {
struct Polygon {
    double xMin, yMin, xMax, yMax; // EPSG:3413 metres
    const char* ct;
    const char* sa;
    const char* fa;
};

// A SIGRID-3 chart as the ice services write it: string fields, one polygon per ice regime.
void writeChart(const std::string& path, const char* driverName, const std::vector<Polygon>& polygons)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(3413);
    OGRLayer* layer = ds->CreateLayer("sigrid3", &srs, wkbPolygon, nullptr);
    for (const char* name : {"CT", "SA", "FA"}) {
        OGRFieldDefn field(name, OFTString);
        field.SetWidth(2);
        layer->CreateField(&field);
    }
    for (const Polygon& p : polygons) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("CT", p.ct);
        feature.SetField("SA", p.sa);
        feature.SetField("FA", p.fa);
        OGRLinearRing ring;
        ring.addPoint(p.xMin, p.yMin);
        ring.addPoint(p.xMax, p.yMin);
        ring.addPoint(p.xMax, p.yMax);
        ring.addPoint(p.xMin, p.yMax);
        ring.closeRings();
        OGRPolygon polygon;
        polygon.addRing(&ring);
        feature.SetGeometry(&polygon);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw std::runtime_error("cannot write a chart polygon");
    }
}

MapPoint beaufort()
{
    return AnalysisGrid(3413, 0, 0, 40, 1, 1).fromLonLat({-140.0, 75.0});
}

// Three 10 km squares side by side from the Beaufort point: 10/10 old ice in big floes,
// 3-5/10 young ice in small floes, and one without a concentration.
std::vector<Polygon> threeRegimes()
{
    const MapPoint o = beaufort();
    return {{o.x - 5000, o.y - 5000, o.x + 5000, o.y + 5000, "92", "95", "05"},
            {o.x + 5000, o.y - 5000, o.x + 15000, o.y + 5000, "35", "83", "03"},
            {o.x + 15000, o.y - 5000, o.x + 25000, o.y + 5000, "-9", "", ""}};
}

} // namespace

class TestIceChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void codesAreSigrid3s()
    {
        QCOMPARE(sigrid3Concentration(55), 0.0); // ice free
        QVERIFY(isSigrid3Concentration(98) && !isSigrid3Concentration(77) && !isSigrid3Concentration(3));
        QVERIFY(isSigrid3Stage(81) && isSigrid3Stage(95) && !isSigrid3Stage(90) && !isSigrid3Stage(42));
        QVERIFY(isSigrid3Form(5) && isSigrid3Form(22) && !isSigrid3Form(15));
    }

    void polygonsLandOnTheGridWithTheirValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("driver");
        QTest::newRow("shapefile (CIS, NIC)") << "cis_SGRDRWA_20240314T1800Z_pl_a.shp" << "ESRI Shapefile";
        QTest::newRow("GeoPackage") << "chart.gpkg" << "GPKG";
    }
    void polygonsLandOnTheGridWithTheirValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, driver);
        tests::TempSceneFolder folder;
        const std::string file = folder.path(name.toUtf8().constData());
        writeChart(file, driver.toUtf8().constData(), threeRegimes());
        const IceChartInfo info = describeIceChart(file);
        QVERIFY(info.recognised);
        QCOMPARE(info.fields, (std::vector<std::string>{"CT", "SA", "FA"}));
        QCOMPARE(info.polygons, 3LL);
        // A 1 km grid over the three squares: the centre of each reads its polygon.
        const MapPoint o = beaufort();
        const AnalysisGrid grid(3413, o.x - 5000, o.y + 5000, 1000.0, 30, 10);
        const auto at = [&](const std::string& field, int square) {
            DatasetPtr raster(openIceChartField(file, field));
            return readRasterOnGrid(*raster, file, grid, "near")[0][5 * 30 + square * 10 + 5];
        };
        QCOMPARE(at("CT", 0), 100.0f);
        QCOMPARE(at("CT", 1), 40.0f); // 3-5/10 at its middle
        QVERIFY(std::isnan(at("CT", 2)));
        QCOMPARE(at("SA", 0), 95.0f);
        QCOMPARE(at("SA", 1), 83.0f);
        QCOMPARE(at("FA", 0), 5.0f);
        QCOMPARE(at("FA", 1), 3.0f);
        const Detection d = detectProducts({file});
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].kind, std::string("ice_chart"));
        // The date the ice service puts in the name, when it does.
        QCOMPARE(d.products[0].time, name.startsWith("cis_") ? *parseUtc("2024-03-14T18:00:00Z") : 0.0);
    }

    void aSceneIngestsTheChartBesideTheSar()
    {
        tests::TempSceneFolder folder;
        synthetic::SynthOptions synth;
        synth.sizeKm = 8.0; // within the 10/10 square
        const auto products = synthetic::writeSyntheticScene(synth, folder.path("synthetic"));
        const std::string chart = folder.path("cis_SGRDRWA_20240314T1800Z_pl_a.shp");
        writeChart(chart, "ESRI Shapefile", threeRegimes());
        const Detection d = detectProducts({folder.path("synthetic") + "/" + products.sar, chart});
        writeSceneManifest(d.products, gridForProducts(d.products), "charted", folder.path("project"));
        const LoadedScene loaded = readScene(folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        const auto total = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("Ice chart CT cis_SGRDRWA_20240314T1800Z_pl_a"));
        QVERIFY(total);
        QVERIFY(total->info().quantity == Quantity::SeaIceConcentration);
        for (float v : total->band(0))
            QCOMPARE(v, 100.0f);
        QVERIFY(loaded.scene.findLayer("Ice chart SA cis_SGRDRWA_20240314T1800Z_pl_a"));
        QVERIFY(loaded.scene.findLayer("Ice chart FA cis_SGRDRWA_20240314T1800Z_pl_a"));
    }

    void anUnknownCodeIsNamedWithItsPolygon()
    {
        tests::TempSceneFolder folder;
        std::vector<Polygon> polygons = threeRegimes();
        polygons[1].ct = "77";
        polygons[0].fa = "15";
        const std::string file = folder.path("bad.shp");
        writeChart(file, "ESRI Shapefile", polygons);
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openIceChartField(file, "CT")); }).contains("bad.shp: polygon 1: CT code '77' is not a SIGRID-3 concentration"));
        QVERIFY(tests::sceneErrorOf([&] { DatasetPtr(openIceChartField(file, "FA")); }).contains("polygon 0: FA code '15' is not a SIGRID-3 form of ice"));
        DatasetPtr stage(openIceChartField(file, "SA")); // the other fields still read
        QVERIFY(stage);
        const Detection d = detectProducts({file});
        QVERIFY(d.products.empty());
        QVERIFY(!d.skipped.empty() && QString::fromStdString(d.skipped[0]).contains("CT code '77'"));
    }
};

BANQUISE_REGISTER_TEST(TestIceChart);
#include "tst_IceChart.moc"
