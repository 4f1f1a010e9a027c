#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/ZipFolder.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/ProductCatalog.h"
#include "scene/ProductKinds.h"
#include "scene/kinds/ProductKind.h"
#include "scene/SceneAssembly.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/SceneReader.h"
#include "scene/Sentinel1Calibrated.h"
#include "scene/UtcTime.h"
#include "scene/synthetic/SyntheticScene.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <fnmatch.h>

using namespace banquise::scene;
namespace fs = std::filesystem;

namespace {
int count(const Detection& d, const std::string& kind)
{
    return static_cast<int>(std::count_if(d.products.begin(), d.products.end(), [&](const auto& p) { return p.kind == kind; }));
}

float pixel(GDALDataset& ds, int column, int row)
{
    float v = NAN;
    if (ds.GetRasterBand(1)->RasterIO(GF_Read, column, row, 1, 1, &v, 1, 1, GDT_Float32, 0, 0) != CE_None)
        return NAN;
    return v;
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
        m_products = synthetic::writeSyntheticScene(options, m_folder.path());
        m_grid = readScene(m_folder.path()).scene.grid();
    }

    void everySyntheticProductIsRecognised()
    {
        const Detection d = detectProducts({m_folder.path()});
        QCOMPARE(count(d, "sentinel1_safe"), 3); // two GRD dates and the SLC crop
        QCOMPARE(count(d, "altimeter"), 3);
        QCOMPARE(count(d, "swot_l2_lr"), 1);
        QCOMPARE(count(d, "buoys"), 1);
        QVERIFY(count(d, "raster") >= 6); // AMSR-2, Sentinel-2 bands and RGB, truth
        for (const auto& p : d.products) {
            if (p.sensor == "AMSR-2" && p.path.find("asi-AMSR2") != std::string::npos)
                QCOMPARE(formatUtc(p.time), std::string("2024-03-14T12:00:00Z"));
            if (p.kind == "sentinel1_safe")
                QCOMPARE(p.polarisations, (std::vector<std::string>{"HH", "HV"}));
            QVERIFY2(p.time > 0.0 || p.kind == "csv_track" || p.kind == "buoys", p.path.c_str());
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
        QCOMPARE(count(d, "buoys"), 1); // the IABP buoy
        for (const auto& p : d.products)
            if (p.kind == "buoys")
                QCOMPARE(p.detail, std::string("1 buoy, 2869 fixes"));
        // One of the real SAFE's measurements given alone: an SLC VV burst
        // set, its calibration annotation found in the SAFE.
        const auto vv = sentinel1Measurement(shared + "/s1/S1B_IW_SLC__1SDV_20210401T052622_20210401T052650_026269_032297_EFA4.SAFE"
                                             "/measurement/s1b-iw1-slc-vv-20210401t052624-20210401t052649-026269-032297-004.tiff");
        QVERIFY(vv);
        QCOMPARE(vv->product, std::string("SLC"));
        QCOMPARE(vv->polarisation, std::string("VV"));
        QCOMPARE(formatUtc(vv->time), std::string("2021-04-01T05:26:24Z"));
        QVERIFY(vv->calibrationFile.find("calibration-s1b-iw1-slc-vv-20210401t052624") != std::string::npos);
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
        // The buoys around the first SAR date, as a track of drift speeds.
        const auto buoys = std::dynamic_pointer_cast<const TrackLayer>(loaded.scene.findLayer("Buoys IABP_synthetic_20240314"));
        QVERIFY(buoys && !buoys->records().empty());
        QVERIFY(buoys->info().quantity == Quantity::DriftSpeed);
        for (const auto& record : buoys->records())
            QVERIFY(std::abs(record.time - loaded.scene.referenceTime()) <= 24 * 3600.0);
        QCOMPARE(formatUtc(loaded.scene.referenceTime()), std::string("2024-03-14T16:05:12Z"));
    }

    // The hub's zip and a bare measurement GeoTIFF (with its calibration
    // annotation) give the same sigma0 as the SAFE folder.
    void zippedAndBareSentinel1ReadAsTheSafe()
    {
        const fs::path safe = fs::path(m_folder.path()) / m_products.sar;
        const std::string zip = banquise::tests::zipSafe(safe.string(), m_folder.path("zips"));
        const Detection zipped = detectProducts({zip});
        QCOMPARE(zipped.products.size(), std::size_t(1));
        QCOMPARE(zipped.products[0].kind, std::string("sentinel1_safe"));
        QVERIFY(zipped.products[0].path.rfind("/vsizip/", 0) == 0);
        DatasetPtr reference(openCalibratedSentinel1((safe / "manifest.safe").string(), "HH"));
        DatasetPtr fromZip(openCalibratedSentinel1(zipped.products[0].path, "HH"));
        QCOMPARE(pixel(*fromZip, 120, 80), pixel(*reference, 120, 80));

        std::string measurement;
        for (const auto& f : fs::directory_iterator(safe / "measurement"))
            if (f.path().filename().string().find("-hh-") != std::string::npos)
                measurement = f.path().string();
        // Picked as a file inside its SAFE, the manifest stands for the product.
        const Detection manifest = detectProducts({(safe / "manifest.safe").string()});
        QCOMPARE(manifest.products.size(), std::size_t(1));
        QCOMPARE(manifest.products[0].kind, std::string("sentinel1_safe"));
        const Detection bare = detectProducts({measurement});
        QCOMPARE(bare.products.size(), std::size_t(1));
        QCOMPARE(bare.products[0].kind, std::string("sentinel1_tiff"));
        QCOMPARE(bare.products[0].polarisations, std::vector<std::string>{"HH"});
        QCOMPARE(formatUtc(bare.products[0].time), std::string("2024-03-14T16:05:12Z"));
        DatasetPtr fromTiff(openCalibratedSentinel1Measurement(measurement));
        QCOMPARE(pixel(*fromTiff, 120, 80), pixel(*reference, 120, 80));
        // The bare file alone cannot be calibrated: recognised, and said so.
        const fs::path alone = fs::path(m_folder.path("alone")) / fs::path(measurement).filename();
        fs::create_directories(alone.parent_path());
        fs::copy_file(measurement, alone);
        const Detection uncalibrated = detectProducts({alone.string()});
        QCOMPARE(uncalibrated.products.size(), std::size_t(1));
        QCOMPARE(uncalibrated.products[0].kind, std::string("raster"));
        QVERIFY(uncalibrated.products[0].detail.find("uncalibrated") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(SceneError, openCalibratedSentinel1Measurement(alone.string()));
        // With its calibration annotation copied beside it, it is calibrated again.
        const std::string calibration = "calibration-" + alone.stem().string() + ".xml";
        fs::copy_file(safe / "annotation" / "calibration" / calibration, alone.parent_path() / calibration);
        const Detection beside = detectProducts({alone.string()});
        QCOMPARE(beside.products[0].kind, std::string("sentinel1_tiff"));
        // A scene of the bare file: an SAR layer on a grid of its own footprint.
        const AnalysisGrid grid = gridForProducts(beside.products);
        writeSceneManifest(beside.products, grid, "bare", m_folder.path("bare"));
        const LoadedScene loaded = readScene(m_folder.path("bare"));
        QVERIFY(loaded.skippedLayers.empty());
        QVERIFY(loaded.scene.findLayer("S1 HH sigma0"));
    }

    void anIncompleteSafeNamesWhatIsMissing()
    {
        const fs::path copy = m_folder.path("incomplete") + "/" + fs::path(m_products.sar).filename().string();
        fs::create_directories(copy.parent_path());
        fs::copy(fs::path(m_folder.path()) / m_products.sar, copy, fs::copy_options::recursive);
        for (const auto& entry : fs::directory_iterator(copy / "annotation/calibration"))
            if (entry.path().filename().string().rfind("calibration-s1a-ew-grd-hh-", 0) == 0)
                fs::remove(entry.path());
        const std::string manifest = (copy / "manifest.safe").string();
        try {
            DatasetPtr(openCalibratedSentinel1(manifest, "HH"));
            QFAIL("a SAFE without its HH calibration was calibrated");
        } catch (const SceneError& e) {
            QVERIFY2(std::string(e.what()).find("missing from the product: annotation/calibration/calibration-s1a-ew-grd-hh-")
                         != std::string::npos,
                     e.what());
        }
        DatasetPtr hv(openCalibratedSentinel1(manifest, "HV")); // what is there still loads
        QVERIFY(hv);
        for (const auto& entry : fs::directory_iterator(copy / "measurement"))
            fs::remove(entry.path());
        const Detection d = detectProducts({copy.string()});
        QVERIFY(d.products.empty());
        QVERIFY(skippedWith(d, copy.filename().string(), "missing from the product: "));
        QVERIFY(skippedWith(d, copy.filename().string(), "measurement/s1a-ew-grd-hh-"));
    }

    // The reader registry is whole: each kind recognises, places, writes its
    // manifest entries, reads them back and has a line in the Open dialog.
    void everyKindOfTheRegistryIsWhole()
    {
        std::set<std::string> names;
        std::set<std::string> products;
        for (const ProductKind& kind : productKinds()) {
            QVERIFY2(names.insert(kind.name).second, kind.name.c_str());
            QVERIFY(!kind.label.empty() && !kind.dialogPatterns.empty());
            QVERIFY(kind.claims && kind.detect && kind.role && kind.addManifestEntries && !kind.readers.empty());
            QCOMPARE(&productKind(kind.name), &kind);
            for (const ManifestReader& reader : kind.readers) {
                QVERIFY2(products.insert(reader.product).second, reader.product.c_str());
                QVERIFY((reader.openRaster != nullptr) != (reader.readLayer != nullptr));
                QCOMPARE(manifestReader(reader.product), &reader);
            }
        }
        QCOMPARE(productFileFilters().size(), productKinds().size());
        QVERIFY_THROWS_EXCEPTION(SceneError, productKind("sentinel7"));
        QVERIFY(!manifestReader("sentinel7"));
    }

    // What the catalogue recognises, the Open dialog lets the user pick: the
    // product's file, or a file inside its folder, matches a pattern of its kind.
    void theOpenDialogOffersEveryRecognisedProduct()
    {
        const Detection d = detectProducts({m_folder.path(), BANQUISE_SHARED_DATA});
        QVERIFY(d.products.size() >= 10);
        for (const auto& p : d.products) {
            std::vector<std::string> files{fs::path(p.path).filename().string()};
            std::error_code error;
            if (fs::is_directory(p.path, error))
                for (const auto& child : fs::directory_iterator(p.path, error))
                    files.push_back(child.path().filename().string());
            const auto& patterns = productKind(p.kind).dialogPatterns;
            const bool offered = std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
                return std::any_of(files.begin(), files.end(),
                                   [&](const std::string& file) { return fnmatch(pattern.c_str(), file.c_str(), 0) == 0; });
            });
            QVERIFY2(offered, (p.kind + ": " + p.path).c_str());
        }
    }

    void nothingLocatedGivesNoGrid()
    {
        QVERIFY_THROWS_EXCEPTION(SceneError, gridForProducts({}));
        QVERIFY_THROWS_EXCEPTION(SceneError, writeSceneManifest({}, m_grid, "empty", m_folder.path("empty")));
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    AnalysisGrid m_grid;
    synthetic::SynthProducts m_products;
};

BANQUISE_REGISTER_TEST(TestProductCatalog);
#include "tst_ProductCatalog.moc"
