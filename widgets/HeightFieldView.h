#pragma once

#include "widgets/VtkRenderWidget.h"

#include <memory>

namespace banquise::rendering {
class HeightFieldScene;
}

namespace banquise::widgets {

// The 3-D view of an elevation map (rendering::HeightFieldScene): left drag
// rotates, middle drag or shift + left drag pans, the wheel or right drag
// zooms (VTK's trackball camera).
class HeightFieldView : public VtkRenderWidget {
    Q_OBJECT
public:
    explicit HeightFieldView(QWidget* parent = nullptr);
    ~HeightFieldView() override;

    rendering::HeightFieldScene& heightField() const { return *m_scene; }
    // Redraws after the scene changed.
    void refresh() { update(); }

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void forward(QMouseEvent* event, unsigned long vtkEvent);

    std::unique_ptr<rendering::HeightFieldScene> m_scene;
};

} // namespace banquise::widgets
