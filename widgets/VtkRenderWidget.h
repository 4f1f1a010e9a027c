#pragma once

#include <QOpenGLWidget>

#include <vtkNew.h> // owned render window and interactor

class QPainter;
class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkObject;

namespace banquise::widgets {

// The bridge between Qt6 and VTK 9.1 (whose own Qt module is built for Qt5
// on Debian 12): a QOpenGLWidget that hosts a vtkGenericOpenGLRenderWindow
// in Qt's context, blits VTK's frame into Qt's framebuffer and turns VTK's
// render requests into Qt repaints. Map views and the 3-D view derive from it.
class VtkRenderWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkRenderWidget(QWidget* parent = nullptr);
    ~VtkRenderWidget() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const { return m_window; }
    vtkGenericRenderWindowInteractor* interactor() const { return m_interactor; }

protected:
    void initializeGL() override;
    void paintGL() override;
    // Called in the GL context before each frame is rendered; nothing by default.
    virtual void beforeRender() {}
    // Drawn with Qt over VTK's frame (widget coordinates); nothing by default.
    virtual void paintOverlay(QPainter& painter);

private:
    void makeContextCurrent(vtkObject*, unsigned long, void*);
    void reportContextCurrent(vtkObject*, unsigned long, void* isCurrent);
    void frameFinished(vtkObject*, unsigned long, void*);

    vtkNew<vtkGenericOpenGLRenderWindow> m_window;
    vtkNew<vtkGenericRenderWindowInteractor> m_interactor;
    bool m_painting = false;
};

} // namespace banquise::widgets
