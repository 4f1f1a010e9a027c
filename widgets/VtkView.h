#pragma once

#include "scene/MapTypes.h"

#include "widgets/VtkRenderWidget.h"

#include <memory>

class vtkCamera;

namespace banquise::rendering {
class ColouredImages;
class ViewScene;
}

namespace banquise::widgets {

class MapTool;

// One map view (VTK in Qt through VtkRenderWidget). The camera is shared with the other views of the grid: pan and zoom here
// move them all. Left or middle drag pans, the wheel zooms about the cursor.
class VtkView : public VtkRenderWidget {
    Q_OBJECT
public:
    // Views of one grid share the camera and the coloured images.
    VtkView(vtkCamera* sharedCamera, std::shared_ptr<rendering::ColouredImages> images = nullptr, QWidget* parent = nullptr);
    ~VtkView() override;

    rendering::ViewScene& viewScene() const { return *m_scene; }
    vtkCamera* camera() const { return m_camera; }
    scene::MapPoint displayToMap(const QPointF& widgetPosition) const;
    QPointF mapToDisplay(const scene::MapPoint& p) const;
    // The tool the left button drives (nullptr: the left button pans); not owned.
    void setMapTool(MapTool* tool);

Q_SIGNALS:
    void cursorMoved(double x, double y);
    void cursorLeft();

protected:
    void beforeRender() override;
    void paintOverlay(QPainter& painter) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    std::unique_ptr<rendering::ViewScene> m_scene;
    vtkCamera* m_camera;
    unsigned long m_cameraObserver = 0;
    bool m_dragging = false;
    QPointF m_lastDrag;
    MapTool* m_tool = nullptr;
    bool m_toolGesture = false;
};

} // namespace banquise::widgets
