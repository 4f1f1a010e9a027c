#pragma once

#include <vector>

namespace banquise::scene {

// One ice-motion vector between two images on the same grid: the patch
// centred at (col, row) in the first image is found displaced by (dx, dy)
// pixels (right, down) in the second.
struct MotionVector {
    double col = 0.0;
    double row = 0.0;
    double dx = 0.0;
    double dy = 0.0;
    double quality = 0.0; // normalised cross-correlation peak, -1..1
    bool measured = false; // false: rejected as an outlier or too weak, filled from neighbours
};

// A regular lattice of motion vectors, interpolated bilinearly in between.
class MotionField {
public:
    MotionField() = default;
    MotionField(int columns, int rows, double spacing, double firstCol, double firstRow, std::vector<MotionVector> vectors);

    const std::vector<MotionVector>& vectors() const { return m_vectors; }
    // Displacement (pixels) at any image position; clamps outside the lattice.
    void displacementAt(double col, double row, double& dx, double& dy) const;
    // The lattice vector nearest an image position (clamped to the lattice).
    const MotionVector& nearestVector(double col, double row) const;
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }

private:
    int m_columns = 0;
    int m_rows = 0;
    double m_spacing = 1.0;
    double m_firstCol = 0.0;
    double m_firstRow = 0.0;
    std::vector<MotionVector> m_vectors;
};

struct MotionOptions {
    int patch = 48;           // template side at full resolution (pixels)
    int spacing = 32;         // lattice spacing (pixels)
    int pyramidLevels = 3;    // coarse-to-fine levels below full resolution
    int searchRadius = 6;     // search around the prediction at each level (pixels of that level)
    double minQuality = 0.15; // weaker correlation peaks are rejected
    double maxDeviation = 1.5; // pixels from the neighbours' median before a vector is an outlier
};

// Estimates the ice motion between two SAR sigma0 images (linear, same grid,
// NaN = no data) by normalised cross-correlation of log-intensity patches,
// coarse to fine: phase correlation of the coarsest level gives the bulk
// drift, each finer level refines every vector around its prediction with
// sub-pixel peaks, and vectors that disagree with their neighbours' median
// or correlate weakly are replaced by that median. OpenCV does the image
// work. Runs on any thread.
MotionField estimateMotion(const std::vector<float>& first, const std::vector<float>& second, int width, int height,
                           const MotionOptions& options = {});

} // namespace banquise::scene
