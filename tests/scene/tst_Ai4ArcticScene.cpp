#include "common/Ai4ArcticFiles.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/Ai4ArcticScene.h"
#include "scene/Sigrid3Codes.h"
#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/UtcTime.h"

#include <QTest>

#include <cmath>
#include <memory>

using namespace banquise::scene;
using banquise::tests::Ai4ArcticSpec;

namespace {
const char* kRawName = "S1A_EW_GRDM_1SDH_20180124T194759_20180124T194859_020301_022AA4_1F75_icechart_dmi_201801241950_SouthEast_RIC.nc";
const char* kReadyName = "20180124T194759_dmi_prep.nc";

// HH power tells the column, HV the row (linear in power, so that bilinear
// warping keeps it); the chart is polygon 1 (10/10, stage 87, form 08) on
// the left half and 2 (5-7/10, stage 91, form 05) on the right, none in the
// top-left corner; AMSR-2 18.7 GHz H is 200 K plus its cell's column.
Ai4ArcticSpec encodedScene()
{
    Ai4ArcticSpec s;
    s.primaryDb = [](int c, int) { return static_cast<float>(10.0 * std::log10(0.001 * (c + 0.5))); };
    s.secondaryDb = [](int, int r) { return static_cast<float>(10.0 * std::log10(0.001 * (r + 0.5))); };
    s.chartId = [w = s.width](int c, int r) { return c < 10 && r < 10 ? NAN : c < w / 2 ? 1.0f : 2.0f; };
    s.polygonCodes = {"poly_id;CT;CA;SA;FA;CB;SB;FB;CC;SC;FC;CN;CD;CF;POLY_TYPE", "1;92;-9;87;08;-9;-9;-9;-9;-9;-9;-9;-9;-9;I",
                      "2;57;-9;91;05;-9;-9;-9;-9;-9;-9;-9;-9;-9;I"};
    s.btemp187h = [](int c, int) { return 200.0f + c; };
    return s;
}

std::shared_ptr<const RasterLayer> raster(const LoadedScene& loaded, const std::string& name)
{
    return std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer(name));
}
} // namespace

