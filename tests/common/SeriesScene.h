#pragma once

#include "scene/Layer.h"
#include "scene/Scene.h"
#include "scene/synthetic/SynthOptions.h"

#include <algorithm>
#include <vector>

namespace banquise::tests {

// A series of `dates` SAR dates, the second at `secondTime` and the rest at
// the same interval, the ice drifting 1.5 km a day east and 1 km south
// (Beaufort winter drift), every altimeter passing again on each date.
inline scene::synthetic::SynthOptions driftingSeries(double sizeKm, int dates, const char* secondTime)
{
    scene::synthetic::SynthOptions synth;
    synth.sizeKm = sizeKm;
    synth.sarDates = dates;
    synth.sarSecondTime = secondTime;
    synth.driftEastMetresPerDay = 1500.0;
    synth.driftNorthMetresPerDay = -1000.0;
    synth.buoys = 0;
    return synth;
}

// The time-series benchmarks' scene (issue 23): 60 km, 8 SAR dates over 10
// days (7 intervals of 1.43 days).
inline scene::synthetic::SynthOptions tenDaySeries()
{
    return driftingSeries(60.0, 8, "2024-03-15T22:22:24Z");
}

// The scene as it would be with its first `dates` dates: the SAR of those
// dates (two at least, for the drift), the altimeter passes of those dates,
// and every other layer. `sarTimes`: the scene's SAR dates, in order.
inline scene::Scene firstDates(const scene::Scene& all, const std::vector<double>& sarTimes, int dates)
{
    const double interval = sarTimes[1] - sarTimes[0];
    const double lastSar = sarTimes[static_cast<std::size_t>(std::max(dates, 2) - 1)];
    const double lastPass = sarTimes[static_cast<std::size_t>(dates - 1)] + 0.5 * interval;
    scene::Scene subset(all.name(), all.grid());
    subset.setReferenceTime(all.referenceTime());
    for (const auto& layer : all.layers()) {
        const bool sar = layer->kind() == scene::LayerKind::Raster && layer->info().quantity == scene::Quantity::Sigma0;
        const bool track = layer->kind() == scene::LayerKind::Track && layer->info().quantity == scene::Quantity::Freeboard;
        if ((sar && layer->info().time > lastSar) || (track && layer->info().time > lastPass))
            continue;
        subset.addLayer(layer);
    }
    return subset;
}

} // namespace banquise::tests
