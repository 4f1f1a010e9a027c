#pragma once

#include "scene/Scene.h"

namespace banquise::tests {

// An in-memory scene with every layer kind, 128 x 128 pixels of 100 m at
// 84.5 N: "S1 HH sigma0" (raster), "S2 RGB" (3 bands), "AMSR-2 SIC" (its
// own 6.25 km grid), "SWOT freeboard" (swath, its own 250 m grid, NaN
// outside two sides) and "CryoSat-2 freeboard" (track). The SAR is acquired
// at 2024-03-14T07:42:10Z, the reference time. Deterministic.
scene::Scene makeMixedScene(unsigned seed = 1);

} // namespace banquise::tests
