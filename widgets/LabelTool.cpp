#include "widgets/LabelTool.h"

#include "labeling/LabelSession.h"
#include "labeling/ProjectError.h"
#include "widgets/VtkView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace banquise::widgets {

using labeling::AnnotationKind;
using labeling::PixelPoint;

LabelTool::LabelTool(QObject* parent) : QObject(parent)
{
}

void LabelTool::setSession(labeling::LabelSession* session)
{
    if (m_session)
        m_session->cancelStroke();
    m_session = session;
    m_lasso.clear();
}

void LabelTool::setTool(LabelToolKind tool)
{
    if (m_session)
        m_session->cancelStroke();
    m_lasso.clear();
    m_tool = tool;
}

void LabelTool::setBrushRadius(double pixels)
{
    m_radius = std::clamp(pixels, 0.5, 200.0);
}

PixelPoint LabelTool::pixelAt(const VtkView& view, const QPointF& position) const
{
    PixelPoint p;
    m_session->layer()->grid().mapToPixel(view.displayToMap(position), p.column, p.row);
    return p;
}

template <typename Edit>
void LabelTool::store(Edit edit)
{
    try {
        edit();
    } catch (const labeling::ProjectError& e) {
        Q_EMIT editFailed(QString::fromStdString(e.what()));
    }
}

bool LabelTool::mousePress(VtkView& view, QMouseEvent* event)
{
    if (!m_session || m_tool == LabelToolKind::Pan)
        return false;
    const PixelPoint p = pixelAt(view, event->position());
    switch (m_tool) {
    case LabelToolKind::Brush:
    case LabelToolKind::Eraser:
        m_session->beginStroke(m_tool == LabelToolKind::Eraser ? AnnotationKind::Erase : AnnotationKind::Stroke, m_label, m_radius, p);
        break;
    case LabelToolKind::Lasso: m_lasso = {p}; break;
    case LabelToolKind::Region: {
        const auto polygons = m_regionFinder ? m_regionFinder(p) : decltype(m_regionFinder(p)){};
        if (polygons.empty())
            Q_EMIT editFailed(tr("No image region here to fill (outside the image, or no data)."));
        for (const auto& polygon : polygons)
            store([&] { m_session->addPolygon(m_label, polygon); });
        break;
    }
    case LabelToolKind::PositiveClick:
    case LabelToolKind::NegativeClick:
        store([&] { m_session->addClick(m_label, m_tool == LabelToolKind::PositiveClick, p); });
        break;
    case LabelToolKind::Pan: break;
    }
    return true;
}

void LabelTool::mouseMove(VtkView& view, QMouseEvent* event)
{
    m_hoveredView = &view;
    m_hovered = event->position();
    if (!m_session)
        return;
    if (m_session->isDrawing())
        m_session->extendStroke(pixelAt(view, event->position()));
    else if (!m_lasso.empty())
        m_lasso.push_back(pixelAt(view, event->position()));
    if (m_tool == LabelToolKind::Brush || m_tool == LabelToolKind::Eraser || !m_lasso.empty())
        view.update(); // the outline follows the cursor
}

void LabelTool::mouseRelease(VtkView& view, QMouseEvent* event)
{
    if (!m_session)
        return;
    if (m_session->isDrawing()) {
        m_session->extendStroke(pixelAt(view, event->position()));
        store([&] { m_session->endStroke(); });
    } else if (!m_lasso.empty()) {
        auto polygon = std::move(m_lasso);
        m_lasso.clear();
        if (polygon.size() >= 3)
            store([&] { m_session->addPolygon(m_label, std::move(polygon)); });
        view.update();
    }
}

void LabelTool::paintOverlay(QPainter& painter, const VtkView& view) const
{
    if (!m_session)
        return;
    const auto& grid = m_session->layer()->grid();
    const auto toDisplay = [&](const PixelPoint& p) {
        return view.mapToDisplay({grid.originX() + p.column * grid.pixelSize(), grid.originY() - p.row * grid.pixelSize()});
    };
    painter.setBrush(Qt::NoBrush);
    if (!m_lasso.empty()) {
        QPainterPath path(toDisplay(m_lasso.front()));
        for (const auto& p : m_lasso)
            path.lineTo(toDisplay(p));
        painter.setPen(QPen(Qt::yellow, 1.5, Qt::DashLine));
        painter.drawPath(path);
    }
    if ((m_tool == LabelToolKind::Brush || m_tool == LabelToolKind::Eraser) && m_hoveredView == &view) {
        // The brush's footprint on the grid, at the current zoom.
        const PixelPoint centre = pixelAt(view, m_hovered);
        const double radius = QLineF(toDisplay(centre), toDisplay({centre.column + m_radius, centre.row})).length();
        painter.setPen(QPen(m_tool == LabelToolKind::Eraser ? Qt::red : Qt::white, 1.0));
        painter.drawEllipse(m_hovered, radius, radius);
    }
}

} // namespace banquise::widgets
