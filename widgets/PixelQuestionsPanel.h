#pragma once

#include "labeling/LabelClass.h"

#include <QPoint>
#include <QWidget>

#include <map>

class QAction;
class QLabel;
class QSpinBox;

namespace banquise::widgets {

// The pixels the model asks about (PixelPick), in the active-learning dock:
// Ask (Q) requests a batch, each question shows where it is and how far
// the batch has come, and one key per class answers the question under
// focus (the class keys 1–3; 0: don't know, which skips it). The answer
// keys work only while a question is under focus, so that they do not
// compete with the label tools' class keys otherwise.
class PixelQuestionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PixelQuestionsPanel(QWidget* parent = nullptr);

    int batchSize() const;
    void setBatchSize(int pixels);
    QAction* askAction() const { return m_ask; }
    // LabelCode::Unknown is "don't know".
    QAction* answerAction(labeling::LabelCode code) const { return m_answers.at(code); }

    // Question `index` (0-based) of `count` under focus, at grid pixel `pixel`,
    // `answered` of them answered so far.
    void showQuestion(int index, int count, int answered, QPoint pixel);
    // No question under focus; `text` says why or what to do next.
    void showNoQuestion(const QString& text);
    bool answering() const;

Q_SIGNALS:
    void askRequested(int pixels);
    void answered(labeling::LabelCode code);

private:
    void setAnswering(bool answering);

    QSpinBox* m_batch;
    QAction* m_ask;
    std::map<labeling::LabelCode, QAction*> m_answers;
    QLabel* m_status;
};

} // namespace banquise::widgets
