#include "common/TestRegistry.h"

#include "rendering/MapNavigation.h"

#include <vtkCamera.h>
#include <vtkNew.h>

#include <QTest>

#include <cmath>

using namespace banquise;
using namespace banquise::rendering;

namespace {
bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}
} // namespace

class TestMapNavigation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitShowsTheWholeExtentCentred()
    {
        vtkNew<vtkCamera> camera;
        setUpMapCamera(camera);
        const scene::MapExtent e{-1000.0, 3000.0, 0.0, 2000.0};
        fitExtent(camera, e, 400, 400); // square view, wide extent: width decides
        const scene::MapPoint topLeft = displayToMap(camera, 0.0, 0.0, 400, 400);
        const scene::MapPoint bottomRight = displayToMap(camera, 400.0, 400.0, 400, 400);
        QVERIFY(near(topLeft.x, -1000.0) && near(bottomRight.x, 3000.0));
        QVERIFY(near(topLeft.y, 3000.0) && near(bottomRight.y, -1000.0));
    }

    void displayAndMapRoundTrip()
    {
        vtkNew<vtkCamera> camera;
        setUpMapCamera(camera);
        fitExtent(camera, {0.0, 100.0, 0.0, 50.0}, 640, 480);
        const scene::MapPoint p{37.5, 12.25};
        const scene::MapPoint d = mapToDisplay(camera, p, 640, 480);
        const scene::MapPoint back = displayToMap(camera, d.x, d.y, 640, 480);
        QVERIFY(near(back.x, p.x) && near(back.y, p.y));
    }

    void panKeepsThePointUnderTheCursor()
    {
        vtkNew<vtkCamera> camera;
        setUpMapCamera(camera);
        fitExtent(camera, {0.0, 1000.0, 0.0, 1000.0}, 500, 500);
        const scene::MapPoint grabbed = displayToMap(camera, 100.0, 100.0, 500, 500);
        panByPixels(camera, 30.0, -20.0, 500);
        const scene::MapPoint after = displayToMap(camera, 130.0, 80.0, 500, 500);
        QVERIFY(near(after.x, grabbed.x) && near(after.y, grabbed.y));
    }

    void zoomKeepsTheAnchorFixed()
    {
        vtkNew<vtkCamera> camera;
        setUpMapCamera(camera);
        fitExtent(camera, {0.0, 1000.0, 0.0, 1000.0}, 500, 500);
        const scene::MapPoint anchor = displayToMap(camera, 120.0, 300.0, 500, 500);
        const double before = mapUnitsPerPixel(camera, 500);
        zoomAbout(camera, anchor, 2.0);
        QVERIFY(near(mapUnitsPerPixel(camera, 500), before / 2.0));
        const scene::MapPoint d = mapToDisplay(camera, anchor, 500, 500);
        QVERIFY(near(d.x, 120.0) && near(d.y, 300.0));
    }
};

BANQUISE_REGISTER_TEST(TestMapNavigation);
#include "tst_MapNavigation.moc"
