#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/AnalysisGrid.h"
#include "scene/ProductCatalog.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace banquise::scene;

namespace {
int count(const Detection& d, const std::string& kind)
{
    return static_cast<int>(std::count_if(d.products.begin(), d.products.end(), [&](const auto& p) { return p.kind == kind; }));
}

bool skippedWith(const Detection& d, const std::string& file, const std::string& reason)
{
    return std::any_of(d.skipped.begin(), d.skipped.end(), [&](const std::string& s) {
        return s.find(file) != std::string::npos && s.find(reason) != std::string::npos;
    });
}
} // namespace

class TestProductCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        synthetic::SynthOptions options;
        options.sizeKm = 20.0;
        synthetic::writeSyntheticScene(options, m_folder.path());
        m_grid = readScene(m_folder.path()).scene.grid();
    }

    void everySyntheticProductIsRecognised()
    {
        const Detection d = detectProducts({m_folder.path()});
        QCOMPARE(count(d, "sentinel1_safe"), 3); // two GRD dates and the SLC crop
        QCOMPARE(count(d, "altimeter"), 3);
        QCOMPARE(count(d, "swot_l2_lr"), 1);
        QVERIFY(count(d, "raster") >= 6); // AMSR-2, Sentinel-2 bands and RGB, truth
        for (const auto& p : d.products) {
            if (p.sensor == "AMSR-2" && p.path.find("asi-AMSR2") != std::string::npos)
                QCOMPARE(formatUtc(p.time), std::string("2024-03-14T12:00:00Z"));
            if (p.kind == "sentinel1_safe")
                QCOMPARE(p.polarisations, (std::vector<std::string>{"HH", "HV"}));
            QVERIFY2(p.time > 0.0 || p.kind == "csv_track", p.path.c_str());
        }
        QVERIFY(skippedWith(d, "provenance.json", "not a product kind"));
    }

    void realSamplesAreRecognisedAndTheRestExplained()
    {
        const std::string shared = BANQUISE_SHARED_DATA;
        const Detection d = detectProducts({shared});
        QCOMPARE(count(d, "altimeter"), 2);
        QCOMPARE(count(d, "sentinel1_safe"), 1);
        for (const auto& p : d.products)
            if (p.kind == "altimeter" && p.profile == "cryosat2_sar_l2")
                QVERIFY(std::abs(p.time - *parseUtc("2019-05-04T12:25:46Z")) < 2.0); // TAI stamps turned into UTC
            else if (p.kind == "altimeter")
                // Within the granule's window (ancillary_data/data_start_utc, data_end_utc).
                QVERIFY2(p.profile == "icesat2_atl07" && p.time >= *parseUtc("2019-02-22T00:56:45Z") && p.time <= *parseUtc("2019-02-22T01:11:48Z"),
                         qPrintable(QString::fromStdString(formatUtc(p.time))));
        QVERIFY(skippedWith(d, "300534063050430.csv", "without lat, lon and value"));
        QVERIFY(skippedWith(detectProducts({shared + "/nowhere"}), "nowhere", "does not exist"));
    }

    void ingestedProductsMakeAScene()
    {
        const Detection d = detectProducts({m_folder.path()});
        const AnalysisGrid grid = gridForProducts(d.products);
        // The grid follows the reference SAR footprint: the synthetic grid.
        QVERIFY(std::abs(grid.originX() - m_grid.originX()) <= 40.0 && std::abs(grid.originY() - m_grid.originY()) <= 40.0);
        QVERIFY(std::abs(grid.width() - m_grid.width()) <= 1);
        const std::string project = m_folder.path("project");
        writeSceneManifest(d.products, grid, "ingested", project);
        const LoadedScene loaded = readScene(project);
        QVERIFY2(loaded.skippedLayers.empty(), loaded.skippedLayers.empty() ? "" : loaded.skippedLayers.front().c_str());
        QVERIFY(loaded.scene.findLayer("S1 HH sigma0"));
        QVERIFY(loaded.scene.findLayer("S1 HH sigma0 2024-03-15"));
        QVERIFY(loaded.scene.findLayer("CryoSat-2 freeboard"));
        QCOMPARE(formatUtc(loaded.scene.referenceTime()), std::string("2024-03-14T16:05:12Z"));
    }

    void nothingLocatedGivesNoGrid()
    {
        QVERIFY_THROWS_EXCEPTION(SceneError, gridForProducts({}));
        QVERIFY_THROWS_EXCEPTION(SceneError, writeSceneManifest({}, m_grid, "empty", m_folder.path("empty")));
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    AnalysisGrid m_grid;
};

BANQUISE_REGISTER_TEST(TestProductCatalog);
#include "tst_ProductCatalog.moc"
