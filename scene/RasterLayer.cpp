#include "scene/RasterLayer.h"

#include "scene/SceneError.h"

#include <cmath>

namespace banquise::scene {

RasterLayer::RasterLayer(LayerInfo info, AnalysisGrid grid, std::vector<std::vector<float>> bands)
    : Layer(std::move(info)), m_grid(std::move(grid)), m_bands(std::move(bands))
{
    const std::size_t expected = static_cast<std::size_t>(m_grid.width()) * m_grid.height();
    if (m_bands.empty())
        throw SceneError(this->info().sourceFile, "raster layer '" + name() + "' has no band");
    for (const auto& band : m_bands)
        if (band.size() != expected)
            throw SceneError(this->info().sourceFile, "raster layer '" + name() + "' band size does not match its grid");
}

std::vector<double> RasterLayer::valuesAt(const MapPoint& p) const
{
    int col = 0;
    int row = 0;
    if (!m_grid.pixelAt(p, col, row))
        return {};
    std::vector<double> values;
    values.reserve(m_bands.size());
    for (int b = 0; b < bandCount(); ++b) {
        const float v = value(b, col, row);
        if (std::isnan(v))
            return {};
        values.push_back(v);
    }
    return values;
}

std::vector<float> RasterLayer::sampleValues(std::size_t maxCount) const
{
    return finiteSample(m_bands.front(), maxCount);
}

} // namespace banquise::scene
