#pragma once

#include <QRect>
#include <QWidget>

#include <vector>

class QChart;
class QComboBox;
class QSpinBox;
class QLabel;
class QLineSeries;
class QTableWidget;
class QValueAxis;

namespace banquise::widgets {

class PixelQuestionsPanel;

// One queued tile (grid pixels) and its acquisition score.
struct QueuedTile {
    QRect tile;
    double score = 0.0;
};

// The active-learning dock: the acquisition strategy, the queue of tiles
// to annotate next with their scores (Next steps through them), the pixels
// the model asks about, and the rounds so far: labels used and the
// held-out score, plotted.
class ActiveLearningPanel : public QWidget {
    Q_OBJECT
public:
    explicit ActiveLearningPanel(QWidget* parent = nullptr);

    QString strategy() const;
    // Pixels the model asks about, answered one by one (below the strategy).
    PixelQuestionsPanel* pixelQuestions() const { return m_pixelQuestions; }
    void setQueue(const std::vector<QueuedTile>& queue);
    int queueSize() const;
    int currentIndex() const;
    // A finished round: labels it learnt from and its held-out mean IoU.
    void addRound(long long labelledPixels, double heldOutMeanIou);
    int roundCount() const { return static_cast<int>(m_rounds.size()); }
    void showStatus(const QString& text);
    // Retrain by itself after this many new annotations (0: only on demand).
    int retrainEvery() const;
    void setRetrainEvery(int annotations);
    // Steps of one Retrain that fine-tunes the model already there.
    int fineTuneSteps() const;
    void setFineTuneSteps(int steps);

Q_SIGNALS:
    void rankRequested(const QString& strategy);
    // The user stepped to a queued tile.
    void tileChosen(const QRect& tile);

public Q_SLOTS:
    void nextTile();

private:
    void choose(int row);

    QComboBox* m_strategy;
    PixelQuestionsPanel* m_pixelQuestions;
    QSpinBox* m_retrainEvery;
    QSpinBox* m_fineTuneSteps;
    QTableWidget* m_queue;
    QLabel* m_status;
    QChart* m_chart;
    QLineSeries* m_curve;
    QValueAxis* m_labelsAxis;
    QValueAxis* m_scoreAxis;
    std::vector<QueuedTile> m_tiles;
    std::vector<std::pair<long long, double>> m_rounds;
};

} // namespace banquise::widgets
