#pragma once

#include <string>

namespace banquise::scene {
struct LoadedScene;
}

namespace banquise::app {

// A plain-text description of a loaded scene: grid, reference time, and per
// layer its kind, sensor, time, units and value range (what `banquise-cli
// info` prints and the GUI shows after loading).
std::string sceneSummary(const scene::LoadedScene& loaded);

} // namespace banquise::app
