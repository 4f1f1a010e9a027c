#pragma once

#include "scene/ProductCatalog.h"

#include <string>
#include <vector>

namespace banquise::scene {

class AnalysisGrid;

// The analysis grid a set of products suggests: the footprint of the
// earliest Sentinel-1 product (else of every product) in the given CRS, at
// the given pixel size, snapped to whole pixels.
AnalysisGrid gridForProducts(const std::vector<DetectedProduct>& products, int epsg = 3413, double pixelSize = 40.0);

// Writes a scene.json in `folder` that references the products where they
// are (nothing is copied): SAR as calibrated sigma0 per polarisation (the
// earliest date first, later dates named by their date), rasters with the
// resampling their sensor wants (cells kept for concentration), altimeters
// through their profiles, SWOT swaths. readScene() then co-registers them.
// Throws SceneError when there is nothing to put on the grid.
void writeSceneManifest(const std::vector<DetectedProduct>& products, const AnalysisGrid& grid, const std::string& name,
                        const std::string& folder);

} // namespace banquise::scene
