#include "app/SceneDocument.h"

#include "scene/Scene.h"

namespace banquise::app {

SceneDocument::SceneDocument(QObject* parent) : QObject(parent) {}

SceneDocument::~SceneDocument() = default;

void SceneDocument::open(std::unique_ptr<scene::Scene> scene)
{
    m_scene = std::move(scene);
    ++m_serial;
    Q_EMIT opened(*m_scene);
    Q_EMIT layersChanged();
}

void SceneDocument::putLayer(std::shared_ptr<const scene::Layer> layer, int shownIn)
{
    if (!m_scene)
        return;
    for (const auto& previous : m_scene->layers())
        if (previous->name() == layer->name())
            Q_EMIT layerRemoved(*previous);
    m_scene->removeLayers(layer->name());
    m_scene->addLayer(layer);
    Q_EMIT layerAdded(layer, shownIn);
    Q_EMIT layersChanged();
}

void SceneDocument::showLayer(const scene::Layer& layer, int view)
{
    Q_EMIT layerShown(layer, view);
    Q_EMIT layersChanged();
}

void SceneDocument::setVisibility(const std::vector<Visibility>& changes)
{
    for (const Visibility& change : changes) {
        if (change.shown)
            Q_EMIT layerShown(*change.layer, change.view);
        else
            Q_EMIT layerHidden(*change.layer, change.view);
    }
    Q_EMIT layersChanged();
}

void SceneDocument::addAlternative(const scene::Layer& original, std::shared_ptr<const scene::Layer> twin)
{
    if (!m_scene)
        return;
    m_scene->addLayer(twin);
    Q_EMIT alternativeAdded(original, twin);
    Q_EMIT layersChanged();
}

} // namespace banquise::app
