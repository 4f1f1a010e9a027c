#include "scene/DriftCompensation.h"

#include "scene/AnalysisGrid.h"
#include "scene/MotionField.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "scene/SwathLayer.h"

#include "scene/SceneError.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace banquise::scene {

namespace {
const std::string kCompensatedSuffix = " (drift-compensated)";
}

std::string compensatedName(const std::string& name)
{
    return name + kCompensatedSuffix;
}

bool isCompensatedName(const std::string& name)
{
    return name.size() > kCompensatedSuffix.size()
        && name.compare(name.size() - kCompensatedSuffix.size(), kCompensatedSuffix.size(), kCompensatedSuffix) == 0;
}

std::pair<std::shared_ptr<const RasterLayer>, std::shared_ptr<const RasterLayer>> sarDatePair(const Scene& scene)
{
    std::shared_ptr<const RasterLayer> first;
    for (const auto& layer : scene.layers()) {
        auto raster = std::dynamic_pointer_cast<const RasterLayer>(layer);
        if (!raster || layer->kind() != LayerKind::Raster || layer->info().quantity != Quantity::Sigma0)
            continue;
        if (!first)
            first = raster;
        else if (raster->info().time > first->info().time)
            return {first, raster};
    }
    throw SceneError("", "the scene has no two SAR sigma0 layers acquired at different times");
}

MapPoint driftDisplacement(const MotionField& field, const AnalysisGrid& grid, const MapPoint& position)
{
    double col = 0.0;
    double row = 0.0;
    grid.mapToPixel(position, col, row);
    double dx = 0.0;
    double dy = 0.0;
    field.displacementAt(col - 0.5, row - 0.5, dx, dy); // lattice positions are pixel indices, mapToPixel's centres +0.5
    return {dx * grid.pixelSize(), -dy * grid.pixelSize()};
}

DriftCompensation::DriftCompensation(const MotionField& field, const AnalysisGrid& grid, double referenceTime, double secondTime)
    : m_field(field), m_grid(grid), m_referenceTime(referenceTime), m_secondTime(secondTime)
{
    if (!(secondTime > referenceTime))
        throw SceneError("", "drift compensation needs a second SAR date after the reference date");
}

namespace {
constexpr double kMinimumReach = 12.0 * 3600.0;

double hours(double seconds)
{
    return seconds / 3600.0;
}
} // namespace

bool DriftCompensation::reaches(double time) const
{
    const double reach = std::max(kMinimumReach, m_secondTime - m_referenceTime);
    return time >= m_referenceTime - reach && time <= m_secondTime + reach;
}

void DriftCompensation::requireReach(const LayerInfo& info) const
{
    if (reaches(info.time))
        return;
    const double away = info.time < m_referenceTime ? m_referenceTime - info.time : info.time - m_secondTime;
    char reason[256];
    std::snprintf(reason, sizeof reason, "acquired %s, %.0f h from the SAR dates (%s, %s): drift compensation reaches %.0f h",
                  formatUtc(info.time).c_str(), hours(away), formatUtc(m_referenceTime).c_str(), formatUtc(m_secondTime).c_str(),
                  hours(std::max(kMinimumReach, m_secondTime - m_referenceTime)));
    throw SceneError(info.sourceFile.empty() ? info.name : info.sourceFile, reason);
}

MapPoint DriftCompensation::toReferenceTime(const MapPoint& position, double time) const
{
    // Solve p = p0 + a * D(p0) for p0 by fixed-point iteration: the field is
    // smooth and a * |grad D| is small, so a few steps converge.
    const double a = (time - m_referenceTime) / (m_secondTime - m_referenceTime);
    MapPoint origin = position;
    for (int step = 0; step < 6; ++step) {
        const MapPoint d = driftDisplacement(m_field, m_grid, origin);
        origin = {position.x - a * d.x, position.y - a * d.y};
    }
    return origin;
}

std::shared_ptr<TrackLayer> DriftCompensation::compensate(const TrackLayer& track) const
{
    requireReach(track.info());
    std::vector<TrackRecord> records = track.records();
    for (TrackRecord& r : records) {
        r.position = toReferenceTime(r.position, r.time);
        r.lonLat = m_grid.toLonLat(r.position);
    }
    LayerInfo info = track.info();
    info.name = compensatedName(info.name);
    return std::make_shared<TrackLayer>(std::move(info), std::move(records), track.footprint());
}

std::shared_ptr<Layer> DriftCompensation::compensate(const RasterLayer& image) const
{
    if (!image.grid().sameGeometry(m_grid))
        throw SceneError(image.info().sourceFile, "drift compensation needs the layer on the analysis grid");
    requireReach(image.info());
    const double a = (image.info().time - m_referenceTime) / (m_secondTime - m_referenceTime);
    const int width = m_grid.width();
    const int height = m_grid.height();
    std::vector<std::vector<float>> bands(image.bandCount(), std::vector<float>(static_cast<std::size_t>(width) * height, std::nanf("")));
    for (int row = 0; row < height; ++row)
        for (int col = 0; col < width; ++col) {
            // Forward: the ice of this cell at the reference time is at
            // cell + a * D(cell) when the image was taken.
            double dx = 0.0;
            double dy = 0.0;
            m_field.displacementAt(col, row, dx, dy);
            const int c = static_cast<int>(std::lround(col + a * dx));
            const int r = static_cast<int>(std::lround(row + a * dy));
            if (c < 0 || r < 0 || c >= width || r >= height)
                continue;
            for (int b = 0; b < image.bandCount(); ++b)
                bands[b][static_cast<std::size_t>(row) * width + col] = image.value(b, c, r);
        }
    LayerInfo info = image.info();
    info.name = compensatedName(info.name);
    if (const auto* swath = dynamic_cast<const SwathLayer*>(&image)) {
        std::vector<MapPolygon> outlines;
        for (const MapPolygon& side : swath->footprints()) {
            MapPolygon moved;
            for (const MapPoint& p : side)
                moved.push_back(toReferenceTime(p, image.info().time));
            outlines.push_back(std::move(moved));
        }
        return std::make_shared<SwathLayer>(std::move(info), m_grid, std::move(bands), std::move(outlines));
    }
    return std::make_shared<RasterLayer>(std::move(info), m_grid, std::move(bands));
}

} // namespace banquise::scene
