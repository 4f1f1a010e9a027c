#pragma once

#include "rendering/LayerRepresentation.h"

#include <memory>

namespace banquise::rendering {

class ColouredImages;

// One representation class per layer kind, chosen from a map: adding a
// kind is adding a class and an entry.
// Images are coloured through `images`, shared by the views of a grid.
std::unique_ptr<LayerRepresentation> createRepresentation(std::shared_ptr<const scene::Layer> layer,
                                                          const std::shared_ptr<ColouredImages>& images);

} // namespace banquise::rendering
