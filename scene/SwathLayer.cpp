#include "scene/SwathLayer.h"

namespace banquise::scene {

SwathLayer::SwathLayer(LayerInfo info, AnalysisGrid grid, std::vector<float> values, std::vector<MapPolygon> footprints)
    : RasterLayer(std::move(info), std::move(grid), {std::move(values)}), m_footprints(std::move(footprints))
{
}

} // namespace banquise::scene
