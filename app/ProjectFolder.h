#pragma once

#include "scene/ProductCatalog.h"

#include <QString>

#include <vector>

namespace banquise::app {

// Assembles products into a scene in the user's project folder
// (<app data>/projects/<name>) and returns that folder; the products stay
// where they are. Throws scene::SceneError when they give no grid.
QString writeProject(const std::vector<scene::DetectedProduct>& products, const QString& name, int epsg = 3413,
                     double pixelSize = 40.0);

} // namespace banquise::app
