#include "scene/Scene.h"

#include <algorithm>

namespace banquise::scene {

Scene::Scene(std::string name, AnalysisGrid grid) : m_name(std::move(name)), m_grid(std::move(grid)) {}

void Scene::addLayer(std::shared_ptr<const Layer> layer)
{
    m_layers.push_back(std::move(layer));
}

std::shared_ptr<const Layer> Scene::findLayer(const std::string& name) const
{
    for (const auto& layer : m_layers)
        if (layer->name() == name)
            return layer;
    return nullptr;
}

int Scene::removeLayers(const std::string& name)
{
    const auto before = m_layers.size();
    m_layers.erase(std::remove_if(m_layers.begin(), m_layers.end(), [&](const auto& layer) { return layer->name() == name; }),
                   m_layers.end());
    return static_cast<int>(before - m_layers.size());
}

} // namespace banquise::scene
