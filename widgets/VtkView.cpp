// vtk_glew first: it must precede any gl.h that Qt's headers pull in.
#include <vtk_glew.h>

#include "widgets/VtkView.h"

#include "rendering/MapNavigation.h"
#include "rendering/ViewScene.h"
#include "widgets/MapTool.h"

#include <QMouseEvent>
#include <QPainter>
#include <QOpenGLContext>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <cmath>

namespace banquise::widgets {

VtkView::VtkView(vtkCamera* sharedCamera, std::shared_ptr<rendering::ColouredImages> images, QWidget* parent)
    : QOpenGLWidget(parent), m_scene(std::make_unique<rendering::ViewScene>(std::move(images))), m_camera(sharedCamera)
{
    m_window->SetReadyForRendering(false);
    m_window->SetFrameBlitModeToNoBlit();
    m_window->SetOwnContext(0);
    // Map views need no multisampling, and software GL (Mesa llvmpipe under
    // Xvfb) pays for every sample on the CPU.
    m_window->SetMultiSamples(0);
    m_window->AddRenderer(m_scene->renderer());
    m_scene->renderer()->SetActiveCamera(m_camera);
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkView::makeContextCurrent);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkView::reportContextCurrent);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkView::frameFinished);

    // Navigation is ours (MapNavigation); the interactor only turns VTK's
    // render requests into Qt repaints.
    m_interactor->SetRenderWindow(m_window);
    m_interactor->SetInteractorStyle(nullptr);
    m_interactor->EnableRenderOff();
    m_interactor->AddObserver(vtkCommand::RenderEvent, this, &VtkView::frameFinished);

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
    // The context outlives this object's members: its aboutToBeDestroyed
    // must not reach a half-destroyed view.
    if (context())
        disconnect(context(), nullptr, this, nullptr);
    makeCurrent();
    m_window->Finalize();
    doneCurrent();
}

void VtkView::makeContextCurrent(vtkObject*, unsigned long, void*)
{
    // Only when Qt's context is not current: QOpenGLWidget::makeCurrent()
    // would rebind Qt's framebuffer behind VTK's back.
    QOpenGLContext* own = context();
    if (own && QOpenGLContext::currentContext() != own)
        own->makeCurrent(own->surface());
}

void VtkView::reportContextCurrent(vtkObject*, unsigned long, void* isCurrent)
{
    *static_cast<bool*>(isCurrent) = context() && QOpenGLContext::currentContext() == context();
}

void VtkView::frameFinished(vtkObject*, unsigned long, void*)
{
    if (!m_painting)
        update();
}

void VtkView::initializeGL()
{
    m_window->GetState()->Reset();
    m_window->SetReadyForRendering(true);
    m_window->SetMapped(1);
    m_window->InitializeFromCurrentContext();
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        m_window->Finalize();
        m_window->SetReadyForRendering(false);
        doneCurrent();
    }, Qt::DirectConnection);
}

void VtkView::paintGL()
{
    m_painting = true;
    const qreal ratio = devicePixelRatioF();
    const int w = static_cast<int>(std::lround(width() * ratio));
    const int h = static_cast<int>(std::lround(height() * ratio));
    m_window->SetSize(w, h);
    m_interactor->SetSize(w, h);

    vtkOpenGLState* state = m_window->GetState();
    state->Reset();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL);
    m_window->Render();

    state->PushFramebufferBindings();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    m_window->BlitDisplayFramebuffer(0, 0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // Qt composes the widget with its alpha: make the view opaque.
    state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    state->vtkglClear(GL_COLOR_BUFFER_BIT);
    state->vtkglColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    state->PopFramebufferBindings();
    state->Pop();
    if (m_tool) {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        m_tool->paintOverlay(painter, *this);
    }
    m_painting = false;
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
    QOpenGLWidget::mousePressEvent(event);
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
    QOpenGLWidget::mouseReleaseEvent(event);
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
    QOpenGLWidget::leaveEvent(event);
}

} // namespace banquise::widgets
