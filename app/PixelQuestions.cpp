#include "app/PixelQuestions.h"

#include "app/JobRunner.h"
#include "app/LabelingWorkbench.h"
#include "app/ModelWorkbench.h"
#include "labeling/LabelSession.h"
#include "labeling/ModelLabels.h"
#include "labeling/ProjectError.h"
#include "models/Acquisition.h"
#include "models/ModelInputs.h"
#include "models/PixelQueries.h"
#include "scene/MarkerLayer.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/PixelQuestionsPanel.h"
#include "widgets/ViewGrid.h"

#include <QDateTime>

#include <algorithm>
#include <random>

namespace banquise::app {

namespace {
// The views show this many pixels either side of the question: enough of
// the floe or lead around it to judge its class.
constexpr int kContext = 40;
constexpr double kRingHalfSize = 3.0; // pixels
constexpr std::array<std::uint8_t, 3> kWaiting{255, 170, 0};
constexpr std::array<std::uint8_t, 3> kFocused{255, 255, 0};
constexpr std::array<std::uint8_t, 3> kSkipped{128, 128, 128};

// A short path through the pixels (greedy nearest neighbour from the top
// left), so that the views move little from one question to the next.
std::vector<QPoint> alongShortPath(std::vector<cv::Point> pixels)
{
    std::vector<QPoint> path;
    if (pixels.empty())
        return path;
    auto start = std::min_element(pixels.begin(), pixels.end(), [](cv::Point a, cv::Point b) { return a.x + a.y < b.x + b.y; });
    std::iter_swap(pixels.begin(), start);
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        if (i > 0) {
            const cv::Point from = pixels[i - 1];
            auto nearest = std::min_element(pixels.begin() + static_cast<std::ptrdiff_t>(i), pixels.end(), [from](cv::Point a, cv::Point b) {
                return (a - from).dot(a - from) < (b - from).dot(b - from);
            });
            std::iter_swap(pixels.begin() + static_cast<std::ptrdiff_t>(i), nearest);
        }
        path.emplace_back(pixels[i].x, pixels[i].y);
    }
    return path;
}
} // namespace

