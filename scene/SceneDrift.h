#pragma once

#include "scene/AnalysisGrid.h"
#include "scene/DriftCompensation.h"
#include "scene/MotionField.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace banquise::scene {

class Feedback;
class Layer;
class RasterLayer;
class Scene;

// A scene's ice drift, estimated once between its two SAR dates (the first
// is the reference time), and the compensation that brings its other
// observations to that time. The one place the window, the CLI, the model
// inputs and the SWOT comparison get it from.
class SceneDrift {
public:
    // Throws SceneError when the scene has no two SAR dates.
    explicit SceneDrift(const Scene& scene, Feedback* feedback = nullptr);
    SceneDrift(const SceneDrift&) = delete; // the compensation refers to the field and the grid
    SceneDrift& operator=(const SceneDrift&) = delete;

    const RasterLayer& first() const { return *m_first; }
    const RasterLayer& second() const { return *m_second; }
    double referenceTime() const;
    double secondTime() const;
    const AnalysisGrid& grid() const { return m_grid; }
    const MotionField& field() const { return m_field; }
    const DriftCompensation& compensation() const { return m_compensation; }

private:
    using DatePair = std::pair<std::shared_ptr<const RasterLayer>, std::shared_ptr<const RasterLayer>>;
    SceneDrift(const Scene& scene, DatePair dates, Feedback* feedback);

    std::shared_ptr<const RasterLayer> m_first;
    std::shared_ptr<const RasterLayer> m_second;
    AnalysisGrid m_grid;
    MotionField m_field;
    DriftCompensation m_compensation;
};

// The layers of a scene seen at another time than the reference, each with
// its drift-compensated twin: every track, and every image on the scene's
// grid acquired at another time. Layers beyond the drift's reach in time
// are refused, each named with the reason.
struct DriftTwins {
    std::vector<std::pair<std::shared_ptr<const Layer>, std::shared_ptr<const Layer>>> twins; // original, twin
    std::vector<std::string> refused;
};
DriftTwins driftTwins(const Scene& scene, const SceneDrift& drift);

} // namespace banquise::scene
