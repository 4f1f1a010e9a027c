#pragma once

#include "scene/Scene.h"

namespace banquise::scene {

struct SampleSceneOptions {
    unsigned seed = 7;
    int sizePixels = 1000;
    double pixelSize = 100.0; // metres
    // Scene centre (Lincoln Sea, winter pack ice).
    LonLat centre{-60.0, 84.5};
};

// A small floe-and-lead scene seen by every sensor kind Banquise displays:
// SAR sigma0 (HH, with speckle), an optical RGB composite with a cloud, a
// coarse AMSR-2-like concentration grid (its own 6.25 km grid), a CryoSat-2
// like freeboard track and a SWOT-like two-sided freeboard swath (its own
// 250 m grid). It is the bundled sample until the synthetic generator of
// scene/synthetic replaces it. Same options, same scene.
Scene makeSampleScene(const SampleSceneOptions& options = {});

} // namespace banquise::scene
