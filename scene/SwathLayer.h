#pragma once

#include "scene/RasterLayer.h"

#include <vector>

namespace banquise::scene {

// A swath altimeter image (SWOT KaRIn) resampled on the grid, with the
// outline of each swath side, so the display can show where data could be
// even where quality flags removed it. Band 0 is the height; band 1, when
// the product gives it, the signed distance from the nadir track (metres,
// negative on the left side): errors grow with it.
class SwathLayer : public RasterLayer {
public:
    SwathLayer(LayerInfo info, AnalysisGrid grid, std::vector<std::vector<float>> bands, std::vector<MapPolygon> footprints);

    LayerKind kind() const override { return LayerKind::Swath; }
    const std::vector<MapPolygon>& footprints() const { return m_footprints; }
    bool hasCrossTrackDistance() const { return bandCount() > 1; }

private:
    std::vector<MapPolygon> m_footprints;
};

} // namespace banquise::scene
