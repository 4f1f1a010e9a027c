#pragma once

#include "scene/AnalysisGrid.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

class GDALDataset;

namespace banquise::scene {

class Feedback;

// A raster on a grid kept on disk as a tiled GeoTIFF with overviews (QGIS's
// and SNAP's image pyramid), read by window at the level a view needs:
// level 0 is the grid, level k has 2^k times coarser pixels. Float32
// physical values, NaN no-data. Nothing is held in memory but GDAL's block
// cache. Thread-safe (one read at a time).
class RasterPyramid {
public:
    // Opens a pyramid written by buildRasterPyramid; throws SceneError naming the file.
    explicit RasterPyramid(const std::string& file);
    ~RasterPyramid();
    RasterPyramid(const RasterPyramid&) = delete;
    RasterPyramid& operator=(const RasterPyramid&) = delete;

    const std::string& file() const { return m_file; }
    int bandCount() const { return m_bandCount; }
    int levelCount() const { return static_cast<int>(m_levels.size()); }
    // The grid of a level: the level-0 grid's origin, coarser pixels.
    const AnalysisGrid& levelGrid(int level) const { return m_levels.at(level); }
    // The finest level whose pixels are at least `metresPerPixel` wide
    // (a view's screen pixel), or the coarsest.
    int levelFor(double metresPerPixel) const;

    // Bands of a window of a level, row-major from its top row; cells
    // outside the level are NaN. Throws SceneError when GDAL cannot read.
    std::vector<std::vector<float>> read(int level, int col, int row, int cols, int rows) const;
    // Values of every band at one level-0 cell.
    std::vector<float> valuesAt(int col, int row) const;

private:
    std::string m_file;
    int m_bandCount = 0;
    std::vector<AnalysisGrid> m_levels;
    mutable std::mutex m_mutex;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> m_dataset;
};

// How overviews are made from finer pixels: averages for measurements,
// the nearest value for class codes.
enum class PyramidResampling { Average, Nearest };

// Writes `pyramid` from a GeoTIFF (or any GDAL raster) already on `grid`:
// physical float32 values (scale, offset, no-data as NaN), 256-pixel
// tiles and overviews down to about 256 pixels, under a temporary name
// renamed at the end, so a cancelled or failed build leaves nothing. With
// feedback: progress over [progress.start, progress.start + progress.span]
// under progress.step, and a cancel polled between strips and overviews.
// Throws SceneError naming the file and the reason.
struct PyramidProgress {
    Feedback* feedback = nullptr;
    double start = 0.0;
    double span = 1.0;
    std::string step = "pyramid";
};
// `valueOffset` is added to every value (codes counted from 0 made LabelCodes).
void buildRasterPyramid(const std::string& source, const AnalysisGrid& grid, const std::string& pyramid,
                        PyramidResampling resampling, double valueOffset = 0.0, const PyramidProgress& progress = {});
// The same from an open dataset (a calibrated product); `sourceFile` names it in errors.
void buildRasterPyramid(GDALDataset& source, const std::string& sourceFile, const AnalysisGrid& grid, const std::string& pyramid,
                        PyramidResampling resampling, double valueOffset = 0.0, const PyramidProgress& progress = {});

} // namespace banquise::scene
