#include "common/Sentinel2Safe.h"
#include "common/CoordinateTransform.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/ZipFolder.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/RasterLayer.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/Sentinel2Reflectance.h"
#include "scene/UtcTime.h"

#include <QTest>

#include <cmath>
#include <filesystem>
#include <memory>

using namespace banquise::scene;
using banquise::tests::Sentinel2SafeSpec;
namespace fs = std::filesystem;

namespace {
// Each pixel tells where it is: B04 its column, B03 its row (0.01 reflectance
// per pixel above the L2A offset), B02 a constant; the top-left 10 x 10
// pixels are no data.
Sentinel2SafeSpec positionEncoded()
{
    Sentinel2SafeSpec spec;
    spec.digitalNumber = [](const std::string& band, int c, int r) {
        if (c < 10 && r < 10)
            return 0;
        return 1000 + (band == "B04" ? 100 * c : band == "B03" ? 100 * r : 2500);
    };
    return spec;
}

double physical(GDALDataset& ds, int band, int column, int row)
{
    float dn = 0.0f;
    GDALRasterBand* b = ds.GetRasterBand(band);
    if (b->RasterIO(GF_Read, column, row, 1, 1, &dn, 1, 1, GDT_Float32, 0, 0) != CE_None)
        return std::nan("");
    return dn * b->GetScale() + b->GetOffset();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

class TestSentinel2Product : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void levelTwoAIsReadAsReflectanceWithItsOffset()
    {
        const std::string safe = banquise::tests::writeSentinel2Safe(m_folder.path("l2a"), positionEncoded());
        Sentinel2Description description;
        DatasetPtr ds(openSentinel2Reflectance(safe, &description));
        QCOMPARE(ds->GetRasterCount(), 3);
        QCOMPARE(ds->GetRasterXSize(), 300);
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        QCOMPARE(t[0], 400000.0);
        QCOMPARE(t[3], 8700000.0);
        QCOMPARE(t[1], 10.0);
        QCOMPARE(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("32633"));
        // Red, green, blue; (DN - 1000) / 10000.
        QVERIFY(std::abs(physical(*ds, 1, 123, 45) - 1.23) < 1e-6);
        QVERIFY(std::abs(physical(*ds, 2, 123, 45) - 0.45) < 1e-6);
        QVERIFY(std::abs(physical(*ds, 3, 123, 45) - 0.25) < 1e-6);
        int hasNoData = 0;
        QCOMPARE(ds->GetRasterBand(1)->GetNoDataValue(&hasNoData), 0.0);
        QVERIFY(hasNoData);
        QCOMPARE(description.level, std::string("Level-2A"));
        QCOMPARE(description.spacecraft, std::string("Sentinel-2B"));
        QCOMPARE(description.baseline, std::string("05.09"));
        QCOMPARE(formatUtc(description.time), std::string("2024-03-14T11:42:09Z"));
    }

    void levelOneCBeforeBaselineFourHasNoOffset()
    {
        Sentinel2SafeSpec spec = positionEncoded();
        spec.levelTwoA = false;
        spec.baseline = "02.09";
        const std::string safe = banquise::tests::writeSentinel2Safe(m_folder.path("l1c"), spec);
        DatasetPtr ds(openSentinel2Reflectance(safe + "/MTD_MSIL1C.xml"));
        QVERIFY(std::abs(physical(*ds, 1, 123, 45) - 1.33) < 1e-6); // DN / 10000
        // The baseline-4 L1C carries RADIO_ADD_OFFSET instead.
        spec.baseline = "04.00";
        DatasetPtr recent(openSentinel2Reflectance(banquise::tests::writeSentinel2Safe(m_folder.path("l1c4"), spec)));
        QVERIFY(std::abs(physical(*recent, 1, 123, 45) - 1.23) < 1e-6);
    }

    void theHubsZipIsReadAsTheFolder()
    {
        const std::string zip = banquise::tests::zipSafe(banquise::tests::writeSentinel2Safe(m_folder.path("zipped"), positionEncoded()));
        DatasetPtr ds(openSentinel2Reflectance(zip));
        QVERIFY(std::abs(physical(*ds, 2, 7, 200) - 2.0) < 1e-6);
        const Detection d = detectProducts({zip});
        const Detection picked = detectProducts({m_folder.path("l2a") + "/" + fs::path(zip).stem().string() + ".SAFE/MTD_MSIL2A.xml"});
        QCOMPARE(picked.products.size(), std::size_t(1));
        QCOMPARE(picked.products[0].kind, std::string("sentinel2_safe"));
        QCOMPARE(d.products.size(), std::size_t(1));
        QCOMPARE(d.products[0].kind, std::string("sentinel2_safe"));
    }

    // Recognised in a folder, put on a polar-stereographic grid at 20 m: a
    // known point is read from the UTM pixel that holds it, within half a
    // pixel of the product's 10 m (the requirement is half a grid pixel).
    void aKnownPointLandsOnItsGridCell()
    {
        const std::string folder = m_folder.path("data");
        banquise::tests::writeSentinel2Safe(folder, positionEncoded());
        const Detection d = detectProducts({folder});
        QCOMPARE(d.products.size(), std::size_t(1));
        const DetectedProduct& p = d.products[0];
        QCOMPARE(p.kind, std::string("sentinel2_safe"));
        QCOMPARE(p.sensor, std::string("Sentinel-2B"));
        QVERIFY(contains(p.detail, "Level-2A") && contains(p.detail, "EPSG:32633"));
        QCOMPARE(formatUtc(p.time), std::string("2024-03-14T11:42:09Z"));
        QVERIFY(p.footprint.size() == 25 && p.footprint[0].lat > 78.0 && p.footprint[0].lat < 78.5);

        const AnalysisGrid grid = gridForProducts(d.products, 3413, 20.0);
        writeSceneManifest(d.products, grid, "optical", m_folder.path("project"));
        const LoadedScene loaded = readScene(m_folder.path("project"));
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        const auto layer = std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer("S2 RGB 2024-03-14"));
        QVERIFY(layer);
        QVERIFY(layer->info().quantity == Quantity::Reflectance);
        QCOMPARE(layer->bandCount(), 3);

        const auto toUtm = banquise::tests::transformBetween(4326, 32633);
        int checked = 0;
        for (int r = 0; r < grid.height(); r += 7)
            for (int c = 0; c < grid.width(); c += 7) {
                const LonLat known = grid.toLonLat(grid.pixelCentre(c, r));
                double x = known.lon;
                double y = known.lat;
                QVERIFY(toUtm->Transform(1, &x, &y));
                const double column = (x - 400000.0) / 10.0;
                const double row = (8700000.0 - y) / 10.0;
                if (column < 12 || row < 12 || column > 288 || row > 228)
                    continue; // the edges and the no-data corner
                const std::size_t i = static_cast<std::size_t>(r) * grid.width() + c;
                const double readColumn = 100.0 * layer->band(0)[i] + 0.5;
                const double readRow = 100.0 * layer->band(1)[i] + 0.5;
                QVERIFY2(std::abs(readColumn - column) <= 0.5 && std::abs(readRow - row) <= 0.5,
                         qPrintable(QString("cell %1 %2: %3 %4 against %5 %6").arg(c).arg(r).arg(readColumn).arg(readRow).arg(column).arg(row)));
                ++checked;
            }
        QVERIFY(checked > 50);
        // The no-data corner is NaN on the grid, not a dark pixel.
        const MapPoint corner = grid.fromLonLat([&] {
            double x = 400000.0 + 25.0, y = 8700000.0 - 25.0;
            banquise::tests::transformBetween(32633, 4326)->Transform(1, &x, &y);
            return LonLat{x, y};
        }());
        int column = 0, row = 0;
        QVERIFY(grid.pixelAt(corner, column, row));
        QVERIFY(std::isnan(layer->band(0)[static_cast<std::size_t>(row) * grid.width() + column]));
    }

