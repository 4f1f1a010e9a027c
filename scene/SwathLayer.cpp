#include "scene/SwathLayer.h"

namespace banquise::scene {

SwathLayer::SwathLayer(LayerInfo info, AnalysisGrid grid, std::vector<std::vector<float>> bands, std::vector<MapPolygon> footprints)
    : RasterLayer(std::move(info), std::move(grid), std::move(bands)), m_footprints(std::move(footprints))
{
}

} // namespace banquise::scene
