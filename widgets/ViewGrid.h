#pragma once

#include "scene/MapTypes.h"

#include <QWidget>

#include <vtkNew.h> // the shared camera

#include <memory>
#include <optional>
#include <vector>

class QGridLayout;
class vtkCamera;

namespace banquise::scene {
class Layer;
class Scene;
}

namespace banquise::widgets {

class MapTool;
class VtkView;

enum class GridLayout { Single, OneByTwo, TwoByTwo };

// Up to four linked map views in a grid. All views share one camera, so a
// pan or zoom in one moves every view, and one crosshair follows the cursor
// in all of them. Each view keeps its own layer stack.
class ViewGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxViews = 4;

    explicit ViewGrid(QWidget* parent = nullptr);
    ~ViewGrid() override;

    void setGridLayout(GridLayout layout);
    GridLayout gridLayout() const { return m_layout; }
    int visibleViewCount() const;
    VtkView* view(int index) const { return m_views.at(index); }
    vtkCamera* camera() const { return m_camera; }

    // Every view gets every layer of the scene; view k shows the k-th image
    // layer (SAR, optical, concentration, swath...) with all tracks on top,
    // the others start hidden. Fits the camera to the grid.
    void showScene(const scene::Scene& scene);
    void fitToScene();
    // Shows a map extent whole in every view (an active-learning tile).
    void fitTo(const scene::MapExtent& extent);
    // Puts a layer on top of every view's stack (an image under the tracks
    // and vectors at the top), shown or hidden.
    void addLayer(const std::shared_ptr<const scene::Layer>& layer, bool visible);
    // Takes a layer out of every view.
    void removeLayer(const scene::Layer& layer);
    // Shows or hides a layer in every view that holds it, or only in view
    // `viewIndex` when it is given.
    void setLayerVisible(const scene::Layer& layer, bool visible, int viewIndex = -1);
    // Puts `replacement` just above `original` in every view, with its
    // style, and hides the original: toggling the two switches between them.
    void addAlternative(const scene::Layer& original, const std::shared_ptr<const scene::Layer>& replacement);
    // Redraws all views (after a style change).
    void refresh();
    // Catches every view up with layers that changed (labels being drawn) and redraws.
    void synchroniseLayers();
    // The tool the left button drives in every view (nullptr: it pans); not owned.
    void setMapTool(MapTool* tool);
    MapTool* mapTool() const { return m_tool; }
    // The crosshair at a map point in every view; nullopt hides it.
    void showCrosshair(const std::optional<scene::MapPoint>& point);

Q_SIGNALS:
    void cursorMoved(double x, double y);
    void cursorLeft();
    void layoutChanged();

private:
    vtkNew<vtkCamera> m_camera;
    QGridLayout* m_grid = nullptr;
    std::vector<VtkView*> m_views;
    GridLayout m_layout = GridLayout::OneByTwo;
    scene::MapExtent m_sceneExtent;
    MapTool* m_tool = nullptr;
};

} // namespace banquise::widgets
