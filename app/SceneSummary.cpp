#include "app/SceneSummary.h"

#include "scene/SceneReader.h"
#include "scene/UtcTime.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace banquise::app {

std::string sceneSummary(const scene::LoadedScene& loaded)
{
    const scene::Scene& s = loaded.scene;
    const scene::AnalysisGrid& g = s.grid();
    std::ostringstream out;
    char line[512];
    std::snprintf(line, sizeof line, "scene      %s\ngrid       EPSG:%d  %d x %d px  %.1f m  origin (%.1f, %.1f)\n",
                  s.name().c_str(), g.epsg(), g.width(), g.height(), g.pixelSize(), g.originX(), g.originY());
    out << line;
    const scene::LonLat centre = g.toLonLat({0.5 * (g.extent().xMin + g.extent().xMax), 0.5 * (g.extent().yMin + g.extent().yMax)});
    std::snprintf(line, sizeof line, "centre     %.4f N  %.4f E\nreference  %s\nlayers     %zu\n", centre.lat, centre.lon,
                  scene::formatUtc(s.referenceTime()).c_str(), s.layers().size());
    out << line;
    for (const auto& layer : s.layers()) {
        const auto values = layer->sampleValues(0); // all of them
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        std::snprintf(line, sizeof line, "  %-22s %-6s %-11s %s  %-22s valid=%-8zu range [%.4g, %.4g] %s\n",
                      layer->name().c_str(), scene::toString(layer->kind()).c_str(), layer->info().sensor.c_str(),
                      scene::formatUtc(layer->info().time).c_str(), scene::toString(layer->info().quantity).c_str(),
                      values.size(), values.empty() ? 0.0 : *lo, values.empty() ? 0.0 : *hi, layer->info().units.c_str());
        out << line;
    }
    for (const auto& skipped : loaded.skippedLayers)
        out << "  skipped: " << skipped << "\n";
    return out.str();
}

} // namespace banquise::app
