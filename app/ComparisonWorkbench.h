#pragma once

#include "app/ComparisonRun.h"
#include "app/ComparisonSources.h"
#include "scene/MapTypes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace banquise::scene {
class Scene;
} // namespace banquise::scene
namespace banquise::widgets {
class ComparisonPanel;
class MapTool;
class ProfileTool;
class ViewGrid;
} // namespace banquise::widgets

namespace banquise::app {

class JobRunner;
class SceneDocument;
class ModelWorkbench;

// The SWOT comparison workspace of the main window: compares the model's
// elevation with the scene's SWOT swath (drift-compensated to the SAR time)
// on a worker thread, then shows the model's freeboard, SWOT and their
// difference (diverging, symmetric) beside the SAR in the linked views, the
// metrics and plots in the Comparison dock, profiles along lines the user
// draws, and writes the report.
class ComparisonWorkbench : public QObject {
    Q_OBJECT
public:
    // The views of the 2 x 2 grid: SAR stays in view 0.
    static constexpr int kPredictionView = 1;
    static constexpr int kSwotView = 2;
    static constexpr int kDifferenceView = 3;
    static constexpr const char* kDifferenceLayer = "Prediction - SWOT";
    static constexpr const char* kSwotLayer = "SWOT (compared)";

    using ProblemReport = std::function<void(const QString& title, const QString& message)>;

    // Its jobs run on `jobs` and its maps go into `document`; both must outlive it.
    ComparisonWorkbench(JobRunner& jobs, SceneDocument& document, ModelWorkbench* models, widgets::ViewGrid* grid,
                        ProblemReport report, QObject* parent = nullptr);
    // Gives the left button back to the tool that had it.
    ~ComparisonWorkbench() override;
    // Asks a running comparison to stop (its trainings stop at their next step).
    void cancel();

    widgets::ComparisonPanel* panel() const { return m_panel; }
    widgets::ProfileTool* profileTool() const { return m_profileTool; }
    // The shown scene's folder (its truth, for synthetic scenes).
    void setSceneFolder(const QString& folder) { m_sceneFolder = folder.toStdString(); }

    void compareInBackground(bool leaveOneTrackOut);
    // Profile of every elevation layer of the comparison between two map points.
    void showProfile(const scene::MapPoint& from, const scene::MapPoint& to);
    // Writes report.html with its figures, metrics.csv and metrics.json into
    // `folder` on a worker: reportWritten(report.html) when done.
    void writeReportInBackground(const QString& folder);
    bool hasComparison() const { return m_outcome != nullptr; }
    // The 3-D view's surface: the prediction or SWOT (ComparisonPanel::Surface), SAR draped.
    void showSurface(int surface);
    // The 3-D view's marker at the 2-D views' cursor.
    void showCursor(double x, double y);
    const ComparisonOutcome* outcome() const { return m_outcome.get(); }

Q_SIGNALS:
    void comparisonShown();
    void profileShown();
    void comparisonFailed(const QString& message);
    // The user cancelled the comparison: no error, the previous one stays.
    void comparisonCancelled();
    void reportWritten(const QString& reportPath);

private:
    void fail(const QString& message);
    void showLayers();
    void chooseReportFolder();

    JobRunner& m_jobs;
    ModelWorkbench* m_models;
    widgets::ViewGrid* m_grid;
    SceneDocument& m_document;
    ProblemReport m_report;
    widgets::ComparisonPanel* m_panel;
    widgets::ProfileTool* m_profileTool;
    widgets::MapTool* m_previousTool = nullptr;
    std::string m_sceneFolder;
    std::shared_ptr<const ComparisonSources> m_sources;
    std::shared_ptr<const ComparisonOutcome> m_outcome;
    quint64 m_job = 0; // the comparison running, 0 when none
};

} // namespace banquise::app
