#include "scene/PyramidLayer.h"

#include "scene/RasterPyramid.h"

#include <cmath>

namespace banquise::scene {

PyramidLayer::PyramidLayer(LayerInfo info, std::shared_ptr<const RasterPyramid> pyramid)
    : Layer(std::move(info)), m_pyramid(std::move(pyramid))
{
}

const AnalysisGrid& PyramidLayer::grid() const
{
    return m_pyramid->levelGrid(0);
}

int PyramidLayer::bandCount() const
{
    return m_pyramid->bandCount();
}

std::vector<double> PyramidLayer::valuesAt(const MapPoint& p) const
{
    int col = 0;
    int row = 0;
    if (!grid().pixelAt(p, col, row))
        return {};
    std::vector<double> values;
    for (const float v : m_pyramid->valuesAt(col, row)) {
        if (std::isnan(v))
            return {};
        values.push_back(v);
    }
    return values;
}

std::vector<float> PyramidLayer::sampleValues(std::size_t maxCount) const
{
    int level = m_pyramid->levelCount() - 1;
    auto cells = [&](int l) { return static_cast<std::size_t>(m_pyramid->levelGrid(l).width()) * m_pyramid->levelGrid(l).height(); };
    while (level > 0 && cells(level) < maxCount)
        --level;
    const AnalysisGrid& coarse = m_pyramid->levelGrid(level);
    return finiteSample(m_pyramid->read(level, 0, 0, coarse.width(), coarse.height()).front(), maxCount);
}

} // namespace banquise::scene
