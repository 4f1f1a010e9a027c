#include "scene/SceneManifest.h"

#include "scene/AnalysisGrid.h"
#include "scene/UtcTime.h"

namespace banquise::scene::manifest {

CPLJSONObject header(const std::string& name, const AnalysisGrid& g, double referenceTime)
{
    CPLJSONObject root;
    root.Add("format", kFormat);
    root.Add("version", kVersion);
    root.Add("name", name);
    root.Add("reference_time", formatUtc(referenceTime));
    CPLJSONObject grid;
    grid.Add("epsg", g.epsg());
    grid.Add("origin_x", g.originX());
    grid.Add("origin_y", g.originY());
    grid.Add("pixel_size", g.pixelSize());
    grid.Add("width", g.width());
    grid.Add("height", g.height());
    root.Add("grid", grid);
    return root;
}

} // namespace banquise::scene::manifest
