#pragma once

#include "scene/synthetic/SynthOptions.h"

namespace banquise::bench {

// The time-series benchmarks' scene (issue 23): 60 km, 8 SAR dates over 10
// days (7 intervals of 1.43 days), Beaufort winter drift of a few km a day.
inline scene::synthetic::SynthOptions tenDaySeries()
{
    scene::synthetic::SynthOptions synth;
    synth.sizeKm = 60.0;
    synth.sarDates = 8;
    synth.sarSecondTime = "2024-03-15T22:22:24Z";
    synth.driftEastMetresPerDay = 1500.0;
    synth.driftNorthMetresPerDay = -1000.0;
    synth.buoys = 0;
    return synth;
}

} // namespace banquise::bench