class TestAi4ArcticScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_raw = m_folder.path(kRawName);
        banquise::tests::writeAi4ArcticScene(m_raw, encodedScene(), false);
        m_ready = m_folder.path(kReadyName);
        banquise::tests::writeAi4ArcticScene(m_ready, encodedScene(), true);
    }

    void sigrid3CodesBecomeConcentration()
    {
        QCOMPARE(sigrid3Concentration(0), 0.0);
        QCOMPARE(sigrid3Concentration(1), 5.0);
        QCOMPARE(sigrid3Concentration(10), 10.0);
        QCOMPARE(sigrid3Concentration(70), 70.0);
        QCOMPARE(sigrid3Concentration(13), 20.0);
        QCOMPARE(sigrid3Concentration(57), 60.0);
        QCOMPARE(sigrid3Concentration(81), 90.0); // 8-10/10
        QCOMPARE(sigrid3Concentration(91), 95.0);
        QCOMPARE(sigrid3Concentration(92), 100.0);
        QVERIFY(std::isnan(sigrid3Concentration(2)));  // bergy water
        QVERIFY(std::isnan(sigrid3Concentration(98))); // glacier
        QVERIFY(std::isnan(sigrid3Concentration(99))); // undetermined
        QVERIFY(std::isnan(sigrid3Concentration(-9)));
    }

    void rawSceneIsRecognisedWithItsLayers()
    {
        const Detection d = detectProducts({m_raw});
        QCOMPARE(d.products.size(), std::size_t(1));
        const DetectedProduct& p = d.products[0];
        QCOMPARE(p.kind, std::string("ai4arctic"));
        QCOMPARE(formatUtc(p.time), std::string("2018-01-24T19:47:59Z"));
        QCOMPARE(p.footprint.size(), std::size_t(121));
        QVERIFY2(p.detail.find("raw scene, 200 x 160") == 0, p.detail.c_str());
        const auto scene = describeAi4Arctic(m_raw);
        QVERIFY(scene && !scene->readyToTrain);
        std::vector<std::string> names;
        for (const auto& l : scene->layers)
            names.push_back(l.name);
        QCOMPARE(names, (std::vector<std::string>{"S1 HH sigma0", "S1 HV sigma0", "Ice chart SIC", "Ice chart SOD", "Ice chart FLOE",
                                                  "AMSR-2 btemp_18_7h"}));
    }

    // On a 40 m EPSG:3413 grid chosen from the scene's footprint, every layer
    // is read where it belongs: a grid cell's known place gives the column
    // and row its SAR pixel encodes (within half a pixel), its chart
    // polygon's values and its AMSR-2 cell.
    void rawLayersLandOnTheirGridCells()
    {
        const Ai4ArcticSpec spec = encodedScene();
        const Detection d = detectProducts({m_raw});
        const AnalysisGrid grid = gridForProducts(d.products, 3413, 40.0);
        writeSceneManifest(d.products, grid, "ai4arctic", m_folder.path("project"));
        const LoadedScene loaded = readScene(m_folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        QCOMPARE(formatUtc(loaded.scene.referenceTime()), std::string("2018-01-24T19:47:59Z"));
        const auto hh = raster(loaded, "S1 HH sigma0");
        const auto hv = raster(loaded, "S1 HV sigma0");
        const auto sic = raster(loaded, "Ice chart SIC");
        const auto sod = raster(loaded, "Ice chart SOD");
        const auto btemp = raster(loaded, "AMSR-2 btemp_18_7h");
        QVERIFY(hh && hv && sic && sod && btemp);
        QVERIFY(hh->info().quantity == Quantity::Sigma0);
        QVERIFY(sic->info().quantity == Quantity::SeaIceConcentration);
        int checked = 0;
        for (int r = 0; r < grid.height(); r += 5)
            for (int c = 0; c < grid.width(); c += 5) {
                const MapPoint at = grid.pixelCentre(c, r);
                const double column = (at.x - spec.x0) / spec.pixel;
                const double row = (spec.y0 - at.y) / spec.pixel;
                if (column < 12 || row < 12 || column > spec.width - 2 || row > spec.height - 2)
                    continue;
                const std::size_t i = static_cast<std::size_t>(r) * grid.width() + c;
                QVERIFY2(std::abs(hh->band(0)[i] / 0.001 - column) <= 0.5 && std::abs(hv->band(0)[i] / 0.001 - row) <= 0.5,
                         qPrintable(QString("cell %1 %2: %3 %4 against %5 %6").arg(c).arg(r).arg(hh->band(0)[i] / 0.001).arg(hv->band(0)[i] / 0.001).arg(column).arg(row)));
                if (std::abs(column - spec.width / 2.0) > 1.0) {
                    const bool left = column < spec.width / 2.0;
                    QCOMPARE(sic->band(0)[i], left ? 100.0f : 60.0f);
                    QCOMPARE(sod->band(0)[i], left ? 87.0f : 91.0f);
                }
                const double amsrColumn = column * spec.amsrWidth / spec.width;
                if (std::abs(amsrColumn - std::round(amsrColumn)) > 0.2) // away from the cells' edges
                    QVERIFY(std::abs(btemp->band(0)[i] - (200.0 + std::floor(amsrColumn))) < 0.5);
                ++checked;
            }
        QVERIFY(checked > 500);
        // No chart in the top-left corner: no data, not 0 %.
        int c = 0, r = 0;
        QVERIFY(grid.pixelAt({spec.x0 + 5 * spec.pixel, spec.y0 - 5 * spec.pixel}, c, r));
        QVERIFY(std::isnan(sic->band(0)[static_cast<std::size_t>(r) * grid.width() + c]));
    }

    void readyToTrainScenesGiveTheChartClassesButNoSigma0()
    {
        const auto scene = describeAi4Arctic(m_ready);
        QVERIFY(scene && scene->readyToTrain);
        bool normalised = false, sigma0 = false;
        for (const auto& l : scene->layers) {
            normalised |= l.name == "S1 HH (normalised)" && l.quantity == "other";
            sigma0 |= l.quantity == "sigma0";
        }
        QVERIFY(normalised && !sigma0); // the publisher's normalisation cannot be undone
        DatasetPtr sic(openAi4ArcticLayer(m_ready, "Ice chart SIC"));
        float value = 0.0f;
        QCOMPARE(sic->GetRasterBand(1)->RasterIO(GF_Read, 20, 50, 1, 1, &value, 1, 1, GDT_Float32, 0, 0), CE_None);
        QCOMPARE(value, 100.0f); // 10 tenths
        QCOMPARE(sic->GetRasterBand(1)->RasterIO(GF_Read, 150, 50, 1, 1, &value, 1, 1, GDT_Float32, 0, 0), CE_None);
        QCOMPARE(value, 60.0f);
        QCOMPARE(sic->GetRasterBand(1)->RasterIO(GF_Read, 5, 5, 1, 1, &value, 1, 1, GDT_Float32, 0, 0), CE_None);
        QVERIFY(std::isnan(value)); // fill 255
        QCOMPARE(sic->GetGCPCount(), 121);
    }

    void aBrokenChartIsExplained()
    {
        Ai4ArcticSpec spec = encodedScene();
        spec.polygonCodes = {"poly_id;CA;SA", "1;-9;87"}; // no CT
        const std::string file = m_folder.path("S1B_EW_GRDM_1SDH_20190101T000000_broken.nc");
        banquise::tests::writeAi4ArcticScene(file, spec, false);
        try {
            DatasetPtr ds(openAi4ArcticLayer(file, "Ice chart SIC"));
            QFAIL("a chart without CT was read");
        } catch (const SceneError& e) {
            QVERIFY2(std::string(e.what()).find("no field CT") != std::string::npos && std::string(e.what()).find(file) != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(SceneError, openAi4ArcticLayer(file, "Sea surface temperature"));
        // The SAR layers of that file are still readable.
        DatasetPtr hh(openAi4ArcticLayer(file, "S1 HH sigma0"));
        QCOMPARE(hh->GetRasterXSize(), 200);
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    std::string m_raw;
    std::string m_ready;
};

BANQUISE_REGISTER_TEST(TestAi4ArcticScene);
#include "tst_Ai4ArcticScene.moc"
