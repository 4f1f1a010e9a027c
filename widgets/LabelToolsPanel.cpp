#include "widgets/LabelToolsPanel.h"

#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "widgets/ActionButtons.h"

#include <QAction>
#include <QActionGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoView>
#include <QVBoxLayout>

namespace banquise::widgets {

LabelToolsPanel::LabelToolsPanel(LabelTool& tool, QWidget* parent) : QWidget(parent), m_tool(tool)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_controls = new QWidget(this);
    auto* controls = new QVBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    addToolRow(controls);
    addClassRow(controls);
    addSizeRow(controls);

    m_undo = new QAction(tr("Undo"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = new QAction(tr("Redo"), this);
    // The platform's redo keys, and both common ones whatever the platform.
    auto redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    m_redo->setShortcuts(redoKeys);
    addAction(m_undo);
    addAction(m_redo);
    m_retrain = new QAction(tr("Retrain"), this);
    m_retrain->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retrain->setToolTip(tr("Fine-tune the model on the labels so far, then predict again (Ctrl+R)"));
    connect(m_retrain, &QAction::triggered, this, &LabelToolsPanel::retrainRequested);
    addAction(m_retrain);
    m_accept = new QAction(tr("Accept refined"), this);
    m_accept->setShortcut(QKeySequence(Qt::Key_A));
    m_accept->setToolTip(tr("Keep the classes the clicks refined on their tile as labels, one undoable edit (A)"));
    m_accept->setEnabled(false);
    connect(m_accept, &QAction::triggered, this, &LabelToolsPanel::acceptRefinementRequested);
    addAction(m_accept);
    auto* undoRow = new QHBoxLayout;
    undoRow->addWidget(buttonFor(m_undo, m_controls));
    undoRow->addWidget(buttonFor(m_redo, m_controls));
    undoRow->addWidget(buttonFor(m_retrain, m_controls));
    undoRow->addWidget(buttonFor(m_accept, m_controls));
    undoRow->addStretch();
    controls->addLayout(undoRow);
    m_history = new QUndoView(m_controls);
    m_history->setEmptyLabel(tr("<opened project>"));
    controls->addWidget(m_history, 1);
    layout->addWidget(m_controls, 1);
    setSession(nullptr);
}

void LabelToolsPanel::addToolRow(QVBoxLayout* layout)
{
    struct Entry {
        LabelToolKind kind;
        QString name;
        QString key;
        QString tip;
    };
    const Entry entries[] = {
        {LabelToolKind::Pan, tr("Pan"), "H", tr("The left button pans the map")},
        {LabelToolKind::Brush, tr("Brush"), "B", tr("Paint the class with a round brush")},
        {LabelToolKind::Eraser, tr("Eraser"), "E", tr("Erase labels back to unlabelled")},
        {LabelToolKind::Lasso, tr("Lasso"), "L", tr("Drag around a region to fill it with the class")},
        {LabelToolKind::Region, tr("Fill"), "F", tr("Fill the image region under the cursor (watershed of the SAR) with the class")},
        {LabelToolKind::PositiveClick, tr("Click +"), "C", tr("A DIAL click: this pixel is the class")},
        {LabelToolKind::NegativeClick, tr("Click −"), "X", tr("A DIAL click: this pixel is not the class")},
    };
    auto* group = new QActionGroup(this);
    auto* grid = new QGridLayout;
    int index = 0;
    for (const auto& e : entries) {
        auto* action = new QAction(e.name, group);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(e.key));
        action->setToolTip(e.tip + " (" + e.key + ")");
        addAction(action);
        connect(action, &QAction::triggered, this, [this, kind = e.kind] { m_tool.setTool(kind); });
        m_tools[e.kind] = action;
        grid->addWidget(buttonFor(action, m_controls), index / 4, index % 4);
        ++index;
    }
    m_tools[m_tool.tool()]->setChecked(true);
    layout->addLayout(grid);
}

void LabelToolsPanel::addClassRow(QVBoxLayout* layout)
{
    auto* group = new QActionGroup(this);
    auto* row = new QGridLayout;
    int index = 0;
    for (const auto& c : labeling::labelClasses()) {
        auto* action = new QAction(swatch(c.colour), QString::fromUtf8(c.name), group);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(QString(QChar(c.shortcut))));
        action->setToolTip(tr("Label as %1 (%2)").arg(c.name).arg(c.shortcut));
        addAction(action);
        connect(action, &QAction::triggered, this, [this, code = c.code] { m_tool.setLabel(code); });
        m_classes[c.code] = action;
        row->addWidget(buttonFor(action, m_controls), index / 2, index % 2);
        ++index;
    }
    m_classes[m_tool.label()]->setChecked(true);
    layout->addLayout(row);
}

void LabelToolsPanel::addSizeRow(QVBoxLayout* layout)
{
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Brush radius"), m_controls));
    m_size = new QSpinBox(m_controls);
    m_size->setRange(1, 200);
    m_size->setSuffix(tr(" px"));
    m_size->setValue(static_cast<int>(m_tool.brushRadius()));
    connect(m_size, &QSpinBox::valueChanged, this, [this](int radius) { m_tool.setBrushRadius(radius); });
    row->addWidget(m_size);
    row->addStretch();
    layout->addLayout(row);
    auto* smaller = new QAction(this);
    smaller->setShortcut(QKeySequence("["));
    connect(smaller, &QAction::triggered, this, [this] { m_size->setValue(std::max(1, m_size->value() * 4 / 5)); });
    auto* larger = new QAction(this);
    larger->setShortcut(QKeySequence("]"));
    connect(larger, &QAction::triggered, this, [this] { m_size->setValue(m_size->value() * 5 / 4 + 1); });
    addActions({smaller, larger});
}

void LabelToolsPanel::setSession(labeling::LabelSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_tool.setSession(session);
    m_controls->setEnabled(session != nullptr);
    for (auto* action : actions())
        action->setEnabled(session != nullptr);
    m_history->setStack(session ? &session->undoStack() : nullptr);
    disconnect(m_undo, &QAction::triggered, nullptr, nullptr);
    disconnect(m_redo, &QAction::triggered, nullptr, nullptr);
    if (session) {
        auto& stack = session->undoStack();
        connect(m_undo, &QAction::triggered, &stack, &QUndoStack::undo);
        connect(m_redo, &QAction::triggered, &stack, &QUndoStack::redo);
        connect(&stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
        connect(&stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
        m_undo->setEnabled(stack.canUndo());
        m_redo->setEnabled(stack.canRedo());
        connect(session, &labeling::LabelSession::labelsChanged, this, &LabelToolsPanel::updateSummary);
    }
    updateSummary();
}

QString LabelToolsPanel::summary() const
{
    return m_summary->text();
}

void LabelToolsPanel::updateSummary()
{
    if (!m_session) {
        m_summary->setText(tr("Open or create a project (File > New project…) to label this scene."));
        return;
    }
    const auto annotations = m_session->store().annotationCount(m_session->sceneId());
    m_summary->setText(tr("%1 — %2 annotations, %3 labelled pixels")
                           .arg(QString::fromStdString(m_session->store().path()))
                           .arg(annotations)
                           .arg(m_session->layer()->labelledPixelCount()));
}

} // namespace banquise::widgets
