#pragma once

#include "rendering/LayerRepresentation.h"

#include <memory>

namespace banquise::rendering {

// One representation class per layer kind, chosen from a map: adding a
// kind is adding a class and an entry.
std::unique_ptr<LayerRepresentation> createRepresentation(std::shared_ptr<const scene::Layer> layer);

} // namespace banquise::rendering
