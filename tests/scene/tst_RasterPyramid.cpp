#include "common/MixedScene.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/Feedback.h"
#include "scene/GeoTiffFile.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/RasterPyramid.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"
#include "scene/SwathLayer.h"

#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace banquise::scene;
namespace fs = std::filesystem;

namespace {
// 1000 x 600 cells of 10 m: value = col + 1000 row, NaN in a 4 x 4 patch
// at (100, 100) and in the single cell (201, 301).
const AnalysisGrid kGrid(3413, -100000.0, -500000.0, 10.0, 1000, 600);

float cellValue(int col, int row)
{
    if ((col >= 100 && col < 104 && row >= 100 && row < 104) || (col == 201 && row == 301))
        return std::nanf("");
    return static_cast<float>(col + 1000 * row);
}

std::string writeRamp(const std::string& folder)
{
    std::vector<float> values(static_cast<std::size_t>(kGrid.width()) * kGrid.height());
    for (int r = 0; r < kGrid.height(); ++r)
        for (int c = 0; c < kGrid.width(); ++c)
            values[static_cast<std::size_t>(r) * kGrid.width() + c] = cellValue(c, r);
    const std::string file = folder + "/ramp.tif";
    fs::create_directories(folder);
    writeFloatGeoTiff(file, kGrid, {values}, 0.0);
    return file;
}

std::vector<fs::path> pyramidFiles(const std::string& scene)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(fs::path(scene) / "cache" / "pyramids", error))
        files.push_back(entry.path());
    return files;
}
} // namespace