    void whatIsNotASentinel2ProductIsExplained()
    {
        const std::string empty = m_folder.path("S2B_MSIL2A_EMPTY.SAFE");
        fs::create_directories(empty);
        QVERIFY_THROWS_EXCEPTION(SceneError, openSentinel2Reflectance(empty));
        try {
            openSentinel2Reflectance(empty);
        } catch (const SceneError& e) {
            QVERIFY(contains(e.what(), "MTD_MSIL2A.xml") && contains(e.what(), empty));
        }
        // A product whose metadata gives no quantification cannot be scaled.
        Sentinel2SafeSpec spec = positionEncoded();
        spec.quantification = 0.0;
        const std::string broken = banquise::tests::writeSentinel2Safe(m_folder.path("broken"), spec);
        try {
            DatasetPtr ds(openSentinel2Reflectance(broken));
            QFAIL("a product without quantification was opened");
        } catch (const SceneError& e) {
            QVERIFY2(contains(e.what(), "quantification") && contains(e.what(), "MTD_MSIL2A.xml"), e.what());
        }
        const Detection d = detectProducts({empty});
        QCOMPARE(d.products.size(), std::size_t(0));
        QCOMPARE(d.skipped.size(), std::size_t(1));
        // A product whose red band file is gone names it.
        const std::string incomplete = banquise::tests::writeSentinel2Safe(m_folder.path("incomplete"), positionEncoded());
        std::string red;
        for (const auto& entry : fs::recursive_directory_iterator(incomplete))
            if (entry.path().extension() == ".jp2" && contains(entry.path().filename().string(), "_B04"))
                red = entry.path().filename().string();
        QVERIFY(!red.empty());
        for (const auto& entry : fs::recursive_directory_iterator(incomplete))
            if (entry.path().filename() == red)
                fs::remove(entry.path());
        try {
            DatasetPtr ds(openSentinel2Reflectance(incomplete));
            QFAIL("a product without its red band was opened");
        } catch (const SceneError& e) {
            QVERIFY2(contains(e.what(), "band files it lists are missing") && contains(e.what(), red), e.what());
        }
    }

private:
    banquise::tests::TempSceneFolder m_folder;
};

BANQUISE_REGISTER_TEST(TestSentinel2Product);
#include "tst_Sentinel2Product.moc"
