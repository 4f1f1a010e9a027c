#include "common/SceneErrorText.h"
#include "common/TestRegistry.h"

#include "labeling/LabelFiles.h"
#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "scene/SceneError.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>

#include <functional>
#include <set>
#include <QTest>

using namespace banquise;
using namespace banquise::labeling;

namespace {

// 300 x 200 pixels of 40 m, polar stereographic north.
const scene::AnalysisGrid kGrid(3413, -200000.0, 100000.0, 40.0, 300, 200);

} // namespace

class TestLabelFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        GDALAllRegister();
        QVERIFY(m_folder.isValid());
        m_store = std::make_unique<ProjectStore>(file("project.banquise"));
        m_session = std::make_unique<LabelSession>(*m_store, SceneRecord{0, "/data/a", "a", kGrid}, "tester");
        // A floe with a lead crossing it, a refrozen lead, and an "unknown" patch.
        m_session->addPolygon(LabelCode::Floe, {{20, 20}, {120, 20}, {120, 120}, {20, 120}});
        m_session->beginStroke(AnnotationKind::Stroke, LabelCode::OpenLead, 3.0, {10, 70});
        m_session->extendStroke({140, 70});
        m_session->endStroke();
        m_session->addPolygon(LabelCode::RefrozenLead, {{200, 150}, {280, 150}, {240, 190}});
        m_session->addPolygon(LabelCode::Unknown, {{200, 10}, {210, 10}, {210, 20}, {200, 20}});
    }
    void cleanup()
    {
        m_session.reset();
        m_store.reset();
    }

    void theGeoTiffHoldsClassesColoursAndNames()
    {
        exportLabelsGeoTiff(*m_session->layer(), file("labels.tif"));
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file("labels.tif").c_str(), GDAL_OF_RASTER));
        QVERIFY(ds);
        QCOMPARE(ds->GetRasterXSize(), 300);
        double transform[6];
        ds->GetGeoTransform(transform);
        QCOMPARE(transform[0], -200000.0);
        QCOMPARE(transform[5], -40.0);
        QCOMPARE(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("3413"));
        GDALRasterBand* band = ds->GetRasterBand(1);
        QCOMPARE(band->GetRasterDataType(), GDT_Byte);
        QCOMPARE(band->GetNoDataValue(), 255.0);
        std::vector<std::uint8_t> values(300 * 200);
        QCOMPARE(band->RasterIO(GF_Read, 0, 0, 300, 200, values.data(), 300, 200, GDT_Byte, 0, 0), CE_None);
        QVERIFY(values == m_session->layer()->toDense());
        QCOMPARE(int(values[50 * 300 + 50]), int(LabelCode::Floe));
        QCOMPARE(int(values[70 * 300 + 130]), int(LabelCode::OpenLead));
        QCOMPARE(std::string(band->GetCategoryNames()[2]), std::string("open lead"));
        const GDALColorEntry* lead = band->GetColorTable()->GetColorEntry(2);
        QCOMPARE(int(lead->c3), 160);
        QCOMPARE(int(band->GetColorTable()->GetColorEntry(255)->c4), 0); // unlabelled is transparent
    }

    void geoPackagePolygonsRoundTripToTheSamePixels()
    {
        exportLabelsGeoPackage(*m_session->layer(), file("labels.gpkg"));
        {
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file("labels.gpkg").c_str(), GDAL_OF_VECTOR));
            QVERIFY(ds);
            OGRLayer* layer = ds->GetLayerByName("labels");
            QVERIFY(layer);
            QVERIFY(layer->GetFeatureCount() >= 4);
            std::set<std::string> names;
            for (auto& feature : *layer)
                names.insert(feature->GetFieldAsString("class_name"));
            QCOMPARE(names, (std::set<std::string>{"unknown", "floe", "open lead", "refrozen lead"}));
        }
        ProjectStore other(file("other.banquise"));
        LabelSession fresh(other, SceneRecord{0, "/data/a", "a", kGrid}, "tester");
        QVERIFY(importLabels(fresh, file("labels.gpkg")) >= 4);
        QVERIFY(fresh.layer()->toDense() == m_session->layer()->toDense());
        QVERIFY(other.annotations(fresh.sceneId()).front().source == AnnotationSource::Import);
        // One import, one undo.
        fresh.undoStack().undo();
        QCOMPARE(fresh.layer()->labelledPixelCount(), std::size_t{0});
        QCOMPARE(other.annotationCount(fresh.sceneId()), std::int64_t{0});
    }

    void aMaskInAnotherCrsIsWarpedOntoTheGrid()
    {
        // The same labels as a mask in UTM 33N... simpler: our GeoTIFF
        // reprojected to EPSG:4326 by GDAL, then imported back.
        exportLabelsGeoTiff(*m_session->layer(), file("labels.tif"));
        std::unique_ptr<GDALDataset> source(GDALDataset::Open(file("labels.tif").c_str(), GDAL_OF_RASTER));
        const char* args[] = {"-t_srs", "EPSG:4326", "-r", "near", nullptr};
        auto* options = GDALWarpAppOptionsNew(const_cast<char**>(args), nullptr);
        GDALDatasetH sources[] = {GDALDataset::ToHandle(source.get())};
        GDALClose(GDALWarp(file("labels-4326.tif").c_str(), nullptr, 1, sources, options, nullptr));
        GDALWarpAppOptionsFree(options);

        ProjectStore other(file("other.banquise"));
        LabelSession fresh(other, SceneRecord{0, "/data/a", "a", kGrid}, "tester");
        QVERIFY(importLabels(fresh, file("labels-4326.tif")) > 0);
        const auto expected = m_session->layer()->toDense();
        const auto imported = fresh.layer()->toDense();
        std::size_t agree = 0, labelled = 0;
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (expected[i] != LabelLayer::kUnlabelled) {
                ++labelled;
                agree += imported[i] == expected[i];
            }
        // Two nearest-neighbour resamplings move edges by up to a pixel.
        QVERIFY2(agree > 0.85 * labelled, qPrintable(QString("%1 of %2").arg(agree).arg(labelled)));
    }

    void badFilesAreRefusedAndStoreNothing()
    {
        const auto before = m_store->annotationCount(m_session->sceneId());
        QVERIFY(tests::sceneErrorOf([&] { importLabels(*m_session, file("missing.gpkg")); }).contains("no such file"));
        writeVector("noclass.gpkg", "EPSG:3413", "name", "something", -198000.0, 98000.0);
        QVERIFY(tests::sceneErrorOf([&] { importLabels(*m_session, file("noclass.gpkg")); }).contains("no class field"));
        writeVector("unknown.gpkg", "EPSG:3413", "class_name", "pancake ice", -198000.0, 98000.0);
        QVERIFY(tests::sceneErrorOf([&] { importLabels(*m_session, file("unknown.gpkg")); }).contains("unknown class 'pancake ice'"));
        writeVector("far.gpkg", "EPSG:3413", "class_name", "floe", 900000.0, 900000.0);
        QVERIFY(tests::sceneErrorOf([&] { importLabels(*m_session, file("far.gpkg")); }).contains("overlaps"));
        writeVector("code9.gpkg", "EPSG:3413", "class_code", "9", -198000.0, 98000.0);
        QVERIFY(tests::sceneErrorOf([&] { importLabels(*m_session, file("code9.gpkg")); }).contains("not a Banquise class"));
        QCOMPARE(m_store->annotationCount(m_session->sceneId()), before);
        // A good one, in geographic coordinates: reprojected.
        writeVector("good.gpkg", "EPSG:3413", "class_name", "open lead", -198000.0, 98000.0);
        QCOMPARE(importLabels(*m_session, file("good.gpkg")), std::size_t{1});
        QCOMPARE(m_session->layer()->at(60, 60), std::uint8_t(LabelCode::OpenLead));
    }

private:
    std::string file(const char* name) const { return m_folder.filePath(name).toStdString(); }

    // A 2 km square whose top-left corner is (x, y), with one attribute.
    void writeVector(const char* name, const char* crs, const char* field, const char* value, double x, double y)
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset> ds(driver->Create(file(name).c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.SetFromUserInput(crs);
        OGRLayer* layer = ds->CreateLayer("l", &srs, wkbPolygon, nullptr);
        const bool integer = std::string(field) == "class_code";
        OGRFieldDefn definition(field, integer ? OFTInteger : OFTString);
        layer->CreateField(&definition);
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField(field, value);
        OGRPolygon square;
        OGRLinearRing ring;
        for (const auto& [dx, dy] : {std::pair{0.0, 0.0}, {2000.0, 0.0}, {2000.0, -2000.0}, {0.0, -2000.0}, {0.0, 0.0}})
            ring.addPoint(x + dx, y + dy);
        square.addRing(&ring);
        feature.SetGeometry(&square);
        QCOMPARE(layer->CreateFeature(&feature), OGRERR_NONE);
    }

    QTemporaryDir m_folder;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<LabelSession> m_session;
};

BANQUISE_REGISTER_TEST(TestLabelFiles);
#include "tst_LabelFiles.moc"
