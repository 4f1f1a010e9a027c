// vtk_glew first: it must precede any gl.h that Qt's headers pull in.
#include <vtk_glew.h>

#include "widgets/VtkRenderWidget.h"

#include <QOpenGLContext>
#include <QPainter>

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkOpenGLState.h>

#include <cmath>

namespace banquise::widgets {

VtkRenderWidget::VtkRenderWidget(QWidget* parent) : QOpenGLWidget(parent)
{
    m_window->SetReadyForRendering(false);
    m_window->SetFrameBlitModeToNoBlit();
    m_window->SetOwnContext(0);
    // No multisampling: software GL (Mesa llvmpipe under Xvfb) pays for
    // every sample on the CPU.
    m_window->SetMultiSamples(0);
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkRenderWidget::makeContextCurrent);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkRenderWidget::reportContextCurrent);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkRenderWidget::frameFinished);

    // The interactor renders through Qt: its render requests become repaints.
    m_interactor->SetRenderWindow(m_window);
    m_interactor->SetInteractorStyle(nullptr);
    m_interactor->EnableRenderOff();
    m_interactor->AddObserver(vtkCommand::RenderEvent, this, &VtkRenderWidget::frameFinished);
}

VtkRenderWidget::~VtkRenderWidget()
{
    // Never shown (a 3-D view in a hidden tab): no GL resources to release.
    if (!context())
        return;
    // The context outlives this object's members: its aboutToBeDestroyed
    // must not reach a half-destroyed widget.
    disconnect(context(), nullptr, this, nullptr);
    makeCurrent();
    m_window->Finalize();
    doneCurrent();
}

void VtkRenderWidget::makeContextCurrent(vtkObject*, unsigned long, void*)
{
    // Only when Qt's context is not current: QOpenGLWidget::makeCurrent()
    // would rebind Qt's framebuffer behind VTK's back mid-frame. Through
    // the widget, not the context's last surface: that surface may be a
    // temporary one Qt has deleted since (seen after the window was
    // activated, and when a closing window takes layers out of its views).
    QOpenGLContext* own = context();
    if (own && QOpenGLContext::currentContext() != own)
        makeCurrent();
}

void VtkRenderWidget::reportContextCurrent(vtkObject*, unsigned long, void* isCurrent)
{
    *static_cast<bool*>(isCurrent) = context() && QOpenGLContext::currentContext() == context();
}

void VtkRenderWidget::frameFinished(vtkObject*, unsigned long, void*)
{
    if (!m_painting)
        update();
}

void VtkRenderWidget::initializeGL()
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

void VtkRenderWidget::paintGL()
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
    beforeRender();
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
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        paintOverlay(painter);
    }
    m_painting = false;
}

void VtkRenderWidget::paintOverlay(QPainter&) {}

} // namespace banquise::widgets
