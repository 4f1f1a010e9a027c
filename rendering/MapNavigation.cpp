#include "rendering/MapNavigation.h"

#include <vtkCamera.h>

#include <algorithm>

namespace banquise::rendering {

namespace {
// The camera floats this high above the plane; layers stack between 0 and
// a few hundred metres. A tight clipping range keeps the depth buffer fine
// enough (even at 16 bits) to tell layers 1 m apart.
constexpr double kCameraHeight = 1000.0;

void moveFocus(vtkCamera* camera, double x, double y)
{
    camera->SetFocalPoint(x, y, 0.0);
    camera->SetPosition(x, y, kCameraHeight);
}
} // namespace

void setUpMapCamera(vtkCamera* camera)
{
    camera->ParallelProjectionOn();
    camera->SetViewUp(0.0, 1.0, 0.0);
    double focal[3];
    camera->GetFocalPoint(focal);
    moveFocus(camera, focal[0], focal[1]);
    camera->SetClippingRange(0.5 * kCameraHeight, 1.5 * kCameraHeight);
}

void fitExtent(vtkCamera* camera, const scene::MapExtent& extent, int widthPixels, int heightPixels)
{
    const double aspect = static_cast<double>(std::max(widthPixels, 1)) / std::max(heightPixels, 1);
    moveFocus(camera, 0.5 * (extent.xMin + extent.xMax), 0.5 * (extent.yMin + extent.yMax));
    camera->SetParallelScale(0.5 * std::max(extent.height(), extent.width() / aspect));
}

double mapUnitsPerPixel(vtkCamera* camera, int heightPixels)
{
    return 2.0 * camera->GetParallelScale() / std::max(heightPixels, 1);
}

void panByPixels(vtkCamera* camera, double dxPixels, double dyPixels, int heightPixels)
{
    const double scale = mapUnitsPerPixel(camera, heightPixels);
    double focal[3];
    camera->GetFocalPoint(focal);
    moveFocus(camera, focal[0] - dxPixels * scale, focal[1] + dyPixels * scale);
}

void zoomAbout(vtkCamera* camera, const scene::MapPoint& anchor, double factor)
{
    if (factor <= 0.0)
        return;
    double focal[3];
    camera->GetFocalPoint(focal);
    moveFocus(camera, anchor.x + (focal[0] - anchor.x) / factor, anchor.y + (focal[1] - anchor.y) / factor);
    camera->SetParallelScale(camera->GetParallelScale() / factor);
}

scene::MapPoint displayToMap(vtkCamera* camera, double x, double y, int widthPixels, int heightPixels)
{
    const double scale = mapUnitsPerPixel(camera, heightPixels);
    double focal[3];
    camera->GetFocalPoint(focal);
    return {focal[0] + (x - 0.5 * widthPixels) * scale, focal[1] - (y - 0.5 * heightPixels) * scale};
}

scene::MapPoint mapToDisplay(vtkCamera* camera, const scene::MapPoint& p, int widthPixels, int heightPixels)
{
    const double scale = mapUnitsPerPixel(camera, heightPixels);
    double focal[3];
    camera->GetFocalPoint(focal);
    return {0.5 * widthPixels + (p.x - focal[0]) / scale, 0.5 * heightPixels - (p.y - focal[1]) / scale};
}

} // namespace banquise::rendering
