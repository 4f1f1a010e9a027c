#include "common/TestRegistry.h"

#include "labeling/LabelLayer.h"

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::labeling;

namespace {

LabelLayer layerOf(int width, int height)
{
    return LabelLayer(scene::LayerInfo{"labels", "", "", scene::Quantity::SeaIceClass, 0.0, ""},
                      scene::AnalysisGrid(3413, 0.0, 0.0, 40.0, width, height));
}

Annotation annotation(AnnotationKind kind, LabelCode label, std::vector<PixelPoint> points, double radius = 0.0)
{
    Annotation a;
    a.kind = kind;
    a.label = label;
    a.points = std::move(points);
    a.radius = radius;
    return a;
}

} // namespace

class TestLabelLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aStrokePaintsItsCapsuleAndNothingElse()
    {
        auto layer = layerOf(600, 400);
        const auto change = layer.paint(annotation(AnnotationKind::Stroke, LabelCode::OpenLead, {{10.5, 10.5}, {30.5, 10.5}}, 2.0));
        QCOMPARE(layer.at(20, 10), std::uint8_t(LabelCode::OpenLead));
        QCOMPARE(layer.at(20, 12), std::uint8_t(LabelCode::OpenLead)); // 2 px below the axis
        QCOMPARE(layer.at(20, 13), LabelLayer::kUnlabelled);
        QCOMPARE(layer.at(7, 10), LabelLayer::kUnlabelled); // 3 px before the start
        // Centres within 2 px of the axis: 21 columns x 5 rows, plus 1 + 3
        // pixels of each round cap.
        QCOMPARE(layer.labelledPixelCount(), std::size_t{113});
        QCOMPARE(change.pixels.size(), layer.labelledPixelCount());
        // Sparse: a stroke in one corner allocates one tile of the six.
        QVERIFY(layer.tile(0, 0) != nullptr);
        QVERIFY(layer.tile(1, 0) == nullptr);
        QCOMPARE(layer.tileRevision(1, 1), std::uint64_t{0});
    }

    void aStrokeSplitIntoSegmentsPaintsTheSamePixels()
    {
        auto whole = layerOf(100, 100);
        auto pieces = layerOf(100, 100);
        whole.paint(annotation(AnnotationKind::Stroke, LabelCode::Floe, {{5, 5}, {60, 45}}, 3.2));
        pieces.paint(annotation(AnnotationKind::Stroke, LabelCode::Floe, {{5, 5}, {27, 21}, {41.3, 31.4}, {60, 45}}, 3.2));
        auto a = whole.toDense(), b = pieces.toDense();
        int differing = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            differing += a[i] != b[i];
        // Only pixels at the (straight) joints can differ, by rounding.
        QVERIFY2(differing <= 2, qPrintable(QString::number(differing)));
    }

    void aPolygonFillsThePixelsWhoseCentresItHolds()
    {
        auto layer = layerOf(64, 64);
        layer.paint(annotation(AnnotationKind::Polygon, LabelCode::RefrozenLead, {{10, 10}, {20, 10}, {20, 20}, {10, 20}}));
        QCOMPARE(layer.labelledPixelCount(), std::size_t{100});
        QCOMPARE(layer.at(10, 10), std::uint8_t(LabelCode::RefrozenLead));
        QCOMPARE(layer.at(19, 19), std::uint8_t(LabelCode::RefrozenLead));
        QCOMPARE(layer.at(20, 19), LabelLayer::kUnlabelled);
        // A triangle: half of a 40 x 40 square.
        auto triangle = layerOf(64, 64);
        triangle.paint(annotation(AnnotationKind::Polygon, LabelCode::Floe, {{0, 0}, {40, 0}, {0, 40}}));
        QVERIFY(std::abs(double(triangle.labelledPixelCount()) - 800.0) <= 40.0);
    }

    void erasingAndRevertingRestoreExactly()
    {
        auto layer = layerOf(300, 300);
        layer.paint(annotation(AnnotationKind::Stroke, LabelCode::Floe, {{0, 0}, {299, 299}}, 4));
        const auto before = layer.toDense();
        const auto revisions = layer.tileRevision(0, 0);
        const auto erased = layer.paint(annotation(AnnotationKind::Erase, LabelCode::Unknown, {{0, 150}, {299, 150}}, 50));
        QVERIFY(!erased.empty());
        QCOMPARE(layer.at(150, 150), LabelLayer::kUnlabelled);
        QVERIFY(layer.tile(1, 1) != nullptr);
        const auto overlap = layer.paint(annotation(AnnotationKind::Stroke, LabelCode::OpenLead, {{100, 100}, {200, 200}}, 6));
        layer.revert(overlap);
        layer.revert(erased);
        QVERIFY(layer.toDense() == before);
        QVERIFY(layer.tileRevision(0, 0) > revisions); // views redraw the tile
    }

    void clicksAndEdgesAreHandled()
    {
        auto layer = layerOf(50, 50);
        auto negative = annotation(AnnotationKind::Click, LabelCode::Floe, {{25, 25}});
        negative.positive = false;
        QVERIFY(layer.paint(negative).empty());
        QVERIFY(!layer.paint(annotation(AnnotationKind::Click, LabelCode::Floe, {{25.5, 25.5}})).empty());
        QCOMPARE(layer.at(25, 25), std::uint8_t(LabelCode::Floe));
        // A stroke leaving the grid is clipped, not an error.
        layer.paint(annotation(AnnotationKind::Stroke, LabelCode::OpenLead, {{45, 45}, {80, 90}}, 5));
        QCOMPARE(layer.at(49, 49), std::uint8_t(LabelCode::OpenLead));
        QCOMPARE(layer.valuesAt(layer.grid().pixelCentre(49, 49)), std::vector<double>{double(LabelCode::OpenLead)});
        QVERIFY(layer.valuesAt(layer.grid().pixelCentre(0, 0)).empty());
    }
};

BANQUISE_REGISTER_TEST(TestLabelLayer);
#include "tst_LabelLayer.moc"
