#include "widgets/PixelQuestionsPanel.h"

#include "widgets/ActionButtons.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace banquise::widgets {

namespace {
constexpr int kDefaultBatch = 50;
} // namespace

PixelQuestionsPanel::PixelQuestionsPanel(QWidget* parent) : QWidget(parent), m_batch(new QSpinBox(this)), m_status(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_ask = new QAction(tr("Ask pixels"), this);
    m_ask->setObjectName("askPixels");
    m_ask->setShortcut(QKeySequence(Qt::Key_Q));
    m_ask->setToolTip(tr("The model picks pixels it is unsure of (among its 5 % most uncertain, by the strategy above) "
                         "for you to answer with their class (Q)"));
    addAction(m_ask);
    row->addWidget(buttonFor(m_ask, this));
    m_batch->setObjectName("pixelBatch");
    m_batch->setRange(1, 1000);
    m_batch->setValue(kDefaultBatch);
    m_batch->setSuffix(tr(" pixels"));
    row->addWidget(m_batch, 1);
    layout->addLayout(row);

    auto* answers = new QGridLayout;
    int index = 0;
    for (const auto& c : labeling::labelClasses()) {
        const bool dontKnow = c.code == labeling::LabelCode::Unknown;
        const QString name = dontKnow ? tr("don't know") : QString::fromUtf8(c.name);
        auto* action = new QAction(swatch(c.colour), QString("%1 (%2)").arg(name).arg(c.shortcut), this);
        action->setObjectName(QString("answer%1").arg(c.shortcut));
        action->setShortcut(QKeySequence(QString(QChar(c.shortcut))));
        action->setToolTip(dontKnow ? tr("Skip this pixel (%1)").arg(c.shortcut) : tr("This pixel is %1 (%2)").arg(name).arg(c.shortcut));
        addAction(action);
        connect(action, &QAction::triggered, this, [this, code = c.code] { Q_EMIT answered(code); });
        m_answers[c.code] = action;
        // Classes first, "don't know" last.
        const int slot = dontKnow ? static_cast<int>(labeling::labelClasses().size()) - 1 : index++;
        answers->addWidget(buttonFor(action, this), slot / 2, slot % 2);
    }
    layout->addLayout(answers);
    m_status->setObjectName("pixelQuestionStatus");
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_ask, &QAction::triggered, this, [this] { Q_EMIT askRequested(batchSize()); });
    showNoQuestion(tr("Predict with a model, open a project, then Ask (Q): the model picks pixels for you to answer."));
}

int PixelQuestionsPanel::batchSize() const
{
    return m_batch->value();
}

void PixelQuestionsPanel::setBatchSize(int pixels)
{
    m_batch->setValue(pixels);
}

void PixelQuestionsPanel::showQuestion(int index, int count, int answered, QPoint pixel)
{
    setAnswering(true);
    QStringList keys;
    for (const auto& [code, action] : m_answers)
        keys << action->text();
    keys.move(0, keys.size() - 1); // "don't know" (code 0) last
    m_status->setText(tr("Pixel %1 of %2 (column %3, row %4), %5 answered. Which class is inside the ring? %6")
                          .arg(index + 1)
                          .arg(count)
                          .arg(pixel.x())
                          .arg(pixel.y())
                          .arg(answered)
                          .arg(keys.join(", ")));
}

void PixelQuestionsPanel::showNoQuestion(const QString& text)
{
    setAnswering(false);
    m_status->setText(text);
}

bool PixelQuestionsPanel::answering() const
{
    return m_answers.begin()->second->isEnabled();
}

void PixelQuestionsPanel::setAnswering(bool answering)
{
    for (auto& [code, action] : m_answers)
        action->setEnabled(answering);
}

} // namespace banquise::widgets
