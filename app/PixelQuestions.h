#pragma once

#include "labeling/LabelClass.h"

#include <QObject>
#include <QPoint>

#include <functional>
#include <memory>
#include <vector>

namespace banquise::scene {
class MarkerLayer;
}
namespace banquise::widgets {
class PixelQuestionsPanel;
class ViewGrid;
}

namespace banquise::app {

class LabelingWorkbench;
class JobRunner;
class ModelWorkbench;

// Active learning by pixels the model asks about (PixelPick, Shin et al.
// 2021) in the main window: Ask draws a batch among the shown prediction's
// most uncertain unlabelled pixels (by the dock's strategy), rings them on
// every linked view and focuses the first; a class key answers the focused
// one, which is stored in the project as a one-pixel label, and moves on to
// the next. Retrain then learns from the answers like from any label; after
// a round, a new batch is asked of the new model. While a question is under
// focus the label tools' class keys rest, so that the same keys answer.
// GUI thread; the draw runs on a worker.
class PixelQuestions : public QObject {
    Q_OBJECT
public:
    using Strategy = std::function<QString()>;

    // Its jobs run on `jobs`, which must outlive it.
    PixelQuestions(JobRunner& jobs, ModelWorkbench* models, LabelingWorkbench* labeling, widgets::ViewGrid* grid, widgets::PixelQuestionsPanel* panel,
                   Strategy strategy, QObject* parent = nullptr);

    void ask(int count);
    // Answers the focused question (LabelCode::Unknown: don't know, skipped).
    void answer(labeling::LabelCode code);
    // Drops the batch and its markers.
    void clear();

    int questionCount() const { return static_cast<int>(m_questions.size()); }
    int answeredCount() const;
    // The grid pixel under focus; (-1, -1) when none.
    QPoint focus() const;

Q_SIGNALS:
    void asked();
    // The batch is answered (or skipped) to its end.
    void batchDone();

private:
    struct Question {
        QPoint pixel;
        bool answered = false;
        labeling::LabelCode answer = labeling::LabelCode::Unknown;
    };
    void showQuestions(std::vector<QPoint> pixels);
    void focusOn(int index);
    void updateMarkers();
    void restLabelClassKeys(bool rest);

    JobRunner& m_jobs;
    ModelWorkbench* m_models;
    LabelingWorkbench* m_labeling;
    widgets::ViewGrid* m_grid;
    widgets::PixelQuestionsPanel* m_panel;
    Strategy m_strategy;
    std::vector<Question> m_questions;
    int m_focus = -1;
    std::shared_ptr<scene::MarkerLayer> m_markers;
    int m_lastBatch = 0;    // asked again after each round, 0 before any
};

} // namespace banquise::app
