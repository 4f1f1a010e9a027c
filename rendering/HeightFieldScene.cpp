#include "rendering/HeightFieldScene.h"

#include "rendering/ColouredImages.h"
#include "scene/RasterLayer.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkTexture.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace banquise::rendering {

// The decimated heights, kept to place the cursor on the surface.
struct HeightFieldScene::Surface {
    int columns = 0;
    int rows = 0;
    double x0 = 0.0; // map x of column 0
    double y0 = 0.0; // map y of row 0 (the top)
    double step = 1.0; // metres between samples
    std::vector<float> heights; // row-major from the top, NaN none
    double highest = 0.0;       // largest |height|
};

namespace {

constexpr double kCameraElevationDegrees = 35.0;
constexpr double kReliefShare = 0.05;
constexpr double kMarkerShare = 0.025; // marker diameter, of the map's side

// Mean of the finite values of a block (NaN when none).
float blockMean(const scene::RasterLayer& layer, int col0, int row0, int size)
{
    const scene::AnalysisGrid& g = layer.grid();
    double sum = 0.0;
    int count = 0;
    for (int r = row0; r < std::min(g.height(), row0 + size); ++r)
        for (int c = col0; c < std::min(g.width(), col0 + size); ++c) {
            const float v = layer.value(0, c, r);
            if (std::isfinite(v)) {
                sum += v;
                ++count;
            }
        }
    return count ? static_cast<float>(sum / count) : std::nanf("");
}

} // namespace

HeightFieldScene::HeightFieldScene()
{
    m_renderer->SetBackground(0.12, 0.13, 0.15);
    m_renderer->AddActor(m_surface);
    vtkNew<vtkSphereSource> sphere;
    sphere->SetThetaResolution(16);
    sphere->SetPhiResolution(16);
    vtkNew<vtkPolyDataMapper> markerMapper;
    markerMapper->SetInputConnection(sphere->GetOutputPort());
    m_marker->SetMapper(markerMapper);
    m_marker->GetProperty()->SetColor(1.0, 0.1, 0.6); // the 2-D crosshair's magenta
    m_marker->VisibilityOff();
    m_renderer->AddActor(m_marker);
    m_surface->VisibilityOff();
}

HeightFieldScene::~HeightFieldScene() = default;

vtkRenderer* HeightFieldScene::renderer() const
{
    return m_renderer;
}

bool HeightFieldScene::hasSurface() const
{
    return m_grid != nullptr;
}

