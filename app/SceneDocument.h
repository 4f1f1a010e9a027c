#pragma once

#include <QObject>

#include <memory>
#include <vector>

namespace banquise::scene {
class Layer;
class Scene;
} // namespace banquise::scene

namespace banquise::app {

// The scene open in the window, as the one object that changes it (3D
// Slicer's MRML scene, napari's layer list): features add, replace and
// remove layers here, and the views, the layer panel and the jobs
// subscribe to what it announces instead of being updated by each
// feature. scene/ stays Qt-free: this wraps a scene::Scene. GUI thread only.
class SceneDocument : public QObject {
    Q_OBJECT
public:
    explicit SceneDocument(QObject* parent = nullptr);
    ~SceneDocument() override;

    // The open scene; null when none.
    scene::Scene* scene() const { return m_scene.get(); }
    // Which scene is open: a new number for each one (0: none yet).
    quint64 serial() const { return m_serial; }

    // Replaces the open scene.
    void open(std::unique_ptr<scene::Scene> scene);
    // Where a layer shows: in every view, in none (listed, hidden), or in one view of the grid (0, 1, …).
    static constexpr int kEveryView = -1;
    static constexpr int kNoView = -2;

    // Adds a layer to the open scene, taking the place of every layer of
    // the same name (a new prediction's maps replace the previous ones).
    // Does nothing when no scene is open.
    void putLayer(std::shared_ptr<const scene::Layer> layer, int shownIn);
    // Shows a layer of the scene in one view of the grid (or every view).
    void showLayer(const scene::Layer& layer, int view);
    // Shows and hides several layers at once (hidden layers stay listed),
    // in order, then announces one change of the layers.
    struct Visibility {
        const scene::Layer* layer;
        int view;
        bool shown;
    };
    void setVisibility(const std::vector<Visibility>& changes);
    // Adds `twin`, the drift-compensated version of `original`, which
    // takes its place in the views (the original stays, hidden).
    void addAlternative(const scene::Layer& original, std::shared_ptr<const scene::Layer> twin);

Q_SIGNALS:
    void opened(const scene::Scene& scene);
    void layerAdded(const std::shared_ptr<const scene::Layer>& layer, int shownIn);
    void layerShown(const scene::Layer& layer, int view);
    void layerHidden(const scene::Layer& layer, int view);
    // Emitted before the scene lets go of the layer.
    void layerRemoved(const scene::Layer& layer);
    void alternativeAdded(const scene::Layer& original, const std::shared_ptr<const scene::Layer>& twin);
    // After each change above: panels that list the layers reload.
    void layersChanged();

private:
    std::unique_ptr<scene::Scene> m_scene;
    quint64 m_serial = 0;
};

} // namespace banquise::app
