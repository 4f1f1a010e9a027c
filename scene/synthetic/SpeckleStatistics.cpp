#include "scene/synthetic/SpeckleStatistics.h"

#include "scene/synthetic/IceTruth.h"

#include <cmath>

namespace banquise::scene::synthetic {

double measureEnl(const std::vector<float>& sigma0, const std::vector<std::uint8_t>& surface, const std::vector<float>& roughness,
                  int width, int height, int window, int* windowsUsed)
{
    double inverseSum = 0.0;
    int windows = 0;
    for (int r0 = 0; r0 + window <= height; r0 += window)
        for (int c0 = 0; c0 + window <= width; c0 += window) {
            const std::size_t corner = static_cast<std::size_t>(r0) * width + c0;
            bool uniform = true;
            double sum = 0.0;
            double squares = 0.0;
            for (int r = r0; r < r0 + window && uniform; ++r)
                for (int c = c0; c < c0 + window; ++c) {
                    const std::size_t i = static_cast<std::size_t>(r) * width + c;
                    uniform = uniform && surface[i] == kFloe && roughness[i] == roughness[corner] && std::isfinite(sigma0[i]);
                    sum += sigma0[i];
                    squares += static_cast<double>(sigma0[i]) * sigma0[i];
                }
            if (!uniform)
                continue;
            const double n = static_cast<double>(window) * window;
            const double mean = sum / n;
            // Unbiased window variance over squared mean: 1/ENL.
            inverseSum += (squares - n * mean * mean) / (n - 1.0) / (mean * mean);
            ++windows;
        }
    if (windowsUsed)
        *windowsUsed = windows;
    return windows > 0 ? windows / inverseSum : 0.0;
}

} // namespace banquise::scene::synthetic
