#include "widgets/ActiveLearningPanel.h"

#include "widgets/PixelQuestionsPanel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace banquise::widgets {

ActiveLearningPanel::ActiveLearningPanel(QWidget* parent)
    : QWidget(parent), m_strategy(new QComboBox(this)), m_pixelQuestions(new PixelQuestionsPanel(this)), m_retrainEvery(new QSpinBox(this)), m_fineTuneSteps(new QSpinBox(this)), m_queue(new QTableWidget(0, 3, this)), m_status(new QLabel(this)),
      m_chart(new QChart), m_curve(new QLineSeries), m_labelsAxis(new QValueAxis), m_scoreAxis(new QValueAxis)
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_strategy->setObjectName("strategy");
    m_strategy->addItems({"entropy", "margin", "bald", "random"});
    m_strategy->setToolTip(tr("Where the model is least sure: predictive entropy, a small margin between its two best classes, "
                              "BALD (MC-dropout mutual information), or at random"));
    auto* rank = new QPushButton(tr("Rank tiles"), this);
    rank->setObjectName("rankTiles");
    auto* next = new QPushButton(tr("Next tile"), this);
    next->setObjectName("nextTile");
    next->setShortcut(QKeySequence(Qt::Key_N));
    row->addWidget(m_strategy);
    row->addWidget(rank);
    row->addWidget(next);
    layout->addLayout(row);
    layout->addWidget(m_pixelQuestions);
    auto* automatic = new QHBoxLayout;
    automatic->addWidget(new QLabel(tr("Retrain every"), this));
    m_retrainEvery->setObjectName("retrainEvery");
    m_retrainEvery->setRange(0, 1000);
    m_retrainEvery->setSpecialValueText(tr("never (Retrain on demand)"));
    m_retrainEvery->setSuffix(tr(" annotations"));
    automatic->addWidget(m_retrainEvery, 1);
    layout->addLayout(automatic);
    auto* effort = new QHBoxLayout;
    effort->addWidget(new QLabel(tr("Fine-tune for"), this));
    m_fineTuneSteps->setObjectName("fineTuneSteps");
    m_fineTuneSteps->setRange(1, 5000);
    m_fineTuneSteps->setValue(100);
    m_fineTuneSteps->setSuffix(tr(" steps"));
    m_fineTuneSteps->setToolTip(tr("Steps of one Retrain when a model is there: fewer refresh sooner, more learn the new labels better"));
    effort->addWidget(m_fineTuneSteps, 1);
    layout->addLayout(effort);
    m_queue->setObjectName("queue");
    m_queue->setHorizontalHeaderLabels({tr("column"), tr("row"), tr("score")});
    m_queue->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_queue, 1);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_curve->setName(tr("held-out mean IoU"));
    m_curve->setPointsVisible(true);
    m_chart->addSeries(m_curve);
    // Axis titles would crowd a dock: the chart's title names both.
    m_labelsAxis->setLabelFormat("%.0f");
    m_labelsAxis->setTickCount(3);
    m_scoreAxis->setRange(0.0, 1.0);
    m_scoreAxis->setTickCount(3);
    m_chart->addAxis(m_labelsAxis, Qt::AlignBottom);
    m_chart->addAxis(m_scoreAxis, Qt::AlignLeft);
    m_curve->attachAxis(m_labelsAxis);
    m_curve->attachAxis(m_scoreAxis);
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Held-out mean IoU against labelled pixels"));
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    auto* view = new QChartView(m_chart, this);
    view->setMinimumHeight(160);
    layout->addWidget(view, 1);

    connect(rank, &QPushButton::clicked, this, [this] { Q_EMIT rankRequested(strategy()); });
    connect(next, &QPushButton::clicked, this, &ActiveLearningPanel::nextTile);
    connect(m_queue, &QTableWidget::cellClicked, this, [this](int r, int) { choose(r); });
    showStatus(tr("Predict with a model, then rank the tiles to annotate next."));
}

QString ActiveLearningPanel::strategy() const
{
    return m_strategy->currentText();
}

void ActiveLearningPanel::setQueue(const std::vector<QueuedTile>& queue)
{
    m_tiles = queue;
    m_queue->setRowCount(static_cast<int>(queue.size()));
    for (int r = 0; r < static_cast<int>(queue.size()); ++r) {
        m_queue->setItem(r, 0, new QTableWidgetItem(QString::number(queue[r].tile.x())));
        m_queue->setItem(r, 1, new QTableWidgetItem(QString::number(queue[r].tile.y())));
        m_queue->setItem(r, 2, new QTableWidgetItem(QString::number(queue[r].score, 'f', 3)));
    }
    m_queue->clearSelection();
}

int ActiveLearningPanel::queueSize() const
{
    return static_cast<int>(m_tiles.size());
}

int ActiveLearningPanel::currentIndex() const
{
    return m_queue->currentRow();
}

void ActiveLearningPanel::nextTile()
{
    if (!m_tiles.empty())
        choose((m_queue->currentRow() + 1) % static_cast<int>(m_tiles.size()));
}

void ActiveLearningPanel::choose(int row)
{
    if (row < 0 || row >= static_cast<int>(m_tiles.size()))
        return;
    m_queue->selectRow(row);
    m_queue->setCurrentCell(row, 0);
    Q_EMIT tileChosen(m_tiles[row].tile);
}

void ActiveLearningPanel::addRound(long long labelledPixels, double heldOutMeanIou)
{
    m_rounds.emplace_back(labelledPixels, heldOutMeanIou);
    m_curve->append(static_cast<double>(labelledPixels), heldOutMeanIou);
    long long most = 1;
    for (const auto& [labels, score] : m_rounds)
        most = std::max(most, labels);
    m_labelsAxis->setRange(0.0, static_cast<double>(most) * 1.1);
    showStatus(tr("Round %1: %2 labelled pixels, held-out mean IoU %3").arg(m_rounds.size()).arg(labelledPixels).arg(heldOutMeanIou, 0, 'f', 3));
}

int ActiveLearningPanel::retrainEvery() const
{
    return m_retrainEvery->value();
}

void ActiveLearningPanel::setRetrainEvery(int annotations)
{
    m_retrainEvery->setValue(annotations);
}

int ActiveLearningPanel::fineTuneSteps() const
{
    return m_fineTuneSteps->value();
}

void ActiveLearningPanel::setFineTuneSteps(int steps)
{
    m_fineTuneSteps->setValue(steps);
}

void ActiveLearningPanel::showStatus(const QString& text)
{
    m_status->setText(text);
}

} // namespace banquise::widgets
