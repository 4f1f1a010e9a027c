#include "widgets/VtkView.h"

#include "rendering/MapNavigation.h"
#include "rendering/ViewScene.h"
#include "widgets/MapTool.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>

namespace banquise::widgets {

VtkView::VtkView(vtkCamera* sharedCamera, std::shared_ptr<rendering::ColouredImages> images, QWidget* parent)
    : VtkRenderWidget(parent), m_scene(std::make_unique<rendering::ViewScene>(std::move(images))), m_camera(sharedCamera)
{
    renderWindow()->AddRenderer(m_scene->renderer());
    m_scene->renderer()->SetActiveCamera(m_camera);
    // Navigation is ours (MapNavigation): the interactor has no style.
    vtkNew<vtkCallbackCommand> repaint;
    repaint->SetClientData(this);
    repaint->SetCallback([](vtkObject*, unsigned long, void* self, void*) { static_cast<VtkView*>(self)->update(); });
    m_cameraObserver = m_camera->AddObserver(vtkCommand::ModifiedEvent, repaint);

    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(160, 120);
}

VtkView::~VtkView()
{
    m_camera->RemoveObserver(m_cameraObserver);
}

void VtkView::beforeRender()
{
    // The extent under the view's corners and the size of a screen pixel,
    // in the framebuffer's pixels, tell layers read by window what to load.
    const scene::MapPoint topLeft = displayToMap(QPointF(0.0, 0.0));
    const scene::MapPoint bottomRight = displayToMap(QPointF(width(), height()));
    const int framebufferHeight = static_cast<int>(std::lround(height() * devicePixelRatioF()));
    m_scene->showRegion({std::min(topLeft.x, bottomRight.x), std::max(topLeft.x, bottomRight.x), std::min(topLeft.y, bottomRight.y),
                         std::max(topLeft.y, bottomRight.y)},
                        rendering::mapUnitsPerPixel(m_camera, std::max(framebufferHeight, 1)));
}

void VtkView::paintOverlay(QPainter& painter)
{
    if (m_tool)
        m_tool->paintOverlay(painter, *this);
}

scene::MapPoint VtkView::displayToMap(const QPointF& p) const
{
    return rendering::displayToMap(m_camera, p.x(), p.y(), width(), height());
}

QPointF VtkView::mapToDisplay(const scene::MapPoint& p) const
{
    const scene::MapPoint d = rendering::mapToDisplay(m_camera, p, width(), height());
    return {d.x, d.y};
}

void VtkView::setMapTool(MapTool* tool)
{
    m_tool = tool;
    m_toolGesture = false;
    setMouseTracking(tool != nullptr); // a brush outline follows the cursor
    update();
}

void VtkView::mousePressEvent(QMouseEvent* event)
{
    if (m_tool && event->button() == Qt::LeftButton && m_tool->mousePress(*this, event)) {
        m_toolGesture = true;
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_dragging = true;
        m_lastDrag = event->position();
        event->accept();
        return;
    }
    VtkRenderWidget::mousePressEvent(event);
}

void VtkView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        const QPointF delta = event->position() - m_lastDrag;
        m_lastDrag = event->position();
        rendering::panByPixels(m_camera, delta.x(), delta.y(), height());
    }
    if (m_tool)
        m_tool->mouseMove(*this, event);
    const scene::MapPoint p = displayToMap(event->position());
    Q_EMIT cursorMoved(p.x, p.y);
}

void VtkView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_toolGesture && event->button() == Qt::LeftButton) {
        m_toolGesture = false;
        if (m_tool)
            m_tool->mouseRelease(*this, event);
        event->accept();
        return;
    }
    if (m_dragging && (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        m_dragging = false;
        event->accept();
        return;
    }
    VtkRenderWidget::mouseReleaseEvent(event);
}

void VtkView::wheelEvent(QWheelEvent* event)
{
    // One wheel notch (120 units) zooms by 1.25.
    const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
    rendering::zoomAbout(m_camera, displayToMap(event->position()), factor);
    event->accept();
}

void VtkView::leaveEvent(QEvent* event)
{
    Q_EMIT cursorLeft();
    VtkRenderWidget::leaveEvent(event);
}

} // namespace banquise::widgets
