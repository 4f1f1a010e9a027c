#pragma once

#include "scene/MapTypes.h"

class vtkCamera;

namespace banquise::rendering {

// 2-D map navigation on a parallel-projection camera looking down on the
// grid plane. Widget pixel coordinates have their origin at the top-left,
// as Qt's do; (x + 0.5, y + 0.5) is the centre of pixel (x, y).
void setUpMapCamera(vtkCamera* camera);
void fitExtent(vtkCamera* camera, const scene::MapExtent& extent, int widthPixels, int heightPixels);
// Moves the map with the mouse: a drag of (dx, dy) pixels shifts the view
// so that the point under the cursor stays under it.
void panByPixels(vtkCamera* camera, double dxPixels, double dyPixels, int heightPixels);
// Zooms by factor (> 1 zooms in) keeping the map point under the cursor fixed.
void zoomAbout(vtkCamera* camera, const scene::MapPoint& anchor, double factor);
scene::MapPoint displayToMap(vtkCamera* camera, double x, double y, int widthPixels, int heightPixels);
scene::MapPoint mapToDisplay(vtkCamera* camera, const scene::MapPoint& p, int widthPixels, int heightPixels);
// Metres per screen pixel.
double mapUnitsPerPixel(vtkCamera* camera, int heightPixels);

} // namespace banquise::rendering
