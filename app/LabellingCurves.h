#pragma once

#include <filesystem>

namespace banquise::models {
struct ObjectClickRuns;
}
namespace banquise::labeling {
struct PixelComparison;
}

namespace banquise::app {

// The labelling protocols' mean curves, as a table and a figure each, for
// banquise-cli al-simulate and the benchmarks. Need a QGuiApplication for
// the figures (ensureOffscreenApplication); throw std::runtime_error when a
// file cannot be written.

// object_clicks.csv and object_clicks.png: the score after each click, per
// group (floes, leads, thin leads), of the model, the paint control and the
// local-correction ceiling.
void writeObjectClickCurves(const models::ObjectClickRuns& runs, const std::filesystem::path& folder);

// pixel_al.csv and pixel_al.png: held-out mean IoU against the labelled
// share of the scene, per strategy, the dense bound as a level line.
void writePixelCurves(const labeling::PixelComparison& comparison, const std::filesystem::path& folder);

} // namespace banquise::app