class TestRasterPyramid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void levelsAverageTheFinerCellsAndSkipNoData()
    {
        banquise::tests::TempSceneFolder folder;
        const std::string pyramidFile = folder.path("ramp.pyramid.tif");
        buildRasterPyramid(writeRamp(folder.path()), kGrid, pyramidFile, PyramidResampling::Average);
        const RasterPyramid pyramid(pyramidFile);
        // 1000 -> 500 -> 250: the coarsest fits in one 256-cell tile.
        QCOMPARE(pyramid.levelCount(), 3);
        QCOMPARE(pyramid.levelGrid(1).width(), 500);
        QCOMPARE(pyramid.levelGrid(2).height(), 150);
        QCOMPARE(pyramid.levelGrid(2).pixelSize(), 40.0);
        QCOMPARE(pyramid.levelGrid(2).originX(), kGrid.originX());
        // Level 1 cell (10, 7) averages cells (20..21, 14..15).
        const auto level1 = pyramid.read(1, 10, 7, 1, 1);
        QCOMPARE(level1[0][0], (cellValue(20, 14) + cellValue(21, 14) + cellValue(20, 15) + cellValue(21, 15)) / 4.0f);
        // A block with one NaN averages the three others; a block of NaN stays NaN.
        QCOMPARE(pyramid.read(1, 100, 150, 1, 1)[0][0], (cellValue(200, 300) + cellValue(200, 301) + cellValue(201, 300)) / 3.0f);
        QVERIFY(std::isnan(pyramid.read(1, 50, 50, 1, 1)[0][0]));
        // Level 0 is the source itself.
        QCOMPARE(pyramid.valuesAt(999, 599).front(), cellValue(999, 599));
    }

    void windowsReadAcrossTheEdgeAreNoDataOutside()
    {
        banquise::tests::TempSceneFolder folder;
        const std::string pyramidFile = folder.path("ramp.pyramid.tif");
        buildRasterPyramid(writeRamp(folder.path()), kGrid, pyramidFile, PyramidResampling::Average);
        const RasterPyramid pyramid(pyramidFile);
        const auto window = pyramid.read(0, 995, -2, 10, 5);
        QCOMPARE(window[0].size(), std::size_t(50));
        QVERIFY(std::isnan(window[0][0]));     // above the top row
        QVERIFY(std::isnan(window[0][2 * 10 + 5])); // right of the last column
        QCOMPARE(window[0][2 * 10 + 0], cellValue(995, 0));
        QCOMPARE(window[0][4 * 10 + 4], cellValue(999, 2));
        QVERIFY(std::isnan(pyramid.read(2, 400, 0, 3, 3)[0][4])); // wholly outside
    }

    void classCodesKeepTheirValuesAtEveryLevel()
    {
        banquise::tests::TempSceneFolder folder;
        std::vector<float> classes(static_cast<std::size_t>(kGrid.width()) * kGrid.height());
        for (std::size_t i = 0; i < classes.size(); ++i)
            classes[i] = static_cast<float>(1 + (i * 7919 % 3));
        fs::create_directories(folder.path());
        writeFloatGeoTiff(folder.path() + "/classes.tif", kGrid, {classes}, 0.0);
        buildRasterPyramid(folder.path() + "/classes.tif", kGrid, folder.path("classes.pyramid.tif"), PyramidResampling::Nearest);
        const RasterPyramid pyramid(folder.path("classes.pyramid.tif"));
        const AnalysisGrid& coarse = pyramid.levelGrid(pyramid.levelCount() - 1);
        const auto coarsest = pyramid.read(pyramid.levelCount() - 1, 0, 0, coarse.width(), coarse.height());
        const std::set<float> seen(coarsest[0].begin(), coarsest[0].end());
        QCOMPARE(seen, (std::set<float>{1.0f, 2.0f, 3.0f}));
    }

    void levelsFollowTheScreenPixel()
    {
        banquise::tests::TempSceneFolder folder;
        buildRasterPyramid(writeRamp(folder.path()), kGrid, folder.path("p.tif"), PyramidResampling::Average);
        const RasterPyramid pyramid(folder.path("p.tif"));
        QCOMPARE(pyramid.levelFor(5.0), 0);   // magnified
        QCOMPARE(pyramid.levelFor(10.0), 0);
        QCOMPARE(pyramid.levelFor(14.0), 1);  // 20 m cells are at most 1.5 screen pixels
        QCOMPARE(pyramid.levelFor(30.0), 2);
        QCOMPARE(pyramid.levelFor(1000.0), 2); // the coarsest
    }

    void badSourcesAreNamedAndLeaveNothing()
    {
        banquise::tests::TempSceneFolder folder;
        const std::string ramp = writeRamp(folder.path());
        const AnalysisGrid shifted(3413, kGrid.originX() + 10.0, kGrid.originY(), 10.0, 1000, 600);
        try {
            buildRasterPyramid(ramp, shifted, folder.path("p.tif"), PyramidResampling::Average);
            QFAIL("a raster off the grid made a pyramid");
        } catch (const SceneError& e) {
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(ramp));
            QVERIFY(QString(e.what()).contains("not on the scene's grid"));
        }
        QVERIFY(!fs::exists(folder.path("p.tif")) && !fs::exists(folder.path("p.tif.partial")));
        QVERIFY_THROWS_EXCEPTION(SceneError, buildRasterPyramid(folder.path("missing.tif"), kGrid, folder.path("p.tif"), PyramidResampling::Average));
        std::ofstream(folder.path("broken.tif")) << "not a tiff";
        QVERIFY_THROWS_EXCEPTION(SceneError, RasterPyramid(folder.path("broken.tif")));
    }

    void aCancelledBuildReportsAndLeavesNothing()
    {
        banquise::tests::TempSceneFolder folder;
        const std::string ramp = writeRamp(folder.path());
        Feedback feedback;
        feedback.cancel();
        try {
            buildRasterPyramid(ramp, kGrid, folder.path("p.tif"), PyramidResampling::Average, 0.0, {&feedback, 0.5, 0.25, "ramp: display pyramid"});
            QFAIL("a cancelled build finished");
        } catch (const SceneError& e) {
            QVERIFY(QString(e.what()).contains("pyramid cancelled"));
        }
        QVERIFY(!fs::exists(folder.path("p.tif")) && !fs::exists(folder.path("p.tif.partial")));
        // Progress stays within the share it was given.
        Feedback watched;
        buildRasterPyramid(ramp, kGrid, folder.path("p.tif"), PyramidResampling::Average, 0.0, {&watched, 0.5, 0.25, "ramp: display pyramid"});
        QCOMPARE(watched.progress(), 0.75);
        QCOMPARE(QString::fromStdString(watched.step()), QString("ramp: display pyramid"));
    }

    void aLargeSceneOpensFromPyramidsBuiltOnce()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path());
        const LoadedScene whole = readScene(folder.path());
        // 128 x 128 cells: "large" above 10 000.
        const LoadedScene shown = readScene(folder.path(), nullptr, {}, 10000);
        for (const char* name : {"S1 HH sigma0", "S2 RGB", "AMSR-2 SIC"}) {
            const auto pyramid = std::dynamic_pointer_cast<const PyramidLayer>(shown.scene.findLayer(name));
            QVERIFY2(pyramid, name);
            const auto held = std::dynamic_pointer_cast<const RasterLayer>(whole.scene.findLayer(name));
            QCOMPARE(pyramid->bandCount(), held->bandCount());
            // The same values as the layer read whole, cell for cell.
            const auto window = pyramid->pyramid().read(0, 0, 0, 128, 128);
            for (int b = 0; b < held->bandCount(); ++b)
                for (std::size_t i = 0; i < window[b].size(); i += 97)
                    QVERIFY((std::isnan(window[b][i]) && std::isnan(held->band(b)[i])) || window[b][i] == held->band(b)[i]);
            const MapPoint centre{0.5 * (held->extent().xMin + held->extent().xMax), 0.5 * (held->extent().yMin + held->extent().yMax)};
            QCOMPARE(pyramid->valuesAt(centre), held->valuesAt(centre));
        }
        // Swaths and tracks are held as before.
        QVERIFY(std::dynamic_pointer_cast<const SwathLayer>(shown.scene.findLayer("SWOT freeboard")));
        QVERIFY(shown.scene.findLayer("CryoSat-2 freeboard"));
        const std::vector<fs::path> built = pyramidFiles(folder.path());
        QCOMPARE(built.size(), std::size_t(3));
        const auto stamp = fs::last_write_time(built.front());
        readScene(folder.path(), nullptr, {}, 10000);
        QCOMPARE(pyramidFiles(folder.path()).size(), std::size_t(3));
        QVERIFY(fs::last_write_time(built.front()) == stamp); // opened, not rebuilt
    }

    void anAddedMapIsShiftedTheSameHeldWholeOrFromItsPyramid()
    {
        banquise::tests::TempSceneFolder folder;
        const std::string ramp = writeRamp(folder.path());
        AddedMap map;
        map.file = ramp;
        map.info.name = "shifted ramp";
        map.valueOffset = 1.0;
        const auto whole = readAddedMap(map, folder.path("scene"), kGrid);
        const auto shown = readAddedMap(map, folder.path("scene"), kGrid, 1000);
        QVERIFY(std::dynamic_pointer_cast<const RasterLayer>(whole));
        QVERIFY(std::dynamic_pointer_cast<const PyramidLayer>(shown));
        QCOMPARE(whole->name(), std::string("shifted ramp"));
        const MapPoint p = kGrid.pixelCentre(300, 200);
        QCOMPARE(whole->valuesAt(p), std::vector<double>{cellValue(300, 200) + 1.0});
        QCOMPARE(shown->valuesAt(p), whole->valuesAt(p));
        QVERIFY(shown->valuesAt(kGrid.pixelCentre(101, 101)).empty()); // no data stays none
        map.file = folder.path("missing.tif");
        try {
            readAddedMap(map, folder.path("scene"), kGrid);
            QFAIL("a missing map was read");
        } catch (const SceneError& e) {
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(fs::absolute(map.file).string()));
        }
    }

    void aDamagedPyramidIsRebuilt()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path());
        readScene(folder.path(), nullptr, {}, 10000);
        for (const fs::path& file : pyramidFiles(folder.path()))
            std::ofstream(file, std::ios::trunc) << "not a tiff";
        const LoadedScene again = readScene(folder.path(), nullptr, {}, 10000);
        QVERIFY(again.skippedLayers.empty());
        QVERIFY(std::dynamic_pointer_cast<const PyramidLayer>(again.scene.findLayer("S1 HH sigma0")));
        QVERIFY(!again.scene.findLayer("S1 HH sigma0")->sampleValues(1000).empty());
    }
};

BANQUISE_REGISTER_TEST(TestRasterPyramid);
#include "tst_RasterPyramid.moc"
