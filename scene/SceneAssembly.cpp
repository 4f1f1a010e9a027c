#include "scene/SceneAssembly.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneError.h"
#include "scene/SceneManifest.h"
#include "scene/kinds/ProductKind.h"

#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace banquise::scene {

namespace fs = std::filesystem;

namespace {
bool isSar(const DetectedProduct& p)
{
    return productRole(p) == ProductRole::Sar;
}
} // namespace

AnalysisGrid gridForProducts(const std::vector<DetectedProduct>& products, int epsg, double pixelSize)
{
    const DetectedProduct* reference = nullptr;
    for (const auto& p : products)
        if (isSar(p) && !p.footprint.empty() && (!reference || p.time < reference->time))
            reference = &p;
    std::vector<LonLat> points;
    if (reference)
        points = reference->footprint;
    else
        for (const auto& p : products)
            points.insert(points.end(), p.footprint.begin(), p.footprint.end());
    if (points.empty())
        throw SceneError("", "no product tells where it lies: cannot choose an analysis grid");
    const AnalysisGrid probe(epsg, 0.0, 0.0, pixelSize, 1, 1);
    std::vector<MapPoint> projected;
    for (const LonLat& ll : points)
        projected.push_back(probe.fromLonLat(ll));
    const AnalysisGrid grid = AnalysisGrid::covering(epsg, extentOf(projected), pixelSize);
    if (grid.width() < 2 || grid.height() < 2 || grid.width() > 50000 || grid.height() > 50000)
        throw SceneError("", "the products' footprint gives an unusable grid (" + std::to_string(grid.width()) + " x "
                                 + std::to_string(grid.height()) + ")");
    return grid;
}

void writeSceneManifest(const std::vector<DetectedProduct>& products, const AnalysisGrid& grid, const std::string& name,
                        const std::string& folder)
{
    // The first SAR date; without SAR, the first dated product.
    double reference = std::numeric_limits<double>::max();
    for (const auto& p : products)
        if (isSar(p))
            reference = std::min(reference, p.time);
    if (reference == std::numeric_limits<double>::max())
        for (const auto& p : products)
            if (p.time > 0.0)
                reference = std::min(reference, p.time);
    // In the views' display order (ProductRole).
    std::vector<DetectedProduct> ordered = products;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const DetectedProduct& a, const DetectedProduct& b) { return productRole(a) < productRole(b); });
    ManifestContext context;
    context.hasReference = reference != std::numeric_limits<double>::max();
    context.referenceTime = context.hasReference ? reference : 0.0;
    CPLJSONArray layers;
    for (const auto& p : ordered)
        productKind(p.kind).addManifestEntries(p, context, layers);
    if (layers.Size() == 0)
        throw SceneError(folder, "none of the products can be put on the grid");
    CPLJSONObject root = manifest::header(name, grid, context.referenceTime);
    root.Add("layers", layers);
    std::error_code error;
    fs::create_directories(folder, error);
    CPLJSONDocument document;
    document.SetRoot(root);
    const fs::path path = fs::path(folder) / manifest::kFileName;
    if (!document.Save(path.string()))
        throw SceneError(path.string(), "cannot write the scene manifest");
}

} // namespace banquise::scene
