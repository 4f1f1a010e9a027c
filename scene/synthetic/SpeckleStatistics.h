#pragma once

#include <cstdint>
#include <vector>

namespace banquise::scene::synthetic {

// Equivalent number of looks measured on sigma0 (image geometry) over
// square windows lying wholly on floe pixels of one roughness (uniform
// backscatter in the simulation) and holding no no-data (NaN) value. Pools the windows' relative variances, so
// small windows give an unbiased figure. Returns 0 when no window qualifies.
double measureEnl(const std::vector<float>& sigma0, const std::vector<std::uint8_t>& surfaceClass,
                  const std::vector<float>& roughness, int width, int height, int window, int* windowsUsed = nullptr);

} // namespace banquise::scene::synthetic
