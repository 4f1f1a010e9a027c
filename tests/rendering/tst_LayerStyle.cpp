#include "common/TestRegistry.h"

#include "rendering/LayerStyle.h"
#include "scene/RasterLayer.h"
#include "scene/TrackLayer.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace banquise;
using namespace banquise::rendering;

namespace {
std::shared_ptr<scene::RasterLayer> raster(scene::Quantity quantity, std::vector<std::vector<float>> bands, int width)
{
    const int height = static_cast<int>(bands.front().size()) / width;
    return std::make_shared<scene::RasterLayer>(scene::LayerInfo{"r", "", "", quantity, 0.0, ""},
                                                scene::AnalysisGrid(3413, 0, 0, 10, width, height), std::move(bands));
}
} // namespace

class TestLayerStyle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentilesOfKnownValues()
    {
        std::vector<float> values(101);
        std::iota(values.begin(), values.end(), 0.0f); // 0..100
        values.push_back(std::nanf(""));
        const ValueRange r = percentileRange(values, 2.0, 98.0);
        QCOMPARE(r.min, 2.0);
        QCOMPARE(r.max, 98.0);
    }

    void constantValuesStillGiveARange()
    {
        const ValueRange r = percentileRange(std::vector<float>(50, 3.0f), 2.0, 98.0);
        QVERIFY(r.min < 3.0 && r.max > 3.0);
        QVERIFY(r.max - r.min < 1.0);
    }

    void colormapFollowsTheQuantity()
    {
        QVERIFY(defaultColormap(*raster(scene::Quantity::Sigma0, {{0.1f, 0.2f}}, 2)) == Colormap::GreyDecibel);
        QVERIFY(defaultColormap(*raster(scene::Quantity::Reflectance, {{0.1f}, {0.2f}, {0.3f}}, 1)) == Colormap::RgbComposite);
        QVERIFY(defaultColormap(*raster(scene::Quantity::Reflectance, {{0.1f}}, 1)) == Colormap::Grey);
        QVERIFY(defaultColormap(*raster(scene::Quantity::SeaIceConcentration, {{50.f}}, 1)) == Colormap::Sequential);
        QVERIFY(defaultColormap(*raster(scene::Quantity::Freeboard, {{0.3f}}, 1)) == Colormap::Diverging);
        QVERIFY(defaultColormap(*raster(scene::Quantity::DriftSpeed, {{7.f}}, 1)) == Colormap::Warm); // buoys and ice drift alike
    }

    void sarStretchIsInDecibels()
    {
        std::vector<float> power(100);
        for (std::size_t i = 0; i < power.size(); ++i)
            power[i] = static_cast<float>(std::pow(10.0, (-30.0 + 0.2 * static_cast<double>(i)) / 10.0)); // -30..-10.2 dB
        const ValueRange r = autoStretch(*raster(scene::Quantity::Sigma0, {power}, 10), Colormap::GreyDecibel);
        QVERIFY(std::abs(r.min - (-29.6)) < 0.05);
        QVERIFY(std::abs(r.max - (-10.6)) < 0.05);
    }

    void elevationStretchIsSymmetricAboutZero()
    {
        const ValueRange r = autoStretch(*raster(scene::Quantity::Freeboard, {{-0.1f, 0.0f, 0.2f, 0.5f, 0.6f}}, 5), Colormap::Diverging);
        QCOMPARE(r.min, -r.max);
        QVERIFY(r.max >= 0.5);
    }
};

BANQUISE_REGISTER_TEST(TestLayerStyle);
#include "tst_LayerStyle.moc"
