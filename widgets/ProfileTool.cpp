#include "widgets/ProfileTool.h"

#include "widgets/VtkView.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace banquise::widgets {

ProfileTool::ProfileTool(QObject* parent) : QObject(parent) {}

std::optional<std::pair<scene::MapPoint, scene::MapPoint>> ProfileTool::line() const
{
    if (!m_from || !m_to || m_drawing)
        return std::nullopt;
    return std::make_pair(*m_from, *m_to);
}

bool ProfileTool::mousePress(VtkView& view, QMouseEvent* event)
{
    m_from = view.displayToMap(event->position());
    m_to = m_from;
    m_drawing = true;
    view.update();
    return true;
}

void ProfileTool::mouseMove(VtkView& view, QMouseEvent* event)
{
    if (!m_drawing)
        return;
    m_to = view.displayToMap(event->position());
    view.update();
}

void ProfileTool::mouseRelease(VtkView& view, QMouseEvent* event)
{
    m_to = view.displayToMap(event->position());
    m_drawing = false;
    view.update();
    // A click without a drag draws no line.
    if (std::hypot(m_to->x - m_from->x, m_to->y - m_from->y) > 0.0)
        Q_EMIT lineDrawn(m_from->x, m_from->y, m_to->x, m_to->y);
}

void ProfileTool::paintOverlay(QPainter& painter, const VtkView& view) const
{
    if (!m_from || !m_to)
        return;
    const QPointF a = view.mapToDisplay(*m_from);
    const QPointF b = view.mapToDisplay(*m_to);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 4));
    painter.drawLine(a, b);
    painter.setPen(QPen(QColor(20, 20, 20), 2));
    painter.drawLine(a, b);
    painter.setBrush(Qt::white);
    painter.drawEllipse(a, 4, 4);
    painter.setBrush(QColor(20, 20, 20));
    painter.drawEllipse(b, 4, 4);
}

} // namespace banquise::widgets
