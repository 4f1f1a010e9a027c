#pragma once

#include "scene/AnalysisGrid.h"
#include "scene/Layer.h"

#include <vector>

namespace banquise::scene {

// One or more float32 bands on a grid, row-major from the top row, NaN for
// no-data. Three reflectance bands are an RGB composite (red, green, blue).
class RasterLayer : public Layer {
public:
    RasterLayer(LayerInfo info, AnalysisGrid grid, std::vector<std::vector<float>> bands);

    LayerKind kind() const override { return LayerKind::Raster; }
    MapExtent extent() const override { return m_grid.extent(); }
    std::vector<double> valuesAt(const MapPoint& p) const override;
    std::vector<float> sampleValues(std::size_t maxCount) const override;

    const AnalysisGrid& grid() const { return m_grid; }
    int bandCount() const { return static_cast<int>(m_bands.size()); }
    const std::vector<float>& band(int index) const { return m_bands.at(index); }
    float value(int band, int col, int row) const { return m_bands[band][static_cast<std::size_t>(row) * m_grid.width() + col]; }

private:
    AnalysisGrid m_grid;
    std::vector<std::vector<float>> m_bands;
};

} // namespace banquise::scene
