#pragma once

#include "models/Hydrostatic.h"
#include "models/Prediction.h"

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace banquise::scene {
class AnalysisGrid;
}

namespace banquise::models {

struct ThicknessMap {
    cv::Mat1f thickness; // metres
    cv::Mat1f sigma;     // metres: elevation MC spread and the density and snow uncertainties
};

// Hydrostatic thickness of a prediction's elevation; snow only on floes.
ThicknessMap thicknessMap(const Prediction& prediction, const HydrostaticParameters& parameters = {});

// Writes every map of a prediction as GeoTIFF on the grid into `folder`:
// class.tif (UInt8, 255 no data), probability, entropy, despeckled_hh_db,
// and with elevation: freeboard, freeboard_std, thickness, thickness_std.
// Bands of rows are written as they come (a PredictionRowsSink), so a grid
// of any size goes to disk without being held: rows wait only until they
// fill the GeoTIFF blocks they fall in, and written blocks leave GDAL's
// cache. Throws SceneError naming a file it cannot create or write.
class PredictionRasterWriter {
public:
    PredictionRasterWriter(const scene::AnalysisGrid& grid, double time, const std::string& folder, bool elevation,
                           const HydrostaticParameters& parameters = {});
    ~PredictionRasterWriter(); // closes the files (finish() says whether they are complete)
    PredictionRasterWriter(const PredictionRasterWriter&) = delete;
    PredictionRasterWriter& operator=(const PredictionRasterWriter&) = delete;

    // Rows [firstRow, firstRow + rows.rows()), below those written before.
    void write(int firstRow, const Prediction& rows);
    // After the last rows: writes what is held, closes the files; the paths.
    std::vector<std::string> finish();

private:
    void writeBlocks(const Prediction& rows, int firstRow);
    void close();

    struct File;
    std::vector<File> m_files;
    int m_height = 0;
    int m_blockRows = 1;
    HydrostaticParameters m_parameters;
    PredictionRowQueue m_held;
};

// A whole prediction through PredictionRasterWriter; the paths written.
std::vector<std::string> writePredictionRasters(const Prediction& prediction, const scene::AnalysisGrid& grid, double time,
                                                const std::string& folder, const HydrostaticParameters& parameters = {});

} // namespace banquise::models
