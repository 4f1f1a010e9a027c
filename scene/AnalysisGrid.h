#pragma once

#include "scene/MapTypes.h"

#include <memory>
#include <string>

namespace banquise::scene {

// A north-up raster grid in a projected CRS: EPSG code, top-left corner,
// square pixel size in metres, size in pixels. Pixel (col, row) covers
// [x0 + col*s, x0 + (col+1)*s] x [y0 - (row+1)*s, y0 - row*s].
class AnalysisGrid {
public:
    AnalysisGrid();
    AnalysisGrid(int epsg, double originX, double originY, double pixelSize, int width, int height);
    // The grid of whole pixels, snapped to multiples of the pixel size, that covers an extent.
    static AnalysisGrid covering(int epsg, const MapExtent& extent, double pixelSize);
    AnalysisGrid(const AnalysisGrid& other);
    AnalysisGrid& operator=(const AnalysisGrid& other);
    ~AnalysisGrid();

    int epsg() const { return m_epsg; }
    double originX() const { return m_originX; }
    double originY() const { return m_originY; }
    double pixelSize() const { return m_pixelSize; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    bool isValid() const { return m_width > 0 && m_height > 0 && m_pixelSize > 0; }

    MapExtent extent() const;
    // The extent of a block of pixels: `width` x `height` from (col, row).
    MapExtent extentOf(int col, int row, int width, int height) const;
    // Centre of pixel (col, row).
    MapPoint pixelCentre(int col, int row) const;
    // Continuous pixel coordinates (col, row) of a map point; floor() gives the pixel.
    void mapToPixel(const MapPoint& p, double& col, double& row) const;
    // False when the point falls outside the grid.
    bool pixelAt(const MapPoint& p, int& col, int& row) const;

    // GDAL ordering: originX, pixelSize, 0, originY, 0, -pixelSize.
    void geoTransform(double out[6]) const;
    std::string crsWkt() const;

    // Geographic conversions through PROJ (via OGR); throw SceneError when
    // the EPSG code is unknown.
    LonLat toLonLat(const MapPoint& p) const;
    MapPoint fromLonLat(const LonLat& ll) const;

    bool sameGeometry(const AnalysisGrid& other) const;

private:
    class Transforms;
    const Transforms& transforms() const;

    int m_epsg = 3413;
    double m_originX = 0.0;
    double m_originY = 0.0;
    double m_pixelSize = 0.0;
    int m_width = 0;
    int m_height = 0;
    // Created on first use; PROJ set-up costs milliseconds.
    mutable std::unique_ptr<Transforms> m_transforms;
};

} // namespace banquise::scene
