#include "common/MixedScene.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/Feedback.h"
#include "scene/SceneError.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <fstream>
#include <regex>

using namespace banquise::scene;

namespace {
void overwrite(const std::string& file, const std::string& content)
{
    std::ofstream(file, std::ios::trunc) << content;
}

std::string readText(const std::string& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replaceInFile(const std::string& file, const std::string& from, const std::string& to)
{
    std::string text = readText(file);
    const auto at = text.find(from);
    QVERIFY2(at != std::string::npos, from.c_str());
    text.replace(at, from.size(), to);
    overwrite(file, text);
}

// The error names the file and the reason.
void expectError(const std::string& path, const char* fileFragment, const char* reasonFragment)
{
    try {
        readScene(path);
        QFAIL("readScene accepted bad input");
    } catch (const SceneError& e) {
        QVERIFY2(e.file().find(fileFragment) != std::string::npos, e.what());
        QVERIFY2(e.reason().find(reasonFragment) != std::string::npos, e.what());
    }
}

bool mentions(const std::vector<std::string>& messages, const std::string& a, const std::string& b)
{
    for (const auto& m : messages)
        if (m.find(a) != std::string::npos && m.find(b) != std::string::npos)
            return true;
    return false;
}
} // namespace

class TestSceneErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_folder = std::make_unique<banquise::tests::TempSceneFolder>();
        writeScene(banquise::tests::makeMixedScene(), m_folder->path());
        const LoadedScene intact = readScene(m_folder->path());
        QCOMPARE(intact.scene.layers().size(), std::size_t(5));
        QVERIFY(intact.skippedLayers.empty());
    }

    void missingPathIsNamed() { expectError(m_folder->path("nowhere"), "nowhere", "does not exist"); }

    void folderWithoutManifestIsNotAScene() { expectError(m_folder->root(), m_folder->root().c_str(), "not a Banquise scene"); }

    void corruptedManifestIsRejected()
    {
        overwrite(m_folder->path() + "/scene.json", "{ this is not json");
        expectError(m_folder->path(), "scene.json", "not valid JSON");
    }

    void manifestFromANewerVersionIsRejected()
    {
        replaceInFile(m_folder->path() + "/scene.json", "\"version\":1", "\"version\":7");
        expectError(m_folder->path(), "scene.json", "newer");
    }

    void unknownCrsIsRejected()
    {
        replaceInFile(m_folder->path() + "/scene.json", "\"epsg\":3413", "\"epsg\":999999");
        expectError(m_folder->path(), "scene.json", "EPSG:999999");
    }

    void corruptedRasterIsSkippedAndTheRestLoads()
    {
        overwrite(m_folder->path() + "/s2_rgb.tif", "II*\0 definitely not a TIFF");
        const LoadedScene loaded = readScene(m_folder->path());
        QCOMPARE(loaded.scene.layers().size(), std::size_t(4));
        QVERIFY(!loaded.scene.findLayer("S2 RGB"));
        QVERIFY(mentions(loaded.skippedLayers, "s2_rgb.tif", "cannot open"));
    }

    void deletedLayerFileIsSkipped()
    {
        QVERIFY(QFile::remove(QString::fromStdString(m_folder->path() + "/swot_freeboard.tif")));
        const LoadedScene loaded = readScene(m_folder->path());
        QVERIFY(mentions(loaded.skippedLayers, "swot_freeboard.tif", "does not exist"));
    }

    void layersWithoutOverlapAreReported()
    {
        // Move the grid 9 000 km away: no raster or track overlaps it.
        const std::string manifest = m_folder->path() + "/scene.json";
        overwrite(manifest, std::regex_replace(readText(manifest), std::regex("\"origin_x\":[-0-9.]+"), "\"origin_x\":-9000000.0"));
        try {
            readScene(m_folder->path());
            QFAIL("a scene without overlap was accepted");
        } catch (const SceneError& e) {
            QVERIFY2(e.reason().find("no layer could be loaded") != std::string::npos, e.what());
            QVERIFY2(e.reason().find("no valid pixel") != std::string::npos, e.what());
        }
    }

    void trackTableWithoutValuesIsSkipped()
    {
        overwrite(m_folder->path() + "/cryosat_2_freeboard.csv", "lat,lon,time\n84.5,-60,2024-03-14T07:42:10Z\n");
        const LoadedScene loaded = readScene(m_folder->path());
        QVERIFY(mentions(loaded.skippedLayers, "cryosat_2_freeboard.csv", "lat, lon and value"));
        QCOMPARE(loaded.scene.layers().size(), std::size_t(4));
    }

    void badAcquisitionTimeIsNamed()
    {
        replaceInFile(m_folder->path() + "/scene.json", "\"time\":\"2024-03-14T07:42:10Z\"", "\"time\":\"last Tuesday\"");
        const LoadedScene loaded = readScene(m_folder->path());
        QVERIFY(mentions(loaded.skippedLayers, "s1_hh_sigma0.tif", "not ISO-8601"));
    }

    void acquisitionTimeOutOfRangeIsNamed()
    {
        // A product time read with the wrong epoch lands decades away.
        replaceInFile(m_folder->path() + "/scene.json", "\"time\":\"2024-03-14T07:42:10Z\"", "\"time\":\"1978-03-14T07:42:10Z\"");
        const LoadedScene loaded = readScene(m_folder->path());
        QVERIFY(mentions(loaded.skippedLayers, "s1_hh_sigma0.tif", "out of range"));
        QCOMPARE(loaded.scene.layers().size(), std::size_t(4)); // the rest loads
    }

    void loadingReportsProgressAndCanBeCancelled()
    {
        Feedback feedback;
        readScene(m_folder->path(), &feedback);
        QCOMPARE(feedback.progress(), 1.0);
        Feedback cancelled;
        cancelled.cancel();
        try {
            readScene(m_folder->path(), &cancelled);
            QFAIL("a cancelled load went on");
        } catch (const SceneError& e) {
            QVERIFY2(e.reason() == "loading cancelled", e.what());
        }
    }

    void writerRefusesToReplaceWhatIsNotAScene()
    {
        const std::string precious = m_folder->path("precious");
        QVERIFY(QDir().mkpath(QString::fromStdString(precious)));
        overwrite(precious + "/thesis.tex", "years of work");
        QVERIFY_THROWS_EXCEPTION(SceneError, writeScene(banquise::tests::makeMixedScene(), precious));
        QCOMPARE(readText(precious + "/thesis.tex"), std::string("years of work"));
    }

private:
    std::unique_ptr<banquise::tests::TempSceneFolder> m_folder;
};

BANQUISE_REGISTER_TEST(TestSceneErrors);
#include "tst_SceneErrors.moc"
