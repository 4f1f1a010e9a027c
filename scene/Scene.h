#pragma once

#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"

#include <memory>
#include <string>
#include <vector>

namespace banquise::scene {

// Every layer of one study area on one analysis grid. Layers are shared
// read-only: views and jobs keep them alive while they use them.
class Scene {
public:
    Scene() = default;
    Scene(std::string name, AnalysisGrid grid);

    const std::string& name() const { return m_name; }
    const AnalysisGrid& grid() const { return m_grid; }
    // Reference time (UTC seconds) that drift compensation aligns to.
    double referenceTime() const { return m_referenceTime; }
    void setReferenceTime(double t) { m_referenceTime = t; }

    void addLayer(std::shared_ptr<const Layer> layer);
    // Takes out the layers with this name; how many there were.
    int removeLayers(const std::string& name);
    const std::vector<std::shared_ptr<const Layer>>& layers() const { return m_layers; }
    std::shared_ptr<const Layer> findLayer(const std::string& name) const;

private:
    std::string m_name;
    AnalysisGrid m_grid;
    double m_referenceTime = 0.0;
    std::vector<std::shared_ptr<const Layer>> m_layers;
};

} // namespace banquise::scene
