#pragma once

#include <string>
#include <vector>

namespace banquise::scene {

// The sigma0 look-up table of one Sentinel-1 calibration annotation
// (annotation/calibration/calibration-*.xml): A(line, pixel) on a sparse
// grid of vectors; sigma0 = DN^2 / A^2 with A bilinear between vectors.
class Sentinel1Calibration {
public:
    // Throws SceneError naming the file when it is not a calibration file.
    static Sentinel1Calibration read(const std::string& path);

    // A at an image position, bilinear between the LUT's lines and pixels.
    double sigmaNought(double line, double pixel) const;
    // Calibrates one image row of DN in place to sigma0 (0 DN -> NaN: no data).
    void calibrateRow(int line, std::vector<float>& dnToSigma0) const;

private:
    std::vector<double> m_lines;
    std::vector<double> m_pixels;              // shared by every vector
    std::vector<std::vector<double>> m_values; // [vector][pixel]
};

} // namespace banquise::scene
