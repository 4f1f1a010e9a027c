#include "app/ComparisonWorkbench.h"

#include "app/ComparisonReport.h"
#include "app/JobRunner.h"
#include "app/SceneDocument.h"
#include "app/ModelWorkbench.h"
#include "models/ModelInputs.h"
#include "models/SeaIceModel.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "rendering/HeightFieldScene.h"
#include "widgets/ComparisonPanel.h"
#include "widgets/HeightFieldView.h"
#include "widgets/ProfileTool.h"
#include "widgets/ViewGrid.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>

#include <tuple>

namespace banquise::app {

namespace {

struct Compared {
    std::shared_ptr<const ComparisonSources> sources;
    std::shared_ptr<const ComparisonOutcome> outcome;
};

std::vector<float> valuesOf(const cv::Mat1f& m)
{
    return std::vector<float>(m.begin(), m.end());
}

} // namespace

ComparisonWorkbench::ComparisonWorkbench(JobRunner& jobs, SceneDocument& document, ModelWorkbench* models, widgets::ViewGrid* grid,
                                         ProblemReport report, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_models(models), m_grid(grid), m_document(document), m_report(std::move(report)),
      m_panel(new widgets::ComparisonPanel), m_profileTool(new widgets::ProfileTool(this))
{
    connect(m_panel, &widgets::ComparisonPanel::compareRequested, this, &ComparisonWorkbench::compareInBackground);
    connect(m_panel, &widgets::ComparisonPanel::cancelRequested, this, [this] {
        cancel();
        m_panel->showStatus(tr("Cancelling at the next training step…"));
    });
    connect(m_panel, &widgets::ComparisonPanel::reportRequested, this, &ComparisonWorkbench::chooseReportFolder);
    // The profile tool takes the left button while it is on, then gives it
    // back to the tool that had it (the label tools).
    connect(m_panel, &widgets::ComparisonPanel::profileToolToggled, this, [this](bool on) {
        if (on && m_grid->mapTool() != m_profileTool) {
            m_previousTool = m_grid->mapTool();
            m_grid->setMapTool(m_profileTool);
        } else if (!on && m_grid->mapTool() == m_profileTool) {
            m_grid->setMapTool(m_previousTool);
        }
    });
    connect(m_panel, &widgets::ComparisonPanel::surfaceChosen, this, &ComparisonWorkbench::showSurface);
    connect(m_profileTool, &widgets::ProfileTool::lineDrawn, this,
            [this](double x0, double y0, double x1, double y1) { showProfile({x0, y0}, {x1, y1}); });
}

ComparisonWorkbench::~ComparisonWorkbench()
{
    if (m_grid->mapTool() == m_profileTool)
        m_grid->setMapTool(m_previousTool);
}

void ComparisonWorkbench::cancel()
{
    m_jobs.cancel(m_job);
}

void ComparisonWorkbench::fail(const QString& message)
{
    m_panel->showStatus(message);
    m_report(tr("Compare with SWOT"), message);
    Q_EMIT comparisonFailed(message);
}

void ComparisonWorkbench::compareInBackground(bool leaveOneTrackOut)
{
    const scene::Scene* shown = m_document.scene();
    if (m_job)
        return; // one comparison at a time
    if (!shown || !m_models->prediction() || !m_models->inputs()) {
        fail(tr("Train or load a model and predict first: the comparison needs its elevation map."));
        return;
    }
    const auto snapshot = std::make_shared<const scene::Scene>(*shown);
    const auto inputs = m_models->inputs();
    const auto prediction = m_models->prediction();
    m_panel->setBusy(true);
    m_panel->showStatus(leaveOneTrackOut ? tr("Comparing; leaving each track out in turn (a training each)…") : tr("Comparing…"));
    ComparisonRunOptions options;
    options.leaveOneTrackOut = leaveOneTrackOut;
    options.prediction.monteCarloSamples = 4;
    const std::string folder = m_sceneFolder;
    const std::string model = m_models->modelSource().toStdString();
    m_job = m_jobs.start<Compared>(
        {"compare", tr("Comparing with SWOT")},
        [snapshot, inputs, prediction, folder, model, options](scene::Feedback& feedback) {
            ComparisonSources gathered = comparisonSourcesOf(*snapshot, *inputs, *prediction, folder);
            gathered.provenance.insert(gathered.provenance.begin() + 1, {"model", model});
            auto sources = std::make_shared<const ComparisonSources>(std::move(gathered));
            auto outcome = std::make_shared<const ComparisonOutcome>(runComparison(
                *sources, inputs.get(), options, [&](const std::string& step) { feedback.setProgress(0.0, step); }, &feedback));
            return Compared{sources, outcome};
        },
        [this](JobEnd end, std::optional<Compared> compared, const QString& error) {
            m_job = 0;
            m_panel->setBusy(false);
            if (end == JobEnd::Cancelled) {
                m_panel->showStatus(tr("Comparison cancelled."));
                Q_EMIT comparisonCancelled();
                return;
            }
            if (end == JobEnd::Failed) {
                fail(error);
                return;
            }
            m_sources = compared->sources;
            m_outcome = compared->outcome;
            showLayers();
            showSurface(m_panel->surfaceBox()->currentIndex());
            m_panel->showComparison(reportRows(*m_outcome), m_outcome->predictionVsSwot);
            const auto& overall = m_outcome->predictionVsSwot.overall();
            m_panel->showStatus(tr("%1 pixels: bias %2 m, RMSE %3 m, NMAD %4 m, r %5. Draw a profile with P.")
                                    .arg(overall.count)
                                    .arg(overall.bias, 0, 'f', 3)
                                    .arg(overall.rmse, 0, 'f', 3)
                                    .arg(overall.nmad, 0, 'f', 3)
                                    .arg(overall.correlation, 0, 'f', 3));
            Q_EMIT comparisonShown();
        });
}

void ComparisonWorkbench::showLayers()
{
    const scene::Scene* shown = m_document.scene();
    if (!shown)
        return;
    const ComparisonSources& s = *m_sources;
    const scene::LayerInfo swotInfo{kSwotLayer, "SWOT", "m", scene::Quantity::Freeboard, s.time, ""};
    const scene::LayerInfo differenceInfo{kDifferenceLayer, "Banquise", "m", scene::Quantity::Freeboard, s.time, ""};
    const std::tuple<scene::LayerInfo, const cv::Mat1f*, int> maps[] = {{swotInfo, &s.swot, kSwotView},
                                                                         {differenceInfo, &m_outcome->predictionVsSwot.difference, kDifferenceView}};
    for (const auto& [info, values, view] : maps) // in place of a previous comparison's maps
        m_document.putLayer(std::make_shared<const scene::RasterLayer>(info, s.grid, std::vector<std::vector<float>>{valuesOf(*values)}), view);
    if (const auto prediction = shown->findLayer("Model freeboard"))
        m_document.showLayer(*prediction, kPredictionView);
}

void ComparisonWorkbench::showSurface(int surface)
{
    const scene::Scene* shown = m_document.scene();
    if (!shown || !m_outcome)
        return;
    const char* name = surface == widgets::ComparisonPanel::SwotSurface ? kSwotLayer : "Model freeboard";
    const auto elevation = std::dynamic_pointer_cast<const scene::RasterLayer>(shown->findLayer(name));
    std::shared_ptr<const scene::RasterLayer> sar;
    for (const auto& layer : shown->layers())
        if (!sar && layer->info().quantity == scene::Quantity::Sigma0)
            sar = std::dynamic_pointer_cast<const scene::RasterLayer>(layer);
    if (!elevation)
        return;
    widgets::HeightFieldView* view = m_panel->heightFieldView();
    const bool first = !view->heightField().hasSurface();
    view->heightField().setSurface(*elevation, sar.get(), sar ? rendering::defaultStyle(*sar) : rendering::LayerStyle{}, first);
    if (first)
        m_panel->exaggerationBox()->setValue(std::round(view->heightField().suggestedExaggeration()));
    view->refresh();
}

void ComparisonWorkbench::showCursor(double x, double y)
{
    widgets::HeightFieldView* view = m_panel->heightFieldView();
    view->heightField().setCursor(scene::MapPoint{x, y});
    if (view->isVisible())
        view->refresh();
}

void ComparisonWorkbench::showProfile(const scene::MapPoint& from, const scene::MapPoint& to)
{
    if (!m_sources)
        return;
    const ComparisonSources& s = *m_sources;
    cv::Point2d a, b;
    s.grid.mapToPixel(from, a.x, a.y);
    s.grid.mapToPixel(to, b.x, b.y);
    std::vector<cv::Mat1f> maps{s.estimate, s.swot, m_outcome->predictionVsSwot.difference};
    std::vector<QString> names{tr("prediction"), tr("SWOT"), tr("prediction - SWOT")};
    if (!s.kriging.empty()) {
        maps.push_back(s.kriging);
        names.push_back(tr("kriging"));
    }
    if (!s.truth.empty()) {
        maps.push_back(s.truth);
        names.push_back(tr("truth"));
    }
    m_panel->showProfile(models::profileAlong(maps, a, b), names, s.grid.pixelSize());
    Q_EMIT profileShown();
}

void ComparisonWorkbench::writeReportInBackground(const QString& folder)
{
    if (!m_outcome) {
        fail(tr("Compare with SWOT first: the report is that comparison's."));
        return;
    }
    const auto sources = m_sources;
    const auto outcome = m_outcome;
    m_jobs.start<QString>(
        {"report", tr("Writing the comparison report")},
        [sources, outcome, folder](scene::Feedback&) {
            return QString::fromStdString(writeComparisonReport(folder.toStdString(), *sources, *outcome));
        },
        [this](JobEnd end, std::optional<QString> report, const QString& error) {
            if (end == JobEnd::Failed)
                fail(error);
            if (end != JobEnd::Done)
                return;
            m_panel->showStatus(tr("Report written to %1").arg(*report));
            Q_EMIT reportWritten(*report);
        });
}

void ComparisonWorkbench::chooseReportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(m_panel, tr("Write the comparison report into"));
    if (!folder.isEmpty())
        writeReportInBackground(folder);
}

} // namespace banquise::app
