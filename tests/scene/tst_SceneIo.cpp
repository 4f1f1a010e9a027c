#include "common/MixedScene.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <gdal_priv.h>

#include <QTest>

#include <cmath>
#include <filesystem>

using namespace banquise::scene;

namespace {
template <class T>
std::shared_ptr<const T> layerOf(const Scene& scene, const char* name)
{
    auto layer = std::dynamic_pointer_cast<const T>(scene.findLayer(name));
    if (!layer)
        qFatal("scene has no layer %s of the expected kind", name);
    return layer;
}
} // namespace

class TestSceneIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_written = banquise::tests::makeMixedScene();
        writeScene(m_written, m_folder.path());
        m_read = readScene(m_folder.path()).scene;
    }

    void everyLayerComesBackWithItsKindAndTime()
    {
        QCOMPARE(m_read.layers().size(), m_written.layers().size());
        for (std::size_t i = 0; i < m_written.layers().size(); ++i) {
            const Layer& written = *m_written.layers()[i];
            const Layer& read = *m_read.layers()[i];
            QCOMPARE(read.name(), written.name());
            QVERIFY(read.kind() == written.kind());
            QVERIFY(read.info().quantity == written.info().quantity);
            QCOMPARE(read.info().sensor, written.info().sensor);
            QCOMPARE(std::floor(read.info().time), std::floor(written.info().time));
        }
        QVERIFY(m_read.grid().sameGeometry(m_written.grid()));
        QCOMPARE(m_read.referenceTime(), m_written.referenceTime());
    }

    void aFilterReadsOnlyTheLayersAskedFor()
    {
        const LoadedScene tracksOnly = readScene(m_folder.path(), nullptr, [](LayerKind kind, Quantity) { return kind == LayerKind::Track; });
        std::size_t tracks = 0;
        for (const auto& layer : m_written.layers())
            tracks += layer->kind() == LayerKind::Track ? 1 : 0;
        QVERIFY(tracks > 0 && tracks < m_written.layers().size());
        QCOMPARE(tracksOnly.scene.layers().size(), tracks);
        for (const auto& layer : tracksOnly.scene.layers())
            QVERIFY(layer->kind() == LayerKind::Track);
        QVERIFY(tracksOnly.skippedLayers.empty()); // left out is not skipped
    }

    void rastersOnTheGridKeepTheirExactValues()
    {
        const auto written = layerOf<RasterLayer>(m_written, "S1 HH sigma0");
        const auto read = layerOf<RasterLayer>(m_read, "S1 HH sigma0");
        QCOMPARE(read->band(0), written->band(0));
        const auto rgbWritten = layerOf<RasterLayer>(m_written, "S2 RGB");
        const auto rgbRead = layerOf<RasterLayer>(m_read, "S2 RGB");
        QCOMPARE(rgbRead->bandCount(), 3);
        QCOMPARE(rgbRead->band(2), rgbWritten->band(2));
    }

    void coarseGridsAreWarpedOntoTheAnalysisGrid()
    {
        // The 6.25 km concentration grid lands on the 100 m grid cell by cell
        // (nearest neighbour): each analysis pixel carries its coarse cell's value.
        const auto coarse = layerOf<RasterLayer>(m_written, "AMSR-2 SIC");
        const auto onGrid = layerOf<RasterLayer>(m_read, "AMSR-2 SIC");
        QVERIFY(coarse->grid().pixelSize() == 6250.0);
        QVERIFY(onGrid->grid().sameGeometry(m_read.grid()));
        for (const auto& [col, row] : {std::pair{5, 5}, {100, 30}, {127, 127}, {70, 120}}) {
            const MapPoint p = m_read.grid().pixelCentre(col, row);
            QCOMPARE(onGrid->valuesAt(p), coarse->valuesAt(p));
        }
    }

    void trackRecordsLandWhereTheirCoordinatesSay()
    {
        const auto written = layerOf<TrackLayer>(m_written, "CryoSat-2 freeboard");
        const auto read = layerOf<TrackLayer>(m_read, "CryoSat-2 freeboard");
        QCOMPARE(read->records().size(), written->records().size());
        for (std::size_t i = 0; i < read->records().size(); i += 7) {
            const TrackRecord& a = written->records()[i];
            const TrackRecord& b = read->records()[i];
            // CSV keeps 7 decimals of a degree: about a centimetre.
            QVERIFY(std::hypot(a.position.x - b.position.x, a.position.y - b.position.y) < 0.05);
            QVERIFY(std::abs(a.value - b.value) < 1e-4f);
            QCOMPARE(b.surface, a.surface);
            QVERIFY(std::abs(a.time - b.time) < 1.0);
        }
        QCOMPARE(read->footprint().acrossTrackM, 1600.0);
    }

    void swathKeepsItsFootprintsAndGap()
    {
        const auto swath = layerOf<SwathLayer>(m_read, "SWOT freeboard");
        QCOMPARE(swath->footprints().size(), std::size_t(2));
        const auto valid = swath->sampleValues(0).size();
        const auto all = static_cast<std::size_t>(m_read.grid().width()) * m_read.grid().height();
        QVERIFY(valid > 0 && valid < all);
    }

    void gdalReadsTheWrittenGeoTiffWithItsOwnDriver()
    {
        const std::string file = m_folder.path() + "/s1_hh_sigma0.tif";
        GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(file.c_str(), GA_ReadOnly));
        QVERIFY(ds);
        QCOMPARE(QString(ds->GetDriver()->GetDescription()), QString("GTiff"));
        QCOMPARE(QString(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), QString("3413"));
        QCOMPARE(QString(ds->GetMetadataItem("ACQUISITION_TIME")), QString::fromStdString(formatUtc(m_written.referenceTime())));
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        QCOMPARE(t[0], m_written.grid().originX());
        QCOMPARE(t[5], -100.0);
        GDALClose(ds);
    }

    void rewritingReplacesTheSceneWhole()
    {
        writeScene(banquise::tests::makeMixedScene(99), m_folder.path());
        const Scene again = readScene(m_folder.path()).scene;
        QVERIFY(again.name().find("99") != std::string::npos);
        QVERIFY(!std::filesystem::exists(m_folder.path() + ".partial"));
    }

private:
    banquise::tests::TempSceneFolder m_folder;
    Scene m_written;
    Scene m_read;
};

BANQUISE_REGISTER_TEST(TestSceneIo);
#include "tst_SceneIo.moc"
