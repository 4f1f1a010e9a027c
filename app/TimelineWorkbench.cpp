#include "app/TimelineWorkbench.h"

#include "app/SceneDocument.h"
#include "scene/DriftChain.h"
#include "scene/DriftCompensation.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "widgets/TimelinePanel.h"

#include <cmath>

namespace banquise::app {

TimelineWorkbench::TimelineWorkbench(SceneDocument& document, widgets::TimelinePanel* panel, std::function<void(const QString&)> status,
                                     QObject* parent)
    : QObject(parent), m_document(document), m_panel(panel), m_status(std::move(status))
{
    connect(&m_document, &SceneDocument::opened, this, &TimelineWorkbench::reload);
    connect(&m_document, &SceneDocument::layerAdded, this, &TimelineWorkbench::reload);
    connect(m_panel, &widgets::TimelinePanel::dateChosen, this, [this](int index) { showDate(index); });
    connect(m_panel, &widgets::TimelinePanel::compensatedChanged, this, [this] {
        if (m_panel->currentDate() >= 0)
            m_panel->chooseDate(m_panel->currentDate());
    });
}

void TimelineWorkbench::reload()
{
    const scene::Scene* scene = m_document.scene();
    std::vector<widgets::Acquisition> acquisitions;
    std::vector<double> dates;
    if (scene) {
        for (const auto& layer : scene->layers()) {
            const scene::LayerInfo& info = layer->info();
            if (info.time <= 0.0 || scene::isCompensatedName(layer->name()) || info.sensor == "truth")
                continue;
            acquisitions.push_back({QString::fromStdString(info.sensor.empty() ? layer->name() : info.sensor),
                                    QString::fromStdString(layer->name()), info.time});
        }
        for (const auto& date : scene::sarDates(*scene))
            dates.push_back(date->info().time);
    }
    const bool newSeries = dates != m_dates && dates.size() > 2;
    m_dates = dates;
    m_panel->setAcquisitions(std::move(acquisitions), std::move(dates));
    // A time series opens on its first date alone, once the views hold the scene.
    if (newSeries)
        QMetaObject::invokeMethod(this, [this] { m_panel->chooseDate(0); }, Qt::QueuedConnection);
}

void TimelineWorkbench::showDate(int index)
{
    const scene::Scene* scene = m_document.scene();
    if (!scene)
        return;
    const auto dates = scene::sarDates(*scene);
    if (index < 0 || index >= static_cast<int>(dates.size()))
        return;
    // Tracks belong to the date they were acquired nearest to.
    const auto nearestDate = [&](double t) {
        int best = 0;
        for (int k = 1; k < static_cast<int>(dates.size()); ++k)
            if (std::abs(dates[static_cast<std::size_t>(k)]->info().time - t) < std::abs(dates[static_cast<std::size_t>(best)]->info().time - t))
                best = k;
        return best;
    };
    const bool compensated = m_panel->compensated();
    bool twinMissing = false;
    // The twin when asked for and there, else the layer itself.
    const auto shown = [&](const scene::Layer& layer) -> const scene::Layer& {
        if (!compensated)
            return layer;
        if (const auto twin = scene->findLayer(scene::compensatedName(layer.name())))
            return *twin;
        twinMissing = twinMissing || layer.info().time != scene->referenceTime();
        return layer;
    };
    std::vector<SceneDocument::Visibility> changes;
    for (const auto& date : dates) {
        changes.push_back({date.get(), 0, false});
        if (const auto twin = scene->findLayer(scene::compensatedName(date->name())))
            changes.push_back({twin.get(), 0, false});
    }
    changes.push_back({&shown(*dates[static_cast<std::size_t>(index)]), 0, true});
    for (const auto& layer : scene->layers()) {
        if (layer->kind() != scene::LayerKind::Track || scene::isCompensatedName(layer->name()) || layer->info().time <= 0.0)
            continue;
        changes.push_back({layer.get(), SceneDocument::kEveryView, false});
        if (const auto twin = scene->findLayer(scene::compensatedName(layer->name())))
            changes.push_back({twin.get(), SceneDocument::kEveryView, false});
        if (nearestDate(layer->info().time) == index)
            changes.push_back({&shown(*layer), SceneDocument::kEveryView, true});
    }
    m_document.setVisibility(changes);
    if (twinMissing)
        m_status(tr("Some layers of this date have no drift-compensated twin yet: Analysis › Estimate ice drift makes them."));
}

} // namespace banquise::app
