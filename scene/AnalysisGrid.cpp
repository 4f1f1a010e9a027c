#include "scene/AnalysisGrid.h"

#include "scene/GdalSession.h"
#include "scene/SceneError.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <mutex>

namespace banquise::scene {

class AnalysisGrid::Transforms {
public:
    explicit Transforms(int epsg)
    {
        GdalSession::ensure();
        if (m_grid.importFromEPSG(epsg) != OGRERR_NONE)
            throw SceneError("", "unknown CRS EPSG:" + std::to_string(epsg));
        m_geographic.importFromEPSG(4326);
        // lon/lat order whatever the authority says.
        m_geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_grid.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_toGeographic.reset(OGRCreateCoordinateTransformation(&m_grid, &m_geographic));
        m_fromGeographic.reset(OGRCreateCoordinateTransformation(&m_geographic, &m_grid));
        if (!m_toGeographic || !m_fromGeographic)
            throw SceneError("", "no transformation between EPSG:" + std::to_string(epsg) + " and EPSG:4326");
        char* wkt = nullptr;
        m_grid.exportToWkt(&wkt);
        m_wkt = wkt ? wkt : "";
        CPLFree(wkt);
    }

    std::string m_wkt;
    OGRSpatialReference m_grid;
    OGRSpatialReference m_geographic;
    std::unique_ptr<OGRCoordinateTransformation> m_toGeographic;
    std::unique_ptr<OGRCoordinateTransformation> m_fromGeographic;
    // OGR transformations are not re-entrant.
    mutable std::mutex m_mutex;
};

AnalysisGrid::AnalysisGrid() = default;

AnalysisGrid::AnalysisGrid(int epsg, double originX, double originY, double pixelSize, int width, int height)
    : m_epsg(epsg), m_originX(originX), m_originY(originY), m_pixelSize(pixelSize), m_width(width), m_height(height)
{
}

AnalysisGrid AnalysisGrid::covering(int epsg, const MapExtent& extent, double pixelSize)
{
    const double left = std::floor(extent.xMin / pixelSize) * pixelSize;
    const double top = std::ceil(extent.yMax / pixelSize) * pixelSize;
    return AnalysisGrid(epsg, left, top, pixelSize, static_cast<int>(std::ceil((extent.xMax - left) / pixelSize)),
                        static_cast<int>(std::ceil((top - extent.yMin) / pixelSize)));
}

AnalysisGrid::AnalysisGrid(const AnalysisGrid& other)
    : m_epsg(other.m_epsg), m_originX(other.m_originX), m_originY(other.m_originY),
      m_pixelSize(other.m_pixelSize), m_width(other.m_width), m_height(other.m_height)
{
}

AnalysisGrid& AnalysisGrid::operator=(const AnalysisGrid& other)
{
    if (this != &other) {
        m_epsg = other.m_epsg;
        m_originX = other.m_originX;
        m_originY = other.m_originY;
        m_pixelSize = other.m_pixelSize;
        m_width = other.m_width;
        m_height = other.m_height;
        m_transforms.reset();
    }
    return *this;
}

AnalysisGrid::~AnalysisGrid() = default;

MapExtent AnalysisGrid::extent() const
{
    return {m_originX, m_originX + m_width * m_pixelSize, m_originY - m_height * m_pixelSize, m_originY};
}

MapExtent AnalysisGrid::extentOf(int col, int row, int width, int height) const
{
    return {m_originX + col * m_pixelSize, m_originX + (col + width) * m_pixelSize, m_originY - (row + height) * m_pixelSize,
            m_originY - row * m_pixelSize};
}

MapPoint AnalysisGrid::pixelCentre(int col, int row) const
{
    return {m_originX + (col + 0.5) * m_pixelSize, m_originY - (row + 0.5) * m_pixelSize};
}

void AnalysisGrid::mapToPixel(const MapPoint& p, double& col, double& row) const
{
    col = (p.x - m_originX) / m_pixelSize;
    row = (m_originY - p.y) / m_pixelSize;
}

bool AnalysisGrid::pixelAt(const MapPoint& p, int& col, int& row) const
{
    double c = 0.0;
    double r = 0.0;
    mapToPixel(p, c, r);
    col = static_cast<int>(std::floor(c));
    row = static_cast<int>(std::floor(r));
    return col >= 0 && row >= 0 && col < m_width && row < m_height;
}

void AnalysisGrid::geoTransform(double out[6]) const
{
    out[0] = m_originX;
    out[1] = m_pixelSize;
    out[2] = 0.0;
    out[3] = m_originY;
    out[4] = 0.0;
    out[5] = -m_pixelSize;
}

const AnalysisGrid::Transforms& AnalysisGrid::transforms() const
{
    static std::mutex creation;
    std::lock_guard<std::mutex> lock(creation);
    if (!m_transforms)
        m_transforms = std::make_unique<Transforms>(m_epsg);
    return *m_transforms;
}

std::string AnalysisGrid::crsWkt() const
{
    return transforms().m_wkt;
}

LonLat AnalysisGrid::toLonLat(const MapPoint& p) const
{
    const Transforms& t = transforms();
    std::lock_guard<std::mutex> lock(t.m_mutex);
    double x = p.x;
    double y = p.y;
    if (!t.m_toGeographic->Transform(1, &x, &y))
        return {std::nan(""), std::nan("")};
    return {x, y};
}

MapPoint AnalysisGrid::fromLonLat(const LonLat& ll) const
{
    const Transforms& t = transforms();
    std::lock_guard<std::mutex> lock(t.m_mutex);
    double x = ll.lon;
    double y = ll.lat;
    if (!t.m_fromGeographic->Transform(1, &x, &y))
        return {std::nan(""), std::nan("")};
    return {x, y};
}

bool AnalysisGrid::sameGeometry(const AnalysisGrid& other) const
{
    const double tolerance = 1e-6 * m_pixelSize;
    return m_epsg == other.m_epsg && m_width == other.m_width && m_height == other.m_height
        && std::abs(m_originX - other.m_originX) < tolerance && std::abs(m_originY - other.m_originY) < tolerance
        && std::abs(m_pixelSize - other.m_pixelSize) < tolerance;
}

} // namespace banquise::scene
