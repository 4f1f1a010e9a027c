// Brush latency: one brush-stroke segment, from the mouse event to the
// repainted view, on label layers of 1 000², 4 000² and 10 000² pixels
// (a grid pixel per screen pixel, a quarter of the layer's tiles already
// labelled), and the commit of a whole stroke to the project. Run under Xvfb.
#include "BenchReport.h"

#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "rendering/MapNavigation.h"
#include "scene/Scene.h"
#include "widgets/LabelTool.h"
#include "widgets/SurfaceFormat.h"
#include "widgets/ViewGrid.h"
#include "widgets/VtkView.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

using namespace banquise;

namespace {

void moveMouse(widgets::VtkView* view, QPointF at, QEvent::Type type)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, at, view->mapToGlobal(at), button, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &event);
}

double median(std::vector<double> values)
{
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

struct Latency {
    double segmentMs;
    double commitMs;
};

Latency measure(int size, const QString& folder)
{
    const scene::AnalysisGrid grid(3413, 0.0, size * 40.0, 40.0, size, size);
    labeling::ProjectStore store((folder + QString("/p%1.banquise").arg(size)).toStdString());
    labeling::LabelSession session(store, {0, "/bench/" + std::to_string(size), "bench", grid}, "bench");
    // A quarter of the tiles hold labels already.
    std::vector<labeling::Annotation> existing;
    for (int row = 0; row < size; row += 2 * labeling::LabelLayer::kTileSize)
        for (int column = 0; column < size; column += 2 * labeling::LabelLayer::kTileSize) {
            labeling::Annotation a;
            a.kind = labeling::AnnotationKind::Polygon;
            a.points = {{double(column), double(row)}, {column + 200.0, double(row)}, {column + 200.0, row + 200.0}};
            existing.push_back(a);
        }
    session.importAnnotations(existing, "bench");

    widgets::ViewGrid view;
    view.setGridLayout(widgets::GridLayout::Single);
    view.resize(1000, 800);
    view.show();
    scene::Scene scene("bench", grid);
    view.showScene(scene);
    view.addLayer(session.layer(), true);
    widgets::LabelTool tool;
    tool.setSession(&session);
    tool.setTool(widgets::LabelToolKind::Brush);
    tool.setBrushRadius(6);
    view.setMapTool(&tool);
    QObject::connect(&session, &labeling::LabelSession::labelsChanged, &view, &widgets::ViewGrid::synchroniseLayers);
    widgets::VtkView* v = view.view(0);
    // One grid pixel per screen pixel, about the centre.
    const scene::MapPoint centre = grid.pixelCentre(size / 2, size / 2);
    rendering::zoomAbout(view.camera(), v->displayToMap(v->mapToDisplay(centre)), 1.0);
    const double screenPixel = v->displayToMap({1, 0}).x - v->displayToMap({0, 0}).x;
    rendering::zoomAbout(view.camera(), centre, screenPixel / grid.pixelSize());
    QApplication::processEvents();
    v->grabFramebuffer();

    std::vector<double> segments;
    std::vector<double> commits;
    for (int stroke = 0; stroke < 6; ++stroke) {
        QPointF at(200.0, 150.0 + 100.0 * stroke);
        moveMouse(v, at, QEvent::MouseButtonPress);
        v->grabFramebuffer();
        for (int step = 0; step < 30; ++step) {
            at += QPointF(15.0, 3.0);
            const bench::Stopwatch segment;
            moveMouse(v, at, QEvent::MouseMove);
            v->grabFramebuffer(); // the repainted view, finished
            segments.push_back(1000.0 * segment.seconds());
        }
        const bench::Stopwatch commit;
        moveMouse(v, at, QEvent::MouseButtonRelease);
        commits.push_back(1000.0 * commit.seconds());
    }
    view.setMapTool(nullptr);
    return {median(segments), median(commits)};
}

} // namespace

int main(int argc, char** argv)
{
    widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);
    QTemporaryDir folder;
    for (const auto& [size, figure] : {std::pair{1000, "paint_segment_ms_1k"}, {4000, "paint_segment_ms_4k"}, {10000, "paint_segment_ms_10k"}}) {
        const Latency latency = measure(size, folder.path());
        bench::report(figure, latency.segmentMs);
        if (size == 10000)
            bench::report("stroke_commit_ms", latency.commitMs);
    }
    bench::report("labeling_peak_mb", bench::peakResidentMegabytes());
    return 0;
}
