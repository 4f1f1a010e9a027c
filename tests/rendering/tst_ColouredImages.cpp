#include "common/TestRegistry.h"

#include "rendering/ColouredImages.h"
#include "scene/RasterLayer.h"

#include <vtkImageData.h>

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::rendering;

namespace {
std::shared_ptr<scene::RasterLayer> ramp()
{
    // 2 x 2: 0, 1 on the top row, NaN, 0.5 below.
    return std::make_shared<scene::RasterLayer>(scene::LayerInfo{"ramp", "", "", scene::Quantity::Other, 0.0, ""},
                                                scene::AnalysisGrid(3413, 0.0, 20.0, 10.0, 2, 2),
                                                std::vector<std::vector<float>>{{0.0f, 1.0f, std::nanf(""), 0.5f}});
}

LayerStyle grey()
{
    LayerStyle style;
    style.colormap = Colormap::Grey;
    style.min = 0.0;
    style.max = 1.0;
    return style;
}
} // namespace

class TestColouredImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valuesBecomeColoursWithNaNTransparent()
    {
        const auto image = colourRaster(*ramp(), grey());
        // VTK rows go up: the layer's top row is image row 1.
        auto px = [&](int col, int row) { return static_cast<unsigned char*>(image->GetScalarPointer(col, row, 0)); };
        QCOMPARE(int(px(0, 1)[0]), 0);
        QCOMPARE(int(px(1, 1)[0]), 255);
        QCOMPARE(int(px(1, 0)[0]), 128);
        QCOMPARE(int(px(0, 0)[3]), 0); // NaN
        QCOMPARE(int(px(1, 0)[3]), 255);
        double origin[3];
        image->GetOrigin(origin);
        QCOMPARE(origin[0], 5.0); // centre of the bottom-left pixel
        QCOMPARE(origin[1], 5.0);
    }

    void viewsShowingALayerAlikeShareOneImage()
    {
        ColouredImages images;
        const auto layer = ramp();
        const auto first = images.image(*layer, grey());
        const auto second = images.image(*layer, grey());
        QCOMPARE(first.GetPointer(), second.GetPointer());
        LayerStyle other = grey();
        other.max = 2.0;
        QVERIFY(images.image(*layer, other).GetPointer() != first.GetPointer());
    }
};

BANQUISE_REGISTER_TEST(TestColouredImages);
#include "tst_ColouredImages.moc"
