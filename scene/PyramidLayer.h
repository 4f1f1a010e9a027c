#pragma once

#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"

#include <memory>

namespace banquise::scene {

class RasterPyramid;

// A raster too large to hold whole (an IW scene's 25 000 x 17 000 cells),
// kept on disk as a RasterPyramid: views read the window they show at the
// level they need. Models and labels, which take whole bands, work on
// RasterLayer and do not see it.
class PyramidLayer : public Layer {
public:
    PyramidLayer(LayerInfo info, std::shared_ptr<const RasterPyramid> pyramid);

    LayerKind kind() const override { return LayerKind::Pyramid; }
    MapExtent extent() const override { return grid().extent(); }
    std::vector<double> valuesAt(const MapPoint& p) const override;
    // From the coarsest level that holds at least `maxCount` cells.
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const AnalysisGrid& grid() const;
    int bandCount() const;
    const RasterPyramid& pyramid() const { return *m_pyramid; }

private:
    std::shared_ptr<const RasterPyramid> m_pyramid;
};

} // namespace banquise::scene
