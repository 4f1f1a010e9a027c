#pragma once

#include "labeling/LabelSession.h" // QPointer needs the complete type
#include "widgets/MapTool.h"

#include <QObject>
#include <QPointF>
#include <QPointer>

#include <functional>
#include <vector>

namespace banquise::widgets {

enum class LabelToolKind { Pan, Brush, Eraser, Lasso, Region, PositiveClick, NegativeClick };

// The label tools in a map view: brush and eraser strokes, lasso polygons
// and DIAL clicks, turned into a label session's edits. Draws the brush
// outline and the lasso being drawn. Without a session every tool pans.
// GUI thread only.
class LabelTool : public QObject, public MapTool {
    Q_OBJECT
public:
    explicit LabelTool(QObject* parent = nullptr);

    // Not owned; nullptr when no project is open.
    void setSession(labeling::LabelSession* session);
    labeling::LabelSession* session() const { return m_session; }
    void setTool(LabelToolKind tool);
    LabelToolKind tool() const { return m_tool; }
    void setLabel(labeling::LabelCode label) { m_label = label; }
    labeling::LabelCode label() const { return m_label; }
    // What the region fill labels: the polygons (rings chained, see
    // scene::ClassPolygon) of the image region around a grid pixel.
    using RegionFinder = std::function<std::vector<std::vector<labeling::PixelPoint>>(labeling::PixelPoint)>;
    void setRegionFinder(RegionFinder finder) { m_regionFinder = std::move(finder); }
    // Brush and eraser radius, in grid pixels.
    void setBrushRadius(double pixels);
    double brushRadius() const { return m_radius; }

    bool mousePress(VtkView& view, QMouseEvent* event) override;
    void mouseMove(VtkView& view, QMouseEvent* event) override;
    void mouseRelease(VtkView& view, QMouseEvent* event) override;
    void paintOverlay(QPainter& painter, const VtkView& view) const override;

Q_SIGNALS:
    // The project refused an edit (read-only, disk full): it was taken back.
    void editFailed(const QString& message);

private:
    labeling::PixelPoint pixelAt(const VtkView& view, const QPointF& position) const;
    // Runs an edit, turning a refusal of the project into editFailed.
    template <typename Edit>
    void store(Edit edit);

    QPointer<labeling::LabelSession> m_session;
    LabelToolKind m_tool = LabelToolKind::Pan;
    labeling::LabelCode m_label = labeling::LabelCode::Floe;
    double m_radius = 4.0;
    std::vector<labeling::PixelPoint> m_lasso;
    RegionFinder m_regionFinder;
    const VtkView* m_hoveredView = nullptr;
    QPointF m_hovered;
};

} // namespace banquise::widgets
