#pragma once

class QMouseEvent;
class QPainter;

namespace banquise::widgets {

class VtkView;

// What the left mouse button does in a map view when it does not pan: a
// label tool, later a profile line. The view hands the tool its events and
// lets it draw the gesture in progress over the map. GUI thread only.
class MapTool {
public:
    virtual ~MapTool() = default;

    // True when the tool takes this press (and the drag that follows);
    // false leaves it to the view, which pans.
    virtual bool mousePress(VtkView& view, QMouseEvent* event) = 0;
    // Every move over the view, pressed or not (a brush outline follows the cursor).
    virtual void mouseMove(VtkView& view, QMouseEvent* event) = 0;
    virtual void mouseRelease(VtkView& view, QMouseEvent* event) = 0;
    // Draws over the rendered map, in widget coordinates.
    virtual void paintOverlay(QPainter& painter, const VtkView& view) const = 0;
};

} // namespace banquise::widgets
