#include "scene/SwotReader.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"

#include <gdal_alg.h>
#include <gdal_priv.h>

#include <cmath>
#include <memory>

namespace banquise::scene {

namespace {
constexpr double kSwotPixel = 250.0;
constexpr double kSecondsFrom1970To2000 = 946684800.0;
constexpr const char* kCrossTrackVariable = "cross_track_distance";
} // namespace

SwotOnGrid readSwotSwath(const std::string& file, const AnalysisGrid& grid, const std::string& heightVariable,
                         const std::string& qualityVariable)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        throw SceneError(file, std::string("cannot open as netCDF (") + GdalSession::lastError() + ")");
    std::vector<double> xs;
    std::vector<double> ys;
    std::vector<double> zs;
    std::vector<double> distances; // cross-track, when every side has them
    bool haveDistances = true;
    SwotOnGrid out;
    double timeSum = 0.0;
    std::size_t timeCount = 0;
    std::size_t flagged = 0;
    for (const char* sideName : {"left", "right"}) {
        auto side = ds->GetRootGroup()->OpenGroup(sideName);
        if (!side)
            throw SceneError(file, std::string("has no '") + sideName + "' swath group (not a SWOT L2 LR product?)");
        const PhysicalArray lat = readPhysical(side, "latitude", file);
        const PhysicalArray lon = readPhysical(side, "longitude", file);
        const PhysicalArray height = readPhysical(side, heightVariable, file);
        const PhysicalArray quality = readPhysical(side, qualityVariable, file);
        const PhysicalArray time = readPhysical(side, "time", file);
        haveDistances = haveDistances && side->OpenMDArray(kCrossTrackVariable) != nullptr;
        const PhysicalArray crossTrack = haveDistances ? readPhysical(side, kCrossTrackVariable, file) : PhysicalArray{};
        if (haveDistances && crossTrack.values.size() != lat.values.size())
            throw SceneError(file, std::string("the ") + sideName + " cross_track_distance does not match the swath shape");
        if (lat.shape.size() != 2 || lat.values.size() != height.values.size() || lat.values.size() != quality.values.size())
            throw SceneError(file, std::string("the ") + sideName + " swath arrays do not share one 2-D shape");
        const std::size_t lines = lat.shape[0];
        const std::size_t pixels = lat.shape[1];
        for (double t : time.values)
            if (std::isfinite(t)) {
                timeSum += t + kSecondsFrom1970To2000;
                ++timeCount;
            }
        for (std::size_t i = 0; i < lat.values.size(); ++i) {
            if (!std::isfinite(height.values[i]) || !std::isfinite(lat.values[i]) || quality.values[i] != 0.0) {
                flagged += std::isfinite(height.values[i]) ? 1 : 0;
                continue;
            }
            const MapPoint p = grid.fromLonLat({lon.values[i], lat.values[i]});
            xs.push_back(p.x);
            ys.push_back(p.y);
            zs.push_back(height.values[i]);
            if (haveDistances)
                distances.push_back(crossTrack.values[i]);
        }
        // Outline through the outer pixel centres, first column down, last column up.
        MapPolygon outline;
        auto corner = [&](std::size_t line, std::size_t pixel) {
            const std::size_t i = line * pixels + pixel;
            return grid.fromLonLat({lon.values[i], lat.values[i]});
        };
        for (std::size_t l = 0; l < lines; l += std::max<std::size_t>(1, lines / 16))
            outline.push_back(corner(l, 0));
        outline.push_back(corner(lines - 1, 0));
        for (std::size_t l = lines; l-- > 0;)
            if (l == lines - 1 || l % std::max<std::size_t>(1, lines / 16) == 0)
                outline.push_back(corner(l, pixels - 1));
        out.sides.push_back(outline);
    }
    if (zs.empty())
        throw SceneError(file, flagged > 0 ? "every SWOT pixel is flagged bad" : "SWOT swath has no valid pixel");

    // Nearest good swath pixel within its footprint (GDAL's gridding);
    // y runs from the top row down, so the grid comes out north-up.
    const auto gridded = [&](const std::vector<double>& values) {
        GDALGridNearestNeighborOptions options{};
        options.nSizeOfStructure = sizeof(options);
        options.dfRadius1 = 0.75 * kSwotPixel;
        options.dfRadius2 = 0.75 * kSwotPixel;
        options.dfNoDataValue = std::nan("");
        std::vector<float> onGrid(static_cast<std::size_t>(grid.width()) * grid.height(), std::nanf(""));
        const MapExtent e = grid.extent();
        if (GDALGridCreate(GGA_NearestNeighbor, &options, static_cast<GUInt32>(values.size()), xs.data(), ys.data(), values.data(),
                           e.xMin, e.xMax, e.yMax, e.yMin, grid.width(), grid.height(), GDT_Float32, onGrid.data(), nullptr, nullptr)
            != CE_None)
            throw SceneError(file, std::string("cannot grid the swath (") + GdalSession::lastError() + ")");
        return onGrid;
    };
    out.height = gridded(zs);
    bool any = false;
    for (float v : out.height)
        any = any || std::isfinite(v);
    if (!any)
        throw SceneError(file, "SWOT swath does not overlap the analysis grid");
    if (haveDistances)
        out.crossTrackDistance = gridded(distances);
    out.meanTime = timeCount ? timeSum / timeCount : 0.0;
    return out;
}

} // namespace banquise::scene
