#include "scene/Scene.h"

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

} // namespace banquise::scene
