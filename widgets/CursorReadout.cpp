#include "widgets/CursorReadout.h"

#include "rendering/ViewScene.h"
#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"

#include <QStringList>

#include <cmath>
#include <set>

namespace banquise::widgets {

namespace {
QString formatLatLon(const scene::LonLat& ll)
{
    if (!std::isfinite(ll.lat) || !std::isfinite(ll.lon))
        return QStringLiteral("lat/lon unavailable");
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(ll.lat), 0, 'f', 5)
        .arg(ll.lat >= 0 ? 'N' : 'S')
        .arg(std::abs(ll.lon), 0, 'f', 5)
        .arg(ll.lon >= 0 ? 'E' : 'W');
}

QString formatValues(const scene::Layer& layer, const std::vector<double>& values)
{
    if (values.empty())
        return QStringLiteral("—");
    QStringList parts;
    for (const double v : values)
        parts << QString::number(v, 'g', 4);
    QString text = parts.join(QStringLiteral(", "));
    if (!layer.info().units.empty() && layer.info().units != "linear")
        text += QStringLiteral(" ") + QString::fromStdString(layer.info().units);
    if (layer.info().quantity == scene::Quantity::Sigma0 && values.front() > 0.0)
        text += QStringLiteral(" (%1 dB)").arg(10.0 * std::log10(values.front()), 0, 'f', 1);
    return text;
}
} // namespace

QString cursorReadout(const scene::AnalysisGrid& grid, const scene::MapPoint& p,
                      const std::vector<const rendering::ViewScene*>& views)
{
    QStringList parts;
    parts << QStringLiteral("x %1 m  y %2 m").arg(p.x, 0, 'f', 0).arg(p.y, 0, 'f', 0);
    parts << formatLatLon(grid.toLonLat(p));
    std::set<const scene::Layer*> seen;
    for (const rendering::ViewScene* view : views)
        for (int i = view->layerCount() - 1; i >= 0; --i) {
            const scene::Layer& layer = view->layer(i);
            if (!view->style(i).visible || !seen.insert(&layer).second)
                continue;
            parts << QString::fromStdString(layer.name()) + QStringLiteral(": ") + formatValues(layer, layer.valuesAt(p));
        }
    return parts.join(QStringLiteral("   |   "));
}

} // namespace banquise::widgets
