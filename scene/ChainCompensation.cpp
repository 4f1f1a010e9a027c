#include "scene/ChainCompensation.h"

#include "scene/AnalysisGrid.h"
#include "scene/DriftChain.h"
#include "scene/DriftCompensation.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace banquise::scene {

ChainCompensation::ChainCompensation(const DriftChain& chain, const AnalysisGrid& grid) : m_chain(chain), m_grid(grid) {}

bool ChainCompensation::reaches(double time) const
{
    const int last = m_chain.dates() - 1;
    return time >= m_chain.time(0) - (m_chain.time(1) - m_chain.time(0))
        && time <= m_chain.time(last) + (m_chain.time(last) - m_chain.time(last - 1));
}

MapPoint ChainCompensation::toFirstDate(const MapPoint& position, double time, double* sigmaMetres) const
{
    // The link whose dates bracket the time (the first or last one beyond the ends).
    int k = 0;
    while (k + 2 < m_chain.dates() && time > m_chain.time(k + 1))
        ++k;
    const double share = (time - m_chain.time(k)) / (m_chain.time(k + 1) - m_chain.time(k));
    double col = 0.0;
    double row = 0.0;
    m_grid.mapToPixel(position, col, row);
    col -= 0.5; // lattice positions are pixel indices, mapToPixel's centres +0.5
    row -= 0.5;
    // Where the ice was at date k.
    double x = col;
    double y = row;
    m_chain.undoLink(k, share, x, y);
    const CarriedPosition back = m_chain.carry(x, y, k, 0);
    if (sigmaMetres) {
        const double within = std::abs(share) * m_chain.carry(x, y, k, k + 1).sigma;
        *sigmaMetres = std::hypot(back.sigma, within) * m_grid.pixelSize();
    }
    return {m_grid.originX() + (back.col + 0.5) * m_grid.pixelSize(), m_grid.originY() - (back.row + 0.5) * m_grid.pixelSize()};
}

std::shared_ptr<TrackLayer> ChainCompensation::compensate(const TrackLayer& track) const
{
    const LayerInfo& original = track.info();
    if (!reaches(original.time))
        throw SceneError(original.sourceFile.empty() ? original.name : original.sourceFile,
                         "acquired " + formatUtc(original.time) + ", beyond the reach of the SAR dates' drift chain ("
                             + formatUtc(m_chain.time(0)) + " to " + formatUtc(m_chain.time(m_chain.dates() - 1)) + ")");
    std::vector<TrackRecord> records = track.records();
    std::vector<double> sigmas;
    for (TrackRecord& r : records) {
        double sigma = 0.0;
        r.position = toFirstDate(r.position, r.time, &sigma);
        r.lonLat = m_grid.toLonLat(r.position);
        sigmas.push_back(sigma);
    }
    Footprint footprint = track.footprint();
    if (!sigmas.empty()) {
        std::nth_element(sigmas.begin(), sigmas.begin() + static_cast<std::ptrdiff_t>(sigmas.size() / 2), sigmas.end());
        footprint.alongTrackM += 2.0 * sigmas[sigmas.size() / 2];
        footprint.acrossTrackM += 2.0 * sigmas[sigmas.size() / 2];
    }
    LayerInfo info = original;
    info.name = compensatedName(info.name);
    return std::make_shared<TrackLayer>(std::move(info), std::move(records), footprint);
}

} // namespace banquise::scene
