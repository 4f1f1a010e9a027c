#include "common/TestRegistry.h"

#include "scene/RasterLayer.h"
#include "scene/SampleScene.h"
#include "scene/TrackLayer.h"

#include <QTest>

#include <cmath>

using namespace banquise::scene;

namespace {
std::shared_ptr<const RasterLayer> sigma0(const Scene& scene)
{
    return std::dynamic_pointer_cast<const RasterLayer>(scene.findLayer("S1 HH sigma0"));
}
} // namespace

class TestSampleScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameScene()
    {
        const SampleSceneOptions options{11, 128, 100.0, {-60.0, 84.5}};
        QCOMPARE(sigma0(makeSampleScene(options))->band(0), sigma0(makeSampleScene(options))->band(0));
    }

    void anotherSeedAnotherScene()
    {
        QVERIFY(sigma0(makeSampleScene({11, 128, 100.0, {-60.0, 84.5}}))->band(0)
                != sigma0(makeSampleScene({12, 128, 100.0, {-60.0, 84.5}}))->band(0));
    }

    void leadRecordsSitNearSeaLevelAndFloesAbove()
    {
        const Scene scene = makeSampleScene({5, 400, 100.0, {-60.0, 84.5}});
        const auto track = std::dynamic_pointer_cast<const TrackLayer>(scene.findLayer("CryoSat-2 freeboard"));
        QVERIFY(track);
        double leadSum = 0.0;
        double floeSum = 0.0;
        int leads = 0;
        int floes = 0;
        for (const auto& r : track->records()) {
            if (r.surface == SurfaceType::Lead) {
                leadSum += r.value;
                ++leads;
            } else if (r.surface == SurfaceType::Floe) {
                floeSum += r.value;
                ++floes;
            }
        }
        QVERIFY(leads > 0 && floes > 0);
        QVERIFY(std::abs(leadSum / leads) < 0.05);
        QVERIFY(floeSum / floes > 0.15);
    }

    void gridIsCentredOnTheRequestedPoint()
    {
        const Scene scene = makeSampleScene({5, 200, 100.0, {-60.0, 84.5}});
        const MapExtent e = scene.grid().extent();
        const LonLat centre = scene.grid().toLonLat({0.5 * (e.xMin + e.xMax), 0.5 * (e.yMin + e.yMax)});
        QVERIFY(std::abs(centre.lat - 84.5) < 0.01);
        QVERIFY(std::abs(centre.lon + 60.0) < 0.1);
    }
};

BANQUISE_REGISTER_TEST(TestSampleScene);
#include "tst_SampleScene.moc"
