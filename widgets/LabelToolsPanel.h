#pragma once

#include "labeling/LabelClass.h"
#include "widgets/LabelTool.h"

#include <QWidget>

#include <map>

class QAction;
class QActionGroup;
class QLabel;
class QSpinBox;
class QToolButton;
class QUndoView;
class QVBoxLayout;

namespace banquise::labeling {
class LabelSession;
}

namespace banquise::widgets {

// The labelling dock: tools (pan, brush, eraser, lasso, region fill,
// positive and negative click), the class palette, the brush size, undo/redo with the
// edit history, and what the project holds. Every tool and class has a
// keyboard shortcut (H B E L F C X, the class keys 0-3, [ and ] for the size,
// Ctrl+Z / Ctrl+Shift+Z), Retrain (Ctrl+R): fine-tune the model on the
// labels, and Accept refined (A): keep what DIAL's clicks refined as labels.
// Drives a LabelTool it does not own.
class LabelToolsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LabelToolsPanel(LabelTool& tool, QWidget* parent = nullptr);

    // nullptr: no project open, tools disabled.
    void setSession(labeling::LabelSession* session);
    QAction* toolAction(LabelToolKind tool) const { return m_tools.at(tool); }
    QAction* classAction(labeling::LabelCode code) const { return m_classes.at(code); }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* retrainAction() const { return m_retrain; }
    QAction* acceptRefinementAction() const { return m_accept; }
    // Whether there are refined classes to accept.
    void setRefinementAvailable(bool available) { m_accept->setEnabled(available); }
    QString summary() const;

Q_SIGNALS:
    // Fine-tune the model on the labels so far (Retrain, Ctrl+R).
    void retrainRequested();
    // Keep the refined classes of the last clicked tile as labels (A).
    void acceptRefinementRequested();

private:
    void addToolRow(QVBoxLayout* layout);
    void addClassRow(QVBoxLayout* layout);
    void addSizeRow(QVBoxLayout* layout);
    void updateSummary();

    LabelTool& m_tool;
    labeling::LabelSession* m_session = nullptr;
    std::map<LabelToolKind, QAction*> m_tools;
    std::map<labeling::LabelCode, QAction*> m_classes;
    QSpinBox* m_size = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_retrain = nullptr;
    QAction* m_accept = nullptr;
    QUndoView* m_history = nullptr;
    QLabel* m_summary = nullptr;
    QWidget* m_controls = nullptr;
};

} // namespace banquise::widgets
