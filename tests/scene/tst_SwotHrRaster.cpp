#include "common/SwotHrRasterFile.h"
#include "common/CoordinateTransform.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SwotHrRaster.h"
#include "scene/UtcTime.h"

#include <QDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace banquise::scene;
using banquise::tests::SwotHrRasterSpec;

namespace {
// The elevation tells the easting (1 cm per km); a 1 km block is flagged bad.
SwotHrRasterSpec encoded()
{
    SwotHrRasterSpec s;
    s.wse = [](double x, double) { return static_cast<float>((x - 500000.0) / 100000.0); };
    s.quality = [](double x, double y) { return x < 501000.0 && y < 8601000.0 ? 3 : (x > 503000.0 ? 1 : 0); };
    return s;
}
} // namespace

class TestSwotHrRaster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theGranuleIsReadOnItsGridWithItsQuality()
    {
        const std::string file = m_folder.path("SWOT_L2_HR_Raster_100m_UTM33X_N_x_x_x_012_345_067F_20240314T091233_20240314T091254_PIC0_01.nc");
        banquise::tests::writeSwotHrRaster(file, encoded());
        const SwotHrRasterInfo info = describeSwotHrRaster(file);
        QVERIFY(info.recognised);
        QCOMPARE(formatUtc(info.time), std::string("2024-03-14T09:12:33Z"));
        DatasetPtr ds(openSwotHrRaster(file));
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        QCOMPARE(t[0], 500000.0);
        QCOMPARE(t[3], 8605000.0); // north-up: the north edge
        QCOMPARE(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("32633"));
        float v = 0.0f;
        // Row 0 is the north: pixel (25, 0) is at easting 502 550 m.
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 25, 0, 1, 1, &v, 1, 1, GDT_Float32, 0, 0), CE_None);
        QVERIFY(std::abs(v - 0.0255f) < 1e-6f);
        // South-west block flagged bad: no data; "suspect" (1) is kept.
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 2, 48, 1, 1, &v, 1, 1, GDT_Float32, 0, 0), CE_None);
        QVERIFY(std::isnan(v));
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, 45, 48, 1, 1, &v, 1, 1, GDT_Float32, 0, 0), CE_None);
        QVERIFY(std::isfinite(v));
    }

    void aKnownPointLandsOnItsGridCell()
    {
        const std::string folder = m_folder.path("data");
        QDir().mkpath(QString::fromStdString(folder));
        banquise::tests::writeSwotHrRaster(folder + "/SWOT_L2_HR_Raster_100m_granule.nc", encoded());
        const Detection d = detectProducts({folder});
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].kind, std::string("swot_hr_raster"));
        const AnalysisGrid grid = gridForProducts(d.products, 3413, 50.0);
        writeSceneManifest(d.products, grid, "swot hr", m_folder.path("project"));
        const LoadedScene loaded = readScene(m_folder.path("project"));
        QVERIFY(loaded.skippedLayers.empty());
        const auto layer = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("SWOT HR wse SWOT_L2_HR_Raster_100m_granule"));
        QVERIFY(layer);
        const auto toUtm = banquise::tests::transformBetween(4326, 32633);
        int checked = 0;
        for (int r = 0; r < grid.height(); r += 3)
            for (int c = 0; c < grid.width(); c += 3) {
                const LonLat known = grid.toLonLat(grid.pixelCentre(c, r));
                double x = known.lon, y = known.lat;
                QVERIFY(toUtm->Transform(1, &x, &y));
                if (x < 501200.0 || x > 505800.0 || y < 8601200.0 || y > 8604800.0)
                    continue;
                const float read = layer->band(0)[static_cast<std::size_t>(r) * grid.width() + c];
                // Half a 100 m pixel of easting is 0.0005 m of this elevation.
                QVERIFY2(std::abs(read - (x - 500000.0) / 100000.0) <= 0.0005,
                         qPrintable(QString("cell %1 %2: %3 against %4").arg(c).arg(r).arg(read).arg((x - 500000.0) / 100000.0)));
                ++checked;
            }
        QVERIFY(checked > 100);
    }

    void aGranuleWithEveryPixelFlaggedIsRefused()
    {
        SwotHrRasterSpec s = encoded();
        s.quality = [](double, double) { return 3; };
        const std::string file = m_folder.path("SWOT_L2_HR_Raster_flagged.nc");
        banquise::tests::writeSwotHrRaster(file, s);
        try {
            DatasetPtr ds(openSwotHrRaster(file));
            QFAIL("a granule with every pixel flagged was opened");
        } catch (const SceneError& e) {
            QVERIFY2(std::string(e.what()).find("every pixel is flagged") != std::string::npos && std::string(e.what()).find(file) != std::string::npos,
                     e.what());
        }
        const Detection d = detectProducts({file});
        QCOMPARE(d.products.size(), std::size_t(0));
        QVERIFY(d.skipped.front().find("every pixel is flagged") != std::string::npos);
    }

private:
    banquise::tests::TempSceneFolder m_folder;
};

BANQUISE_REGISTER_TEST(TestSwotHrRaster);
#include "tst_SwotHrRaster.moc"
