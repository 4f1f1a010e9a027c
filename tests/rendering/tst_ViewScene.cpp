#include "common/TestRegistry.h"

#include "rendering/ViewScene.h"
#include "scene/RasterLayer.h"
#include "scene/TrackLayer.h"

#include <QTest>

using namespace banquise;
using namespace banquise::rendering;

namespace {
std::shared_ptr<const scene::Layer> raster(const char* name, scene::Quantity quantity)
{
    return std::make_shared<scene::RasterLayer>(scene::LayerInfo{name, "", "", quantity, 0.0, ""},
                                                scene::AnalysisGrid(3413, 0, 40, 10, 4, 4),
                                                std::vector<std::vector<float>>(
                                                    quantity == scene::Quantity::Reflectance ? 3 : 1, std::vector<float>(16, 0.5f)));
}

std::shared_ptr<const scene::Layer> track()
{
    std::vector<scene::TrackRecord> records(3);
    for (int i = 0; i < 3; ++i)
        records[i].position = {5.0 + 10.0 * i, 15.0};
    return std::make_shared<scene::TrackLayer>(scene::LayerInfo{"track", "", "m", scene::Quantity::Freeboard, 0.0, ""},
                                               std::move(records), scene::Footprint{10.0, 10.0});
}
} // namespace

class TestViewScene : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layersStackInTheOrderAdded()
    {
        ViewScene view;
        view.addLayer(raster("sar", scene::Quantity::Sigma0), LayerStyle{});
        view.addLayer(raster("sic", scene::Quantity::SeaIceConcentration), LayerStyle{});
        QCOMPARE(view.layerCount(), 2);
        QCOMPARE(view.layer(1).name(), std::string("sic"));
        view.moveLayer(1, 0);
        QCOMPARE(view.layer(0).name(), std::string("sic"));
        QCOMPARE(view.layer(1).name(), std::string("sar"));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, view.moveLayer(0, 5));
    }

    void colorbarsDescribeTheTopVisibleImageAndTrack()
    {
        ViewScene view;
        LayerStyle grey;
        grey.colormap = Colormap::GreyDecibel;
        LayerStyle rgb;
        rgb.colormap = Colormap::RgbComposite;
        view.addLayer(raster("sar", scene::Quantity::Sigma0), grey);
        view.addLayer(raster("optical", scene::Quantity::Reflectance), rgb);
        view.addLayer(track(), LayerStyle{});
        // The RGB composite has no colour table: the bar shows SAR below it.
        QCOMPARE(view.colorbarLayer(false), 0);
        QCOMPARE(view.colorbarLayer(true), 2);
        LayerStyle hidden = view.style(0);
        hidden.visible = false;
        view.setStyle(0, hidden);
        QCOMPARE(view.colorbarLayer(false), -1);
        view.clear();
        QCOMPARE(view.layerCount(), 0);
    }
};

BANQUISE_REGISTER_TEST(TestViewScene);
#include "tst_ViewScene.moc"
