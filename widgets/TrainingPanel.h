#pragma once

#include "models/SeaIceModel.h" // TrainingProgress (a torch-free header)

#include <QWidget>

class QChart;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace banquise::widgets {

// The learned models of the open scene: train (steps), cancel, load and
// save a model, and the loss curves drawn live while training runs
// elsewhere. Qt Charts draws them: it is part of Qt, so the plots follow
// the widgets' style, and its line series take appends without a redraw
// of the whole plot (VTK's charts would need a second render window).
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    int steps() const;
    // A model job started or stopped; the buttons follow.
    void setRunning(bool running);
    // A new training starts from empty curves.
    void clearCurves();
    // One step's losses: appended to the curves, progress updated.
    void addProgress(const models::TrainingProgress& progress);
    void showStatus(const QString& text);
    // Points in the total-loss curve (for tests).
    int plottedSteps() const;

Q_SIGNALS:
    void trainRequested(int steps);
    void cancelRequested();
    void loadRequested();
    void saveRequested();

private:
    QSpinBox* m_steps;
    QPushButton* m_train;
    QPushButton* m_cancel;
    QPushButton* m_load;
    QPushButton* m_save;
    QProgressBar* m_progress;
    QLabel* m_status;
    QChart* m_chart;
    QLineSeries* m_total;
    QLineSeries* m_concentration;
    QLineSeries* m_optical;
    QLineSeries* m_altimeter;
    QLineSeries* m_speckle;
    QValueAxis* m_stepAxis;
    QValueAxis* m_lossAxis;
    double m_maxLoss = 0.0;
};

} // namespace banquise::widgets
