#include "models/SarLayers.h"

#include "models/Decibels.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"

#include <cmath>

namespace banquise::models {

cv::Mat1f decibelsOf(const scene::RasterLayer& sigma0)
{
    return toDecibels(cv::Mat1f(sigma0.grid().height(), sigma0.grid().width(), const_cast<float*>(sigma0.band(0).data())));
}

std::shared_ptr<const scene::RasterLayer> crossPolarisedOf(const scene::Scene& scene, const scene::RasterLayer& primary)
{
    for (const auto& layer : scene.layers()) {
        auto raster = std::dynamic_pointer_cast<const scene::RasterLayer>(layer);
        if (raster && raster.get() != &primary && layer->kind() == scene::LayerKind::Raster
            && layer->info().quantity == scene::Quantity::Sigma0 && std::abs(layer->info().time - primary.info().time) < 1.0)
            return raster;
    }
    return nullptr;
}

} // namespace banquise::models
