#include "common/TestRegistry.h"

#include "app/SceneDocument.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"

#include <QSignalSpy>
#include <QTest>

using namespace banquise;
using app::SceneDocument;

namespace {

scene::AnalysisGrid smallGrid()
{
    return scene::AnalysisGrid(3413, 0.0, 400.0, 40.0, 10, 10);
}

std::shared_ptr<const scene::RasterLayer> layerNamed(const std::string& name, float value)
{
    scene::LayerInfo info;
    info.name = name;
    return std::make_shared<const scene::RasterLayer>(info, smallGrid(), std::vector<std::vector<float>>{std::vector<float>(100, value)});
}

} // namespace

class TestSceneDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openingNumbersTheScene()
    {
        SceneDocument document;
        QVERIFY(!document.scene());
        QCOMPARE(document.serial(), quint64(0));
        document.putLayer(layerNamed("ignored", 1.0f), SceneDocument::kEveryView); // no scene: nothing to change
        QSignalSpy opened(&document, &SceneDocument::opened);
        document.open(std::make_unique<scene::Scene>("first", smallGrid()));
        document.open(std::make_unique<scene::Scene>("second", smallGrid()));
        QCOMPARE(opened.size(), 2);
        QCOMPARE(document.serial(), quint64(2));
        QCOMPARE(document.scene()->name(), std::string("second"));
        QVERIFY(document.scene()->layers().empty());
    }

    void aLayerTakesThePlaceOfItsNamesakesAndSaysSo()
    {
        SceneDocument document;
        document.open(std::make_unique<scene::Scene>("scene", smallGrid()));
        std::vector<std::pair<const scene::Layer*, int>> added;
        std::vector<const scene::Layer*> removed;
        connect(&document, &SceneDocument::layerAdded, this,
                [&](const std::shared_ptr<const scene::Layer>& layer, int shownIn) { added.emplace_back(layer.get(), shownIn); });
        connect(&document, &SceneDocument::layerRemoved, this, [&](const scene::Layer& layer) {
            removed.push_back(&layer);
            QVERIFY(document.scene()->findLayer(layer.name()).get() == &layer); // announced while the scene still holds it
        });
        QSignalSpy changed(&document, &SceneDocument::layersChanged);
        const auto first = layerNamed("Model classes", 1.0f);
        document.putLayer(first, 1);
        document.putLayer(layerNamed("Model entropy", 0.5f), SceneDocument::kNoView);
        const auto second = layerNamed("Model classes", 2.0f);
        document.putLayer(second, 1);
        QCOMPARE(document.scene()->layers().size(), std::size_t(2));
        QVERIFY(document.scene()->findLayer("Model classes") == second);
        QCOMPARE(removed, std::vector<const scene::Layer*>{first.get()});
        QCOMPARE(added.size(), std::size_t(3));
        QVERIFY(added.back().first == second.get());
        QCOMPARE(added.back().second, 1); // the view it shows in
        QVERIFY(added[1].second == SceneDocument::kNoView);
        QCOMPARE(changed.size(), 3);
    }

    void aTwinJoinsTheSceneBesideItsOriginal()
    {
        SceneDocument document;
        document.open(std::make_unique<scene::Scene>("scene", smallGrid()));
        const auto original = layerNamed("CryoSat-2 freeboard", 0.3f);
        document.putLayer(original, SceneDocument::kEveryView);
        const scene::Layer* replaced = nullptr;
        connect(&document, &SceneDocument::alternativeAdded, this,
                [&](const scene::Layer& layer, const std::shared_ptr<const scene::Layer>&) { replaced = &layer; });
        document.addAlternative(*original, layerNamed("CryoSat-2 freeboard (drift-compensated)", 0.3f));
        QVERIFY(replaced == original.get());
        QCOMPARE(document.scene()->layers().size(), std::size_t(2));
        QVERIFY(document.scene()->findLayer("CryoSat-2 freeboard") == original);
    }

    // Many layers shown and hidden at once (a date chosen on the timeline):
    // each announced in order, the layers' change once.
    void visibilityChangesInOneGo()
    {
        SceneDocument document;
        document.open(std::make_unique<scene::Scene>("scene", smallGrid()));
        const auto first = layerNamed("S1 HH sigma0", 0.1f);
        const auto later = layerNamed("S1 HH sigma0 2024-03-17", 0.2f);
        document.putLayer(first, SceneDocument::kEveryView);
        document.putLayer(later, SceneDocument::kNoView);
        std::vector<std::pair<const scene::Layer*, int>> events; // view, negated for a hide
        connect(&document, &SceneDocument::layerShown, this, [&](const scene::Layer& l, int view) { events.emplace_back(&l, view + 10); });
        connect(&document, &SceneDocument::layerHidden, this, [&](const scene::Layer& l, int view) { events.emplace_back(&l, -(view + 10)); });
        QSignalSpy changed(&document, &SceneDocument::layersChanged);
        document.setVisibility({{first.get(), 0, false}, {later.get(), 0, true}, {first.get(), SceneDocument::kEveryView, false}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(events.size(), std::size_t(3));
        QVERIFY(events[0] == std::make_pair(static_cast<const scene::Layer*>(first.get()), -10));
        QVERIFY(events[1] == std::make_pair(static_cast<const scene::Layer*>(later.get()), 10));
        QVERIFY(events[2] == std::make_pair(static_cast<const scene::Layer*>(first.get()), -(SceneDocument::kEveryView + 10)));
    }
};

BANQUISE_REGISTER_TEST(TestSceneDocument);
#include "tst_SceneDocument.moc"
