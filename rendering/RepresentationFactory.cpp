#include "rendering/RepresentationFactory.h"

#include "labeling/LabelLayer.h"
#include "rendering/LabelRepresentation.h"
#include "rendering/MarkerRepresentation.h"
#include "rendering/PyramidRepresentation.h"
#include "rendering/RasterRepresentation.h"
#include "rendering/SwathRepresentation.h"
#include "rendering/TrackRepresentation.h"
#include "rendering/VectorRepresentation.h"
#include "scene/MarkerLayer.h"
#include "scene/PyramidLayer.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/VectorLayer.h"

#include <functional>
#include <map>
#include <stdexcept>
#include <type_traits>

namespace banquise::rendering {

namespace {
using Creator = std::function<std::unique_ptr<LayerRepresentation>(const std::shared_ptr<const scene::Layer>&,
                                                                     const std::shared_ptr<ColouredImages>&)>;

template <class Representation, class LayerType>
Creator creator()
{
    return [](const std::shared_ptr<const scene::Layer>& layer,
              const std::shared_ptr<ColouredImages>& images) -> std::unique_ptr<LayerRepresentation> {
        if constexpr (std::is_constructible_v<Representation, std::shared_ptr<const LayerType>, std::shared_ptr<ColouredImages>>)
            return std::make_unique<Representation>(std::static_pointer_cast<const LayerType>(layer), images);
        else
            return std::make_unique<Representation>(std::static_pointer_cast<const LayerType>(layer));
    };
}
} // namespace

std::unique_ptr<LayerRepresentation> createRepresentation(std::shared_ptr<const scene::Layer> layer,
                                                          const std::shared_ptr<ColouredImages>& images)
{
    static const std::map<scene::LayerKind, Creator> creators{
        {scene::LayerKind::Raster, creator<RasterRepresentation, scene::RasterLayer>()},
        {scene::LayerKind::Track, creator<TrackRepresentation, scene::TrackLayer>()},
        {scene::LayerKind::Swath, creator<SwathRepresentation, scene::SwathLayer>()},
        {scene::LayerKind::Vectors, creator<VectorRepresentation, scene::VectorLayer>()},
        {scene::LayerKind::Labels, creator<LabelRepresentation, labeling::LabelLayer>()},
        {scene::LayerKind::Markers, creator<MarkerRepresentation, scene::MarkerLayer>()},
        {scene::LayerKind::Pyramid, creator<PyramidRepresentation, scene::PyramidLayer>()},
    };
    const auto found = creators.find(layer->kind());
    if (found == creators.end())
        throw std::logic_error("no representation for layer kind " + scene::toString(layer->kind()));
    return found->second(layer, images);
}

} // namespace banquise::rendering
