#include "app/ClickRefinement.h"

#include "app/JobRunner.h"
#include "app/ModelWorkbench.h"
#include "labeling/LabelLayer.h"
#include "labeling/LabelSession.h"
#include "labeling/ModelLabels.h"
#include "models/InteractiveSegmentation.h"
#include "models/ModelInputs.h"
#include "models/SeaIceClasses.h"
#include "scene/ClassMapFiles.h"
#include "widgets/ViewGrid.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace banquise::app {

namespace {

constexpr int kTileSize = 512;
// A click this close to the edge of the tile being refined starts a new tile.
constexpr int kTileMargin = 32;

} // namespace

struct ClickRefinement::Outcome {
    std::shared_ptr<models::InteractiveSegmentation> tile;
    cv::Mat1b classes;
    int changed = 0; // pixels whose class the clicks changed
};

ClickRefinement::ClickRefinement(JobRunner& jobs, ModelWorkbench* models, widgets::ViewGrid* grid, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_models(models), m_grid(grid)
{
}

void ClickRefinement::setSession(labeling::LabelSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    clear();
    m_session = session;
    if (session)
        connect(session, &labeling::LabelSession::annotationAdded, this, [this](const labeling::Annotation& a) {
            if (a.kind == labeling::AnnotationKind::Click)
                refineAround(a);
        });
}

void ClickRefinement::clear()
{
    hideRefined();
    m_tile.reset();
    m_pending.reset();
}

void ClickRefinement::hideRefined()
{
    if (m_layer) {
        m_grid->removeLayer(*m_layer);
        m_layer.reset();
        Q_EMIT layersChanged();
    }
    m_refinedCodes.clear();
    Q_EMIT refinementAvailable(false);
}

void ClickRefinement::refineAround(const labeling::Annotation& click)
{
    const auto model = m_models->model();
    const auto inputs = m_models->inputs();
    if (!model || !inputs || m_models->isBusy()) {
        Q_EMIT unavailable(!model || !inputs ? tr("Clicks refine the map once a model has predicted it.")
                                             : tr("Clicks refine the map when the model job has finished."));
        return;
    }
    if (m_running) {
        m_pending = click;
        return;
    }
    // The tile being refined keeps its clicks (and its cached features)
    // while they fall well inside it; a click elsewhere starts a tile
    // centred on it.
    const cv::Point clicked(static_cast<int>(click.points.front().column), static_cast<int>(click.points.front().row));
    const int side = std::min({kTileSize, inputs->width(), inputs->height()});
    const cv::Rect current = m_tile ? m_tile->tile() : cv::Rect();
    const cv::Rect inner(current.x + kTileMargin, current.y + kTileMargin, current.width - 2 * kTileMargin, current.height - 2 * kTileMargin);
    const bool inside = m_tile && (inner.contains(clicked) || (current.width == inputs->width() && current.height == inputs->height()));
    const cv::Rect tile = inside ? current
                                 : cv::Rect(std::clamp(clicked.x - side / 2, 0, inputs->width() - side),
                                            std::clamp(clicked.y - side / 2, 0, inputs->height() - side), side, side);
    std::vector<models::Click> clicks;
    for (const auto& a : m_session->clicks()) {
        const int modelClass = labeling::modelClassOf(a.label);
        const cv::Point at(static_cast<int>(a.points.front().column), static_cast<int>(a.points.front().row));
        if (modelClass >= 0 && tile.contains(at))
            clicks.push_back({at.x, at.y, modelClass, a.positive});
    }
    const auto cached = m_tile && m_tile->tile() == tile ? m_tile : nullptr;
    m_running = true;
    m_jobs.start<Outcome>(
        {"click", tr("Refining the tile around the click")},
        [model, inputs, tile, clicks, cached](scene::Feedback&) {
            auto segmentation = cached ? cached : std::make_shared<models::InteractiveSegmentation>(*model, *inputs, tile);
            const cv::Mat1b classes = segmentation->classes(clicks);
            return Outcome{segmentation, classes, cv::countNonZero(classes != segmentation->classesWithoutClicks())};
        },
        [this](JobEnd end, std::optional<Outcome> outcome, const QString& error) {
            m_running = false;
            if (end == JobEnd::Done && m_session)
                show(*outcome);
            else if (end == JobEnd::Failed || !m_session)
                Q_EMIT unavailable(end == JobEnd::Failed ? error : tr("The project was closed."));
            if (auto next = std::exchange(m_pending, std::nullopt))
                refineAround(*next);
        });
}

void ClickRefinement::show(const Outcome& outcome)
{
    m_tile = outcome.tile;
    if (!m_layer) {
        scene::LayerInfo info;
        info.name = "Refined classes";
        info.quantity = scene::Quantity::SeaIceClass;
        m_layer = std::make_shared<labeling::LabelLayer>(info, m_session->layer()->grid());
        m_grid->addLayer(m_layer, false);
        m_grid->setLayerVisible(*m_layer, true, ModelWorkbench::kClassesView);
        Q_EMIT layersChanged();
    }
    const cv::Rect& tile = m_tile->tile();
    std::vector<std::uint8_t> codes(static_cast<std::size_t>(tile.area()));
    for (int r = 0; r < tile.height; ++r)
        for (int c = 0; c < tile.width; ++c)
            codes[static_cast<std::size_t>(r) * tile.width + c] = labeling::labelCodeOfModelClass(outcome.classes(r, c));
    m_layer->setBlock(tile.x, tile.y, tile.width, tile.height, codes.data());
    m_refinedCodes = std::move(codes);
    m_grid->synchroniseLayers();
    Q_EMIT refinementAvailable(true);
    // Said either way: a click that changes nothing must not look ignored.
    Q_EMIT refined(outcome.changed > 0
                       ? tr("Clicks refined the %1 × %2 tile: %3 pixels changed class (A accepts them as labels).")
                             .arg(tile.width)
                             .arg(tile.height)
                             .arg(outcome.changed)
                       : tr("The clicks change no class on this %1 × %2 tile; they stay as labels for the next retraining.")
                             .arg(tile.width)
                             .arg(tile.height));
}

std::size_t ClickRefinement::acceptRefinement()
{
    if (!m_session || !m_tile || m_refinedCodes.empty())
        return 0;
    const cv::Rect& tile = m_tile->tile();
    std::vector<labeling::Annotation> regions;
    for (const scene::ClassPolygon& polygon :
         scene::classPolygons(tile.width, tile.height, m_refinedCodes, labeling::LabelLayer::kUnlabelled)) {
        labeling::Annotation a;
        a.kind = labeling::AnnotationKind::Polygon;
        a.label = static_cast<labeling::LabelCode>(polygon.code);
        for (const auto& [column, row] : polygon.points)
            a.points.push_back({column + tile.x, row + tile.y});
        regions.push_back(std::move(a));
    }
    const std::size_t stored = m_session->importAnnotations(std::move(regions), tr("accept refined tile"), labeling::AnnotationSource::User);
    hideRefined(); // the labels show them now; the tile's features stay cached
    return stored;
}

} // namespace banquise::app
