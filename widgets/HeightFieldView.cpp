#include "widgets/HeightFieldView.h"

#include "rendering/HeightFieldScene.h"

#include <QMouseEvent>
#include <QWheelEvent>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkRenderer.h>

namespace banquise::widgets {

HeightFieldView::HeightFieldView(QWidget* parent)
    : VtkRenderWidget(parent), m_scene(std::make_unique<rendering::HeightFieldScene>())
{
    renderWindow()->AddRenderer(m_scene->renderer());
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    interactor()->SetInteractorStyle(style);
    setMinimumSize(200, 160);
    setFocusPolicy(Qt::StrongFocus);
}

HeightFieldView::~HeightFieldView() = default;

void HeightFieldView::forward(QMouseEvent* event, unsigned long vtkEvent)
{
    const qreal ratio = devicePixelRatioF();
    interactor()->SetEventInformationFlipY(static_cast<int>(event->position().x() * ratio), static_cast<int>(event->position().y() * ratio),
                                           (event->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                           (event->modifiers() & Qt::ShiftModifier) ? 1 : 0);
    interactor()->InvokeEvent(vtkEvent);
    event->accept();
}

void HeightFieldView::mousePressEvent(QMouseEvent* event)
{
    switch (event->button()) {
    case Qt::LeftButton: forward(event, vtkCommand::LeftButtonPressEvent); break;
    case Qt::MiddleButton: forward(event, vtkCommand::MiddleButtonPressEvent); break;
    case Qt::RightButton: forward(event, vtkCommand::RightButtonPressEvent); break;
    default: VtkRenderWidget::mousePressEvent(event);
    }
}

void HeightFieldView::mouseMoveEvent(QMouseEvent* event)
{
    forward(event, vtkCommand::MouseMoveEvent);
}

void HeightFieldView::mouseReleaseEvent(QMouseEvent* event)
{
    switch (event->button()) {
    case Qt::LeftButton: forward(event, vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::MiddleButton: forward(event, vtkCommand::MiddleButtonReleaseEvent); break;
    case Qt::RightButton: forward(event, vtkCommand::RightButtonReleaseEvent); break;
    default: VtkRenderWidget::mouseReleaseEvent(event);
    }
}

void HeightFieldView::wheelEvent(QWheelEvent* event)
{
    const qreal ratio = devicePixelRatioF();
    interactor()->SetEventInformationFlipY(static_cast<int>(event->position().x() * ratio), static_cast<int>(event->position().y() * ratio));
    interactor()->InvokeEvent(event->angleDelta().y() > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent);
    event->accept();
}

} // namespace banquise::widgets