PixelQuestions::PixelQuestions(JobRunner& jobs, ModelWorkbench* models, LabelingWorkbench* labeling, widgets::ViewGrid* grid,
                               widgets::PixelQuestionsPanel* panel, Strategy strategy, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_models(models), m_labeling(labeling), m_grid(grid), m_panel(panel), m_strategy(std::move(strategy))
{
    connect(m_panel, &widgets::PixelQuestionsPanel::askRequested, this, &PixelQuestions::ask);
    connect(m_panel, &widgets::PixelQuestionsPanel::answered, this, &PixelQuestions::answer);
    // Another scene or project: the questions were about the old one.
    connect(m_labeling, &LabelingWorkbench::sessionChanged, this, [this] {
        clear();
        m_lastBatch = 0;
    });
    connect(m_models, &ModelWorkbench::predictionShown, this, [this] {
        // A new model's map: its questions replace the old model's.
        if (m_lastBatch > 0 && m_labeling->session())
            ask(m_lastBatch);
    });
}

void PixelQuestions::ask(int count)
{
    const auto inputs = m_models->inputs();
    const auto prediction = m_models->prediction();
    if (!m_labeling->session()) {
        m_panel->showNoQuestion(tr("Open or create a project first: the answers are stored in it."));
        return;
    }
    if (!prediction || !inputs) {
        m_panel->showNoQuestion(tr("Predict with a model first: it asks where it is unsure."));
        return;
    }
    models::AcquisitionStrategy strategy;
    try {
        strategy = models::acquisitionStrategyFromString(m_strategy().toStdString());
    } catch (const std::exception& e) {
        m_panel->showNoQuestion(QString::fromStdString(e.what()));
        return;
    }
    const cv::Mat1b labelled = labeling::modelClassesOf(*m_labeling->session()->layer());
    m_lastBatch = count;
    // A new request (another count, another model's map) replaces a draw under way.
    using Pixels = std::vector<QPoint>;
    m_jobs.start<Pixels>(
        {"pixel-questions", tr("Choosing the pixels to ask about"), WhenBusy::Replace, true, true},
        [prediction, strategy, labelled, count](scene::Feedback&) {
            const cv::Mat1f uncertainty = models::pixelUncertainty(*prediction, strategy);
            std::mt19937 rng(static_cast<unsigned>(QDateTime::currentMSecsSinceEpoch()));
            const cv::Rect whole(0, 0, labelled.cols, labelled.rows);
            return alongShortPath(models::pickPixels(uncertainty, whole, labelled, count, rng));
        },
        [this](JobEnd end, std::optional<Pixels> pixels, const QString& error) {
            if (end == JobEnd::Failed)
                m_panel->showNoQuestion(error);
            if (end == JobEnd::Done)
                showQuestions(std::move(*pixels));
        });
}

void PixelQuestions::showQuestions(std::vector<QPoint> pixels)
{
    clear();
    const auto inputs = m_models->inputs();
    if (pixels.empty() || !inputs) {
        m_panel->showNoQuestion(tr("No unlabelled pixel is left to ask about."));
        return;
    }
    for (const QPoint& p : pixels)
        m_questions.push_back({p});
    m_markers = std::make_shared<scene::MarkerLayer>(scene::LayerInfo{tr("Pixels to answer").toStdString()}, inputs->grid.extent());
    m_grid->addLayer(m_markers, true);
    restLabelClassKeys(true);
    focusOn(0);
    Q_EMIT asked();
}

void PixelQuestions::answer(labeling::LabelCode code)
{
    labeling::LabelSession* session = m_labeling->session();
    if (m_focus < 0 || !session)
        return;
    Question& question = m_questions[static_cast<std::size_t>(m_focus)];
    if (code != labeling::LabelCode::Unknown) {
        try {
            session->addPixelAnswer(code, question.pixel.x(), question.pixel.y());
        } catch (const labeling::ProjectError& e) {
            m_panel->showNoQuestion(tr("The answer was not stored: %1").arg(QString::fromStdString(e.what())));
            restLabelClassKeys(false);
            return;
        }
    }
    question.answered = true;
    question.answer = code;
    // The next question not answered yet, after this one, then from the start.
    for (int step = 1; step <= questionCount(); ++step) {
        const int next = (m_focus + step) % questionCount();
        if (!m_questions[static_cast<std::size_t>(next)].answered) {
            focusOn(next);
            return;
        }
    }
    m_focus = -1;
    updateMarkers();
    restLabelClassKeys(false);
    m_panel->showNoQuestion(tr("All %1 pixels answered. Retrain (Ctrl+R) learns from them; the new model then asks again.")
                                .arg(questionCount()));
    Q_EMIT batchDone();
}

void PixelQuestions::clear()
{
    if (m_markers)
        m_grid->removeLayer(*m_markers);
    m_markers.reset();
    m_questions.clear();
    m_focus = -1;
    restLabelClassKeys(false);
}

int PixelQuestions::answeredCount() const
{
    return static_cast<int>(std::count_if(m_questions.begin(), m_questions.end(), [](const Question& q) { return q.answered; }));
}

QPoint PixelQuestions::focus() const
{
    return m_focus < 0 ? QPoint(-1, -1) : m_questions[static_cast<std::size_t>(m_focus)].pixel;
}

void PixelQuestions::focusOn(int index)
{
    m_focus = index;
    const QPoint pixel = focus();
    updateMarkers();
    if (const auto inputs = m_models->inputs())
        m_grid->fitTo(inputs->grid.extentOf(pixel.x() - kContext, pixel.y() - kContext, 2 * kContext + 1, 2 * kContext + 1));
    m_panel->showQuestion(index, questionCount(), answeredCount(), pixel);
}

void PixelQuestions::updateMarkers()
{
    const auto inputs = m_models->inputs();
    if (!m_markers || !inputs)
        return;
    std::vector<scene::Marker> markers;
    for (std::size_t i = 0; i < m_questions.size(); ++i) {
        const Question& q = m_questions[i];
        scene::Marker m;
        m.position = inputs->grid.pixelCentre(q.pixel.x(), q.pixel.y());
        m.halfSize = kRingHalfSize * inputs->grid.pixelSize();
        m.emphasised = static_cast<int>(i) == m_focus;
        m.colour = m.emphasised ? kFocused
                   : !q.answered ? kWaiting
                   : q.answer == labeling::LabelCode::Unknown ? kSkipped
                                                              : labeling::labelClass(q.answer).colour;
        markers.push_back(m);
    }
    m_markers->setMarkers(std::move(markers));
    m_grid->synchroniseLayers();
}

void PixelQuestions::restLabelClassKeys(bool rest)
{
    for (const auto& c : labeling::labelClasses())
        m_labeling->panel()->classAction(c.code)->setEnabled(!rest);
}

} // namespace banquise::app
