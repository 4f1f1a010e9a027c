#pragma once

#include "labeling/Annotation.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

namespace banquise::labeling {
class LabelLayer;
class LabelSession;
}
namespace banquise::models {
class InteractiveSegmentation;
}
namespace banquise::widgets {
class ViewGrid;
}

namespace banquise::app {

class JobRunner;
class ModelWorkbench;

// DIAL in the main window: every click the user stores refines the model's
// classes on the 512 x 512 tile around it, given every click in that tile,
// and shows them as "Refined classes" in the classes view. The tile's
// features are computed once on a worker; further clicks in the same tile
// run only the click head. Needs a shown prediction; waits while a model
// job runs. GUI thread only.
class ClickRefinement : public QObject {
    Q_OBJECT
public:
    // Its jobs run on `jobs`, which must outlive it.
    ClickRefinement(JobRunner& jobs, ModelWorkbench* models, widgets::ViewGrid* grid, QObject* parent = nullptr);

    // The session whose clicks refine (nullptr: none); a new one clears the refined layer.
    void setSession(labeling::LabelSession* session);
    const std::shared_ptr<labeling::LabelLayer>& layer() const { return m_layer; }
    // Keeps the refined classes of the last refined tile as the user's
    // labels: their regions as polygons, one undoable edit. Returns how many
    // polygons (0 when there is nothing refined).
    std::size_t acceptRefinement();

Q_SIGNALS:
    // The refined classes of a tile are on screen; `summary` says how many
    // pixels the clicks changed.
    void refined(const QString& summary);
    // The "Refined classes" layer joined (or left) the views.
    void layersChanged();
    // Whether refined classes wait to be accepted.
    void refinementAvailable(bool available);
    // A click could not refine (no prediction yet, a model job running, an error).
    void unavailable(const QString& reason);

private:
    struct Outcome;
    void refineAround(const labeling::Annotation& click);
    void show(const Outcome& outcome);
    void clear();
    void hideRefined();

    JobRunner& m_jobs;
    ModelWorkbench* m_models;
    widgets::ViewGrid* m_grid;
    QPointer<labeling::LabelSession> m_session;
    std::shared_ptr<labeling::LabelLayer> m_layer;
    std::shared_ptr<models::InteractiveSegmentation> m_tile;
    std::vector<std::uint8_t> m_refinedCodes; // label codes of m_tile's refined classes
    bool m_running = false;
    std::optional<labeling::Annotation> m_pending; // the latest click while a job runs
};

} // namespace banquise::app
