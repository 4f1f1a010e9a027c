#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSlider;

namespace banquise::widgets {

class ViewGrid;

// The layer stack of one view of the grid (chosen in the panel): visibility,
// order, opacity, colormap, value range with a 2-98 % auto-stretch, and the
// footprints of tracks. The list shows the top of the stack first.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(ViewGrid* grid, QWidget* parent = nullptr);

    // Rebuilds the list from the current view's stack (after a scene load).
    void reload();
    int currentView() const;
    void setCurrentView(int view);
    // Stack index (0 = bottom) of the selected row, -1 when none.
    int selectedLayer() const;
    void selectLayer(int stackIndex);

private:
    void updateViewChoices();
    void showSelectedStyle();
    void applyControls();
    void setVisibility(int row, bool visible);
    void moveSelected(int step);
    void autoStretchSelected();
    int stackIndexOfRow(int row) const;

    ViewGrid* m_grid;
    QComboBox* m_viewChoice;
    QListWidget* m_list;
    QPushButton* m_up;
    QPushButton* m_down;
    QSlider* m_opacity;
    QComboBox* m_colormap;
    QDoubleSpinBox* m_min;
    QDoubleSpinBox* m_max;
    QPushButton* m_stretch;
    QCheckBox* m_footprints;
    bool m_updating = false;
};

} // namespace banquise::widgets
