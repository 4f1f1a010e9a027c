#include "scene/SceneDrift.h"

#include "scene/Feedback.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"

namespace banquise::scene {

namespace {

MotionField estimateBetween(const RasterLayer& first, const RasterLayer& second, const AnalysisGrid& grid, Feedback* feedback)
{
    if (feedback)
        feedback->setProgress(0.0, "estimating ice drift");
    return estimateMotion(first.band(0), second.band(0), grid.width(), grid.height());
}

} // namespace

SceneDrift::SceneDrift(const Scene& scene, Feedback* feedback) : SceneDrift(scene, sarDatePair(scene), feedback) {}

SceneDrift::SceneDrift(const Scene& scene, DatePair dates, Feedback* feedback)
    : m_first(std::move(dates.first)), m_second(std::move(dates.second)), m_grid(scene.grid()),
      m_field(estimateBetween(*m_first, *m_second, m_grid, feedback)),
      m_compensation(m_field, m_grid, m_first->info().time, m_second->info().time)
{
}

double SceneDrift::referenceTime() const
{
    return m_first->info().time;
}

double SceneDrift::secondTime() const
{
    return m_second->info().time;
}

DriftTwins driftTwins(const Scene& scene, const SceneDrift& drift)
{
    DriftTwins out;
    for (const auto& layer : scene.layers()) {
        std::shared_ptr<const Layer> twin;
        try {
            if (const auto track = std::dynamic_pointer_cast<const TrackLayer>(layer))
                twin = drift.compensation().compensate(*track);
            else if (const auto image = std::dynamic_pointer_cast<const RasterLayer>(layer);
                     image && image->info().time != drift.referenceTime() && image->grid().sameGeometry(scene.grid()))
                twin = drift.compensation().compensate(*image);
        } catch (const SceneError& e) {
            out.refused.push_back(layer->name() + ": " + e.what());
        }
        if (twin)
            out.twins.emplace_back(layer, twin);
    }
    return out;
}

} // namespace banquise::scene
