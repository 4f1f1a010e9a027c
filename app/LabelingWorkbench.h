#pragma once

#include "scene/AnalysisGrid.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>

namespace banquise::labeling {
class LabelSession;
class ProjectStore;
}
namespace banquise::scene {
class Scene;
}
namespace banquise::widgets {
class LabelTool;
class LabelToolsPanel;
class LayerPanel;
class ViewGrid;
}

namespace banquise::app {

class JobRunner;

// Labelling in the main window: the open project (one SQLite file per
// study), the label session of the shown scene, its label layer on top of
// every view, and the tools that draw on it. Opening a project or another
// scene replays that scene's stored labels. GUI thread only.
class LabelingWorkbench : public QObject {
    Q_OBJECT
public:
    using ProblemReport = std::function<void(const QString& title, const QString& message)>;

    // Its jobs run on `jobs`, which must outlive it.
    LabelingWorkbench(JobRunner& jobs, widgets::ViewGrid* grid, widgets::LayerPanel* layers, ProblemReport report, QObject* parent = nullptr);
    ~LabelingWorkbench() override;

    // The dock's content; the caller takes ownership (a dock widget).
    widgets::LabelToolsPanel* panel() const { return m_panel; }
    widgets::LabelTool* tool() const { return m_tool; }
    labeling::LabelSession* session() const { return m_session.get(); }
    labeling::ProjectStore* store() const { return m_store.get(); }

    // Opens or creates a project; false (and a message) when it cannot.
    // The project open before stays open then.
    bool openProject(const QString& path);
    void closeProject();
    // The views now show `scene`, read from `folder` (its key in the project).
    void showScene(const scene::Scene& scene, const QString& folder);

    // The shown scene's labels as they are now, to a .tif class map or .gpkg
    // polygons, written on a worker: labelsExported when done, a message
    // when there is nothing to write or it fails.
    void exportLabelsInBackground(const QString& path);
    // Labels from a GeoPackage, shapefile or GeoTIFF mask, as one undoable edit.
    bool importLabels(const QString& path);

    // Saves a model beside the project (through `save`) and records it as a
    // version with the labels it learnt from; its id, or 0 when it failed.
    std::int64_t recordModelVersion(const std::function<bool(const QString& path)>& save);

    void chooseProjectToOpen();
    void chooseProjectToCreate();
    void chooseExportPath();
    void chooseImportFile();

Q_SIGNALS:
    void labelsChanged();
    void projectOpened(const QString& path);
    void retrainRequested();
    // The label session changed (another project or scene); nullptr: none.
    void sessionChanged(labeling::LabelSession* session);
    void labelsExported(const QString& path);

private:
    void endSession();
    void startSession();

    JobRunner& m_jobs;
    widgets::ViewGrid* m_grid;
    widgets::LayerPanel* m_layers;
    ProblemReport m_report;
    widgets::LabelTool* m_tool;
    widgets::LabelToolsPanel* m_panel;
    std::unique_ptr<labeling::ProjectStore> m_store;
    std::unique_ptr<labeling::LabelSession> m_session;
    QString m_sceneFolder;
    QString m_sceneName;
    scene::AnalysisGrid m_sceneGrid;
};

} // namespace banquise::app
