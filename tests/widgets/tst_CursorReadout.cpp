#include "common/TempSceneFolder.h"
#include "common/TestRegistry.h"
#include "common/TwoLayerScene.h"

#include "rendering/LayerStyle.h"
#include "rendering/ViewScene.h"
#include "widgets/CursorReadout.h"

#include <QTest>

using namespace banquise;

class TestCursorReadout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsPositionLatLonAndEveryVisibleLayer()
    {
        tests::TempSceneFolder folder;
        const scene::Scene scene = tests::writeAndReadTwoLayerScene(folder.path());
        rendering::ViewScene first;
        rendering::ViewScene second;
        for (const auto& layer : scene.layers()) {
            first.addLayer(layer, rendering::defaultStyle(*layer));
            second.addLayer(layer, rendering::defaultStyle(*layer));
        }
        const scene::MapPoint p = scene.grid().pixelCentre(101, tests::kTrackRow);
        const QString text = widgets::cursorReadout(scene.grid(), p, {&first, &second});
        const scene::LonLat ll = scene.grid().toLonLat(p);
        QVERIFY2(text.contains(QString::number(std::abs(ll.lat), 'f', 5) + "°N"), qPrintable(text));
        QVERIFY2(text.contains("halves: 1"), qPrintable(text));
        QVERIFY2(text.contains("track: 0.5 m"), qPrintable(text));
        QCOMPARE(text.count("halves:"), 1); // shown in two views, listed once
    }

    void hiddenLayersAndNoDataAreNotValues()
    {
        tests::TempSceneFolder folder;
        const scene::Scene scene = tests::writeAndReadTwoLayerScene(folder.path());
        rendering::ViewScene view;
        for (const auto& layer : scene.layers()) {
            rendering::LayerStyle style = rendering::defaultStyle(*layer);
            style.visible = layer->kind() != scene::LayerKind::Track;
            view.addLayer(layer, style);
        }
        const QString text = widgets::cursorReadout(scene.grid(), scene.grid().pixelCentre(10, 10), {&view});
        QVERIFY2(text.contains("halves: —"), qPrintable(text));
        QVERIFY2(!text.contains("track"), qPrintable(text));
    }
};

BANQUISE_REGISTER_TEST(TestCursorReadout);
#include "tst_CursorReadout.moc"
