#include "scene/ChainCompensation.h"

#include "scene/AnalysisGrid.h"
#include "scene/DriftChain.h"
#include "scene/DriftCompensation.h"
#include "scene/RasterLayer.h"
#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace banquise::scene {

namespace {
// Spacing (pixels) of the lattice an image's motion is carried on: the
// links' own lattices are 32 px apart, so the composed motion is smooth at
// this scale and bilinear interpolation in between costs under 0.1 px.
constexpr int kImageLatticeStep = 8;

// The link whose dates bracket `time` (the first or last one beyond the
// ends), and the share of it the time has covered.
std::pair<int, double> bracketingLink(const DriftChain& chain, double time)
{
    int k = 0;
    while (k + 2 < chain.dates() && time > chain.time(k + 1))
        ++k;
    return {k, (time - chain.time(k)) / (chain.time(k + 1) - chain.time(k))};
}
} // namespace

ChainCompensation::ChainCompensation(const DriftChain& chain, const AnalysisGrid& grid) : m_chain(chain), m_grid(grid) {}

bool ChainCompensation::reaches(double time) const
{
    const int last = m_chain.dates() - 1;
    return time >= m_chain.time(0) - (m_chain.time(1) - m_chain.time(0))
        && time <= m_chain.time(last) + (m_chain.time(last) - m_chain.time(last - 1));
}

MapPoint ChainCompensation::toFirstDate(const MapPoint& position, double time, double* sigmaMetres) const
{
    const auto [k, share] = bracketingLink(m_chain, time);
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

void ChainCompensation::requireReach(const LayerInfo& info) const
{
    if (!reaches(info.time))
        throw SceneError(info.sourceFile.empty() ? info.name : info.sourceFile,
                         "acquired " + formatUtc(info.time) + ", beyond the reach of the SAR dates' drift chain ("
                             + formatUtc(m_chain.time(0)) + " to " + formatUtc(m_chain.time(m_chain.dates() - 1)) + ")");
}

std::shared_ptr<TrackLayer> ChainCompensation::compensate(const TrackLayer& track) const
{
    const LayerInfo& original = track.info();
    requireReach(original);
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

std::shared_ptr<RasterLayer> ChainCompensation::compensate(const RasterLayer& image) const
{
    if (!image.grid().sameGeometry(m_grid))
        throw SceneError(image.info().sourceFile, "drift compensation needs the layer on the analysis grid");
    requireReach(image.info());
    const auto [k, share] = bracketingLink(m_chain, image.info().time);
    const int width = m_grid.width();
    const int height = m_grid.height();
    // Where the ice of each lattice node at the first date is at the image's
    // time: carried to date k, then by `share` of link k.
    const int columns = std::max(2, (width - 1 + kImageLatticeStep - 1) / kImageLatticeStep + 1);
    const int rows = std::max(2, (height - 1 + kImageLatticeStep - 1) / kImageLatticeStep + 1);
    const auto nodeAt = [](int index, int size) { return std::min(index * kImageLatticeStep, size - 1); };
    const float outside = std::nanf("");
    cv::Mat2f node(rows, columns);
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < columns; ++i) {
            const CarriedPosition p = m_chain.carry(nodeAt(i, width), nodeAt(j, height), 0, k);
            double dx = 0.0;
            double dy = 0.0;
            m_chain.link(k).displacementAt(p.col, p.row, dx, dy);
            node(j, i) = p.inside ? cv::Vec2f(static_cast<float>(p.col + share * dx), static_cast<float>(p.row + share * dy))
                                  : cv::Vec2f(outside, outside);
        }
    // Bilinear between the nodes (written out: cv::resize samples at pixel
    // centres, which do not fall on the nodes); a cell next to a node whose
    // path left the image is left out (-1 is off the image for remap).
    cv::Mat1f mapX(height, width);
    cv::Mat1f mapY(height, width);
    for (int r = 0; r < height; ++r) {
        const int j = std::min(r / kImageLatticeStep, rows - 2);
        const float v = static_cast<float>(r - nodeAt(j, height)) / static_cast<float>(std::max(1, nodeAt(j + 1, height) - nodeAt(j, height)));
        for (int c = 0; c < width; ++c) {
            const int i = std::min(c / kImageLatticeStep, columns - 2);
            const float u = static_cast<float>(c - nodeAt(i, width)) / static_cast<float>(std::max(1, nodeAt(i + 1, width) - nodeAt(i, width)));
            const cv::Vec2f p = (1 - v) * ((1 - u) * node(j, i) + u * node(j, i + 1)) + v * ((1 - u) * node(j + 1, i) + u * node(j + 1, i + 1));
            const bool known = std::isfinite(p[0]) && std::isfinite(p[1]);
            mapX(r, c) = known ? p[0] : -1.0f;
            mapY(r, c) = known ? p[1] : -1.0f;
        }
    }
    std::vector<std::vector<float>> bands;
    for (int b = 0; b < image.bandCount(); ++b) {
        const cv::Mat1f source(height, width, const_cast<float*>(image.band(b).data()));
        cv::Mat1f warped;
        cv::remap(source, warped, mapX, mapY, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(std::nan("")));
        bands.emplace_back(warped.begin(), warped.end());
    }
    LayerInfo info = image.info();
    info.name = compensatedName(info.name);
    return std::make_shared<RasterLayer>(std::move(info), m_grid, std::move(bands));
}

} // namespace banquise::scene
