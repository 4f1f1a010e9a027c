#include "app/ActiveLearningWorkbench.h"

#include "app/JobRunner.h"
#include "app/LabelingWorkbench.h"
#include "app/ModelWorkbench.h"
#include "app/PixelQuestions.h"
#include "labeling/LabelSession.h"
#include "labeling/ModelLabels.h"
#include "labeling/ProjectError.h"
#include "labeling/ProjectStore.h"
#include "models/Acquisition.h"
#include "models/ModelInputs.h"
#include "models/Scores.h"
#include "models/SeaIceModel.h"
#include "models/TileRanking.h"
#include "widgets/ActiveLearningPanel.h"
#include "widgets/PixelQuestionsPanel.h"
#include "widgets/ViewGrid.h"

#include <opencv2/core.hpp>

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <random>

namespace banquise::app {

namespace {
constexpr int kQueueTile = 256;
constexpr int kQueueLength = 10;

using Ranked = std::vector<widgets::QueuedTile>;
} // namespace

ActiveLearningWorkbench::ActiveLearningWorkbench(JobRunner& jobs, ModelWorkbench* models, LabelingWorkbench* labeling,
                                                 widgets::ViewGrid* grid, Steps trainingSteps, ProblemReport report, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_models(models), m_labeling(labeling), m_grid(grid), m_trainingSteps(std::move(trainingSteps)),
      m_report(std::move(report)), m_panel(new widgets::ActiveLearningPanel),
      m_pixelQuestions(new PixelQuestions(jobs, models, labeling, grid, m_panel->pixelQuestions(), [this] { return m_panel->strategy(); }, this))
{
    connect(m_panel, &widgets::ActiveLearningPanel::rankRequested, this, &ActiveLearningWorkbench::rankInBackground);
    connect(m_panel, &widgets::ActiveLearningPanel::tileChosen, this, &ActiveLearningWorkbench::showTile);
    connect(m_labeling, &LabelingWorkbench::retrainRequested, this, &ActiveLearningWorkbench::retrain);
    connect(m_labeling, &LabelingWorkbench::sessionChanged, this, [this](labeling::LabelSession* session) {
        m_session = 0;
        m_newAnnotations = 0;
        if (session)
            connect(session, &labeling::LabelSession::annotationAdded, this, [this] {
                // Automatic retraining: every N stored annotations, when no model job runs.
                if (++m_newAnnotations >= m_panel->retrainEvery() && m_panel->retrainEvery() > 0 && !m_models->isBusy())
                    retrain();
            });
    });
    connect(m_models, &ModelWorkbench::trainingFinished, this, [this] {
        if (m_fineTuning)
            m_modelVersion = m_labeling->recordModelVersion([this](const QString& path) { return m_models->saveModel(path); });
    });
    connect(m_models, &ModelWorkbench::predictionShown, this, [this] {
        if (std::exchange(m_fineTuning, false))
            recordRound();
    });
    connect(m_models, &ModelWorkbench::jobFailed, this, [this] { m_fineTuning = false; });
    connect(m_models, &ModelWorkbench::jobCancelled, this, [this] { m_fineTuning = false; });
}

void ActiveLearningWorkbench::rankInBackground(const QString& strategyName)
{
    const auto model = m_models->model();
    const auto inputs = m_models->inputs();
    const auto prediction = m_models->prediction();
    if (!model || !prediction || !inputs || m_models->isBusy()) {
        m_panel->showStatus(!prediction ? tr("Predict with a model first.")
                            : !model    ? tr("Ranking tiles needs a Banquise model: the model shown is TorchScript.")
                                        : tr("Wait for the running job."));
        return;
    }
    models::AcquisitionStrategy strategy;
    try {
        strategy = models::acquisitionStrategyFromString(strategyName.toStdString());
    } catch (const std::exception& e) {
        m_panel->showStatus(QString::fromStdString(e.what()));
        return;
    }
    m_lastStrategy = strategyName;
    // Tiles the user labelled already are not queued again.
    cv::Mat1b labelled;
    if (const labeling::LabelSession* session = m_labeling->session())
        labelled = labeling::modelClassesOf(*session->layer()) != models::kNoClass;
    m_panel->showStatus(tr("Ranking the tiles (%1)…").arg(strategyName));
    // A new ranking (another strategy, new labels) makes a running one moot.
    m_jobs.start<Ranked>(
        {"rank", tr("Ranking the tiles"), WhenBusy::Replace, true, true},
        [model, inputs, prediction, strategy, labelled](scene::Feedback&) {
            // 256 px tiles, smaller on a small scene so that it has a queue.
            const int size = std::clamp(std::min(inputs->width(), inputs->height()) / 4, 64, kQueueTile);
            const auto tiles = models::candidateTiles({inputs->width(), inputs->height()}, size);
            std::mt19937 rng(static_cast<unsigned>(QDateTime::currentMSecsSinceEpoch()));
            std::vector<bool> excluded(tiles.size(), false);
            for (std::size_t i = 0; i < tiles.size() && !labelled.empty(); ++i)
                excluded[i] = cv::countNonZero(labelled(tiles[i])) > tiles[i].area() / 100;
            Ranked queue;
            for (const models::RankedTile& t :
                 models::rankTiles(*model, *inputs, *prediction, tiles, strategy, models::selectionTermsFor(strategy, {}), kQueueLength, excluded, rng))
                queue.push_back({QRect(t.tile.x, t.tile.y, t.tile.width, t.tile.height), t.score});
            return queue;
        },
        [this](JobEnd end, std::optional<Ranked> queue, const QString& error) {
            if (end != JobEnd::Done) {
                if (end == JobEnd::Failed)
                    m_panel->showStatus(error);
                return;
            }
            m_panel->setQueue(*queue);
            m_panel->showStatus(tr("%1 tiles queued by %2: Next (N) steps through them.").arg(queue->size()).arg(m_lastStrategy));
            Q_EMIT queueRanked();
        });
}

void ActiveLearningWorkbench::showTile(const QRect& tile)
{
    const auto inputs = m_models->inputs();
    if (!inputs)
        return;
    m_grid->fitTo(inputs->grid.extentOf(tile.left(), tile.top(), tile.width(), tile.height()));
}

void ActiveLearningWorkbench::retrain()
{
    const labeling::LabelSession* session = m_labeling->session();
    if (!session || session->layer()->labelledPixelCount() == 0) {
        m_report(tr("Retrain"), tr("Open a project and label the scene first."));
        return;
    }
    if (m_models->isBusy())
        return;
    const auto split =
        labeling::splitLabels(session->store().annotations(session->sceneId()), session->layer()->grid());
    m_heldOut = split.heldOut;
    m_trainingPixels = split.trainingPixels;
    m_newAnnotations = 0;
    m_modelVersion = 0;
    m_fineTuning = true;
    // A model already there is fine-tuned briefly; otherwise one is trained.
    m_models->fineTuneInBackground(m_models->hasModel() ? m_panel->fineTuneSteps() : m_trainingSteps(), split.training);
}

void ActiveLearningWorkbench::recordRound()
{
    const auto prediction = m_models->prediction();
    double score = std::nan("");
    if (prediction && cv::countNonZero(m_heldOut != models::kNoClass) > 0)
        score = models::scoreSegmentation(prediction->classes, m_heldOut).meanIou;
    m_panel->addRound(m_trainingPixels, std::isfinite(score) ? score : 0.0);
    if (!std::isfinite(score))
        m_panel->showStatus(tr("Round %1 done; no held-out labels yet (every fifth annotation is kept out).").arg(m_panel->roundCount()));
    if (labeling::LabelSession* session = m_labeling->session()) {
        try {
            labeling::ProjectStore& store = session->store();
            if (m_session == 0)
                m_session = store.startActiveLearningSession(session->sceneId(), (m_lastStrategy.isEmpty() ? QString("manual") : m_lastStrategy).toStdString(),
                                                             kQueueTile);
            labeling::ActiveLearningRound round;
            round.sessionId = m_session;
            round.index = static_cast<int>(store.activeLearningRounds(m_session).size());
            round.labelCount = m_trainingPixels;
            if (m_modelVersion > 0)
                round.modelVersionId = m_modelVersion;
            round.time = static_cast<double>(QDateTime::currentSecsSinceEpoch());
            store.addActiveLearningRound(round);
        } catch (const labeling::ProjectError& e) {
            m_report(tr("The round was not recorded"), QString::fromStdString(e.what()));
        }
    }
    Q_EMIT roundRecorded();
    if (!m_lastStrategy.isEmpty())
        rankInBackground(m_lastStrategy); // the queue follows the new model
}

} // namespace banquise::app
