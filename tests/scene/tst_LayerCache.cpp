#include "common/MixedScene.h"
#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"

#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"

#include <QTest>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace banquise::scene;
namespace fs = std::filesystem;

namespace {
std::size_t cacheFiles(const std::string& scene)
{
    std::error_code error;
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(scene) / "cache", error))
        n += entry.path().extension() == ".tif" ? 1 : 0;
    return n;
}

std::vector<float> band(const LoadedScene& loaded, const char* name)
{
    return std::dynamic_pointer_cast<const RasterLayer>(loaded.scene.findLayer(name))->band(0);
}

// Bit for bit, so that NaN no-data compares equal.
bool identical(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}
} // namespace

class TestLayerCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void warpedLayersAreCachedAndReusedWhole()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path());
        const LoadedScene first = readScene(folder.path());
        // The coarse concentration grid and the swath were warped: cached.
        // The rasters already on the grid were read as they are: not cached.
        QCOMPARE(cacheFiles(folder.path()), std::size_t(2));
        const auto before = fs::last_write_time(fs::path(folder.path()) / "cache" / fs::directory_iterator(fs::path(folder.path()) / "cache")->path().filename());
        const LoadedScene second = readScene(folder.path());
        QVERIFY(identical(band(second, "AMSR-2 SIC"), band(first, "AMSR-2 SIC")));
        QVERIFY(identical(band(second, "SWOT freeboard"), band(first, "SWOT freeboard")));
        QCOMPARE(cacheFiles(folder.path()), std::size_t(2));
        const auto after = fs::last_write_time(fs::path(folder.path()) / "cache" / fs::directory_iterator(fs::path(folder.path()) / "cache")->path().filename());
        QVERIFY(before == after); // read, not rewritten
    }

    void aChangedSourceIsWarpedAgain()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path());
        readScene(folder.path());
        QCOMPARE(cacheFiles(folder.path()), std::size_t(2));
        // A newer concentration product under the same name.
        const fs::path amsr = fs::path(folder.path()) / "amsr_2_sic.tif";
        fs::last_write_time(amsr, fs::last_write_time(amsr) + std::chrono::seconds(5));
        readScene(folder.path());
        QCOMPARE(cacheFiles(folder.path()), std::size_t(3));
    }

    void aCorruptedCacheFileIsRebuilt()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path());
        const LoadedScene first = readScene(folder.path());
        for (const auto& entry : fs::directory_iterator(fs::path(folder.path()) / "cache"))
            std::ofstream(entry.path(), std::ios::trunc) << "not a tiff";
        const LoadedScene again = readScene(folder.path());
        QVERIFY(again.skippedLayers.empty());
        QVERIFY(identical(band(again, "AMSR-2 SIC"), band(first, "AMSR-2 SIC")));
    }

    // A batch renames NAME.partial to NAME; a user moves a project: the
    // scene's cache and display pyramids stay valid.
    void aMovedSceneFolderKeepsItsCache()
    {
        banquise::tests::TempSceneFolder folder;
        writeScene(banquise::tests::makeMixedScene(), folder.path("scene.partial"));
        readScene(folder.path("scene.partial"));
        readScene(folder.path("scene.partial"), nullptr, {}, 10000); // and pyramids
        fs::rename(folder.path("scene.partial"), folder.path("scene"));
        std::vector<std::pair<fs::path, fs::file_time_type>> before;
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(folder.path()) / "cache"))
            if (entry.is_regular_file())
                before.emplace_back(entry.path(), entry.last_write_time());
        QCOMPARE(before.size(), std::size_t(2 + 3)); // two warped rasters, three pyramids
        const LoadedScene whole = readScene(folder.path());
        const LoadedScene shown = readScene(folder.path(), nullptr, {}, 10000);
        QVERIFY(whole.skippedLayers.empty() && shown.skippedLayers.empty());
        std::size_t after = 0;
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(folder.path()) / "cache"))
            after += entry.is_regular_file() ? 1 : 0;
        QCOMPARE(after, before.size()); // nothing made again
        for (const auto& [file, time] : before)
            QVERIFY(fs::last_write_time(file) == time);
    }
};

BANQUISE_REGISTER_TEST(TestLayerCache);
#include "tst_LayerCache.moc"
