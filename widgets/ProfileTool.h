#pragma once

#include "scene/MapTypes.h"
#include "widgets/MapTool.h"

#include <QObject>

#include <optional>
#include <utility>

namespace banquise::widgets {

// Draws a straight line on the map for a profile: press at one end, drag,
// release at the other. The line stays drawn in every view that uses the
// tool until the next one. GUI thread only.
class ProfileTool : public QObject, public MapTool {
    Q_OBJECT
public:
    explicit ProfileTool(QObject* parent = nullptr);

    // The last line drawn (map coordinates), if any.
    std::optional<std::pair<scene::MapPoint, scene::MapPoint>> line() const;

    bool mousePress(VtkView& view, QMouseEvent* event) override;
    void mouseMove(VtkView& view, QMouseEvent* event) override;
    void mouseRelease(VtkView& view, QMouseEvent* event) override;
    void paintOverlay(QPainter& painter, const VtkView& view) const override;

Q_SIGNALS:
    // A line was drawn from (x0, y0) to (x1, y1), map metres.
    void lineDrawn(double x0, double y0, double x1, double y1);

private:
    std::optional<scene::MapPoint> m_from;
    std::optional<scene::MapPoint> m_to;
    bool m_drawing = false;
};

} // namespace banquise::widgets