void HeightFieldScene::setSurface(const scene::RasterLayer& elevation, const scene::RasterLayer* drape, const LayerStyle& drapeStyle,
                                  bool resetCamera)
{
    const scene::AnalysisGrid& g = elevation.grid();
    const int factor = std::max(1, static_cast<int>(std::ceil(std::max(g.width(), g.height()) / static_cast<double>(kMaxSide))));
    auto surface = std::make_unique<Surface>();
    surface->columns = (g.width() + factor - 1) / factor;
    surface->rows = (g.height() + factor - 1) / factor;
    surface->step = g.pixelSize() * factor;
    surface->x0 = g.originX() + 0.5 * surface->step;
    surface->y0 = g.originY() - 0.5 * surface->step;
    const scene::MapExtent extent = g.extent();

    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> textureCoordinates;
    textureCoordinates->SetNumberOfComponents(2);
    vtkNew<vtkUnsignedCharArray> colours; // without a drape: the elevation, diverging
    colours->SetNumberOfComponents(3);
    colours->SetName("colours");
    double highest = 0.0;
    for (int r = 0; r < surface->rows; ++r)
        for (int c = 0; c < surface->columns; ++c) {
            const float h = blockMean(elevation, c * factor, r * factor, factor);
            surface->heights.push_back(h);
            if (std::isfinite(h))
                highest = std::max(highest, std::abs(static_cast<double>(h)));
        }
    for (int r = 0; r < surface->rows; ++r)
        for (int c = 0; c < surface->columns; ++c) {
            const double x = surface->x0 + c * surface->step;
            const double y = surface->y0 - r * surface->step;
            const float h = surface->heights[static_cast<std::size_t>(r) * surface->columns + c];
            points->InsertNextPoint(x, y, std::isfinite(h) ? h : 0.0); // no data at sea level
            textureCoordinates->InsertNextTuple2((x - extent.xMin) / (extent.xMax - extent.xMin), (y - extent.yMin) / (extent.yMax - extent.yMin));
            const Rgb rgb = colourAt(Colormap::Diverging, std::isfinite(h) && highest > 0.0 ? 0.5 + 0.5 * h / highest : 0.5);
            colours->InsertNextTuple3(rgb[0], rgb[1], rgb[2]);
        }
    vtkNew<vtkCellArray> quads;
    for (int r = 0; r + 1 < surface->rows; ++r)
        for (int c = 0; c + 1 < surface->columns; ++c) {
            const vtkIdType a = static_cast<vtkIdType>(r) * surface->columns + c;
            const vtkIdType quad[4] = {a, a + 1, a + 1 + surface->columns, a + surface->columns};
            quads->InsertNextCell(4, quad);
        }
    vtkNew<vtkPolyData> polyData;
    polyData->SetPoints(points);
    polyData->SetPolys(quads);
    polyData->GetPointData()->SetTCoords(textureCoordinates);
    polyData->GetPointData()->SetScalars(colours);
    // Normals after the exaggeration would be steeper; these light the relief enough.
    vtkNew<vtkPolyDataNormals> normals;
    normals->SetInputData(polyData);
    normals->SplittingOff();
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(normals->GetOutputPort());
    m_surface->SetMapper(mapper);
    if (drape) {
        vtkNew<vtkTexture> texture;
        texture->SetInputData(colourRaster(*drape, drapeStyle));
        texture->InterpolateOn();
        m_surface->SetTexture(texture);
        mapper->ScalarVisibilityOff();
    } else {
        m_surface->SetTexture(nullptr);
        mapper->SetColorModeToDirectScalars();
        mapper->ScalarVisibilityOn();
    }
    m_surface->GetProperty()->SetAmbient(0.35);
    m_surface->GetProperty()->SetDiffuse(0.75);
    m_surface->VisibilityOn();
    surface->highest = highest;
    m_grid = std::move(surface);

    const double side = std::max(extent.xMax - extent.xMin, extent.yMax - extent.yMin);
    m_marker->SetScale(kMarkerShare * side);
    placeCursor();
    if (resetCamera) {
        vtkCamera* camera = m_renderer->GetActiveCamera();
        const double cx = 0.5 * (extent.xMin + extent.xMax);
        const double cy = 0.5 * (extent.yMin + extent.yMax);
        const double angle = kCameraElevationDegrees * M_PI / 180.0;
        camera->SetFocalPoint(cx, cy, 0.0);
        camera->SetPosition(cx, cy - 1.6 * side * std::cos(angle), 1.6 * side * std::sin(angle));
        camera->SetViewUp(0.0, 0.0, 1.0);
        m_renderer->ResetCameraClippingRange();
    }
}

double HeightFieldScene::suggestedExaggeration() const
{
    if (!m_grid || m_grid->highest <= 0.0)
        return 1.0;
    const double side = std::max(m_grid->columns, m_grid->rows) * m_grid->step;
    return kReliefShare * side / m_grid->highest;
}

void HeightFieldScene::setExaggeration(double factor)
{
    m_exaggeration = factor;
    m_surface->SetScale(1.0, 1.0, factor);
    placeCursor();
    m_renderer->ResetCameraClippingRange();
}

std::optional<double> HeightFieldScene::heightAt(const scene::MapPoint& p) const
{
    if (!m_grid)
        return std::nullopt;
    const int c = static_cast<int>(std::lround((p.x - m_grid->x0) / m_grid->step));
    const int r = static_cast<int>(std::lround((m_grid->y0 - p.y) / m_grid->step));
    if (c < 0 || r < 0 || c >= m_grid->columns || r >= m_grid->rows)
        return std::nullopt;
    const float h = m_grid->heights[static_cast<std::size_t>(r) * m_grid->columns + c];
    return std::isfinite(h) ? h : 0.0;
}

void HeightFieldScene::setCursor(const std::optional<scene::MapPoint>& point)
{
    m_cursor = point;
    placeCursor();
}

void HeightFieldScene::placeCursor()
{
    const std::optional<double> h = m_cursor ? heightAt(*m_cursor) : std::nullopt;
    m_marker->SetVisibility(h.has_value());
    if (!h)
        return;
    // Floating just above the highest surface within two marker diameters,
    // so that a ridge in front of the cursor does not hide it.
    const double diameter = m_marker->GetScale()[2];
    double top = *h;
    for (int i = -2; i <= 2; ++i)
        for (int j = -2; j <= 2; ++j)
            if (const auto near = heightAt({m_cursor->x + i * diameter, m_cursor->y + j * diameter}))
                top = std::max(top, *near);
    m_marker->SetPosition(m_cursor->x, m_cursor->y, top * m_exaggeration + diameter);
}

} // namespace banquise::rendering
