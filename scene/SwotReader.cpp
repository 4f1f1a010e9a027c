#include "scene/SwotReader.h"

#include "scene/AnalysisGrid.h"
#include "scene/GdalDataset.h"
#include "scene/GdalSession.h"
#include "scene/NetCdfArrays.h"
#include "scene/SceneError.h"
#include "scene/SensorProfile.h"
#include "scene/UtcTime.h"

#include <cpl_json.h>

#include <gdal_alg.h>
#include <gdal_priv.h>

#include <cmath>
#include <memory>
#include <vector>

namespace banquise::scene {

namespace {

// One way a SWOT L2 LR granule lays out its swath (assets/products/swot_l2_lr.json).
struct SwotLayout {
    std::string name;
    std::vector<std::string> groups; // "" is the root
    std::string height;
    std::string quality;
    double pixel = 0.0;
};

struct SwotProfile {
    std::string latitude, longitude, time, crossTrack;
    double timeEpoch = 0.0;
    std::vector<SwotLayout> layouts;
};

SwotProfile loadSwotProfile()
{
    const std::string file = assetsDirectory() + "/products/swot_l2_lr.json";
    CPLJSONDocument document;
    if (!document.Load(file))
        throw SceneError(file, "cannot read the SWOT L2 LR product profile");
    const CPLJSONObject root = document.GetRoot();
    SwotProfile p;
    p.latitude = root.GetString("latitude");
    p.longitude = root.GetString("longitude");
    p.time = root.GetString("time/variable");
    const auto epoch = parseUtc(root.GetString("time/epoch"));
    p.timeEpoch = epoch ? *epoch : 0.0;
    p.crossTrack = root.GetString("cross_track_distance");
    for (const CPLJSONObject& l : root.GetArray("layouts")) {
        SwotLayout layout;
        layout.name = l.GetString("name");
        for (const CPLJSONObject& g : l.GetArray("groups"))
            layout.groups.push_back(g.ToString());
        layout.height = l.GetString("height");
        layout.quality = l.GetString("quality");
        layout.pixel = l.GetDouble("pixel_m", 250.0);
        p.layouts.push_back(layout);
    }
    return p;
}

std::shared_ptr<GDALGroup> group(const std::shared_ptr<GDALGroup>& root, const std::string& name)
{
    return name.empty() ? root : root->OpenGroup(name);
}

// The first layout whose every group holds its latitude and height.
const SwotLayout* findLayout(const SwotProfile& p, const std::shared_ptr<GDALGroup>& root)
{
    for (const SwotLayout& layout : p.layouts) {
        bool all = !layout.groups.empty();
        for (const std::string& name : layout.groups) {
            const auto g = group(root, name);
            all = all && g && g->OpenMDArray(p.latitude) && g->OpenMDArray(layout.height);
        }
        if (all)
            return &layout;
    }
    return nullptr;
}
} // namespace

SwotGranule describeSwotGranule(const std::string& file)
{
    GdalSession::ensure();
    SwotGranule granule;
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    const auto root = ds ? ds->GetRootGroup() : nullptr;
    const SwotProfile p = loadSwotProfile();
    const SwotLayout* layout = root ? findLayout(p, root) : nullptr;
    if (!layout)
        return granule;
    granule.layout = layout->name;
    if (auto time = group(root, layout->groups.front())->OpenMDArray(p.time); time && time->GetDimensionCount() == 1) {
        double first = 0.0;
        const GUInt64 start = 0;
        const size_t count = 1;
        if (time->GetDimensions()[0]->GetSize() > 0
            && time->Read(&start, &count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), &first) && std::isfinite(first))
            granule.time = p.timeEpoch + first;
    }
    return granule;
}

SwotOnGrid readSwotSwath(const std::string& file, const AnalysisGrid& grid)
{
    GdalSession::ensure();
    DatasetPtr ds = openDataset(file, GDAL_OF_MULTIDIM_RASTER);
    if (!ds)
        throw SceneError(file, std::string("cannot open as netCDF (") + GdalSession::lastError() + ")");
    const SwotProfile profile = loadSwotProfile();
    const SwotLayout* layout = findLayout(profile, ds->GetRootGroup());
    if (!layout)
        throw SceneError(file, "has neither the left and right swath groups nor the root swath of a SWOT L2 LR product");
    std::vector<double> xs;
    std::vector<double> ys;
    std::vector<double> zs;
    std::vector<double> distances; // cross-track, when every side has them
    bool haveDistances = true;
    SwotOnGrid out;
    double timeSum = 0.0;
    std::size_t timeCount = 0;
    std::size_t flagged = 0;
    for (const std::string& sideName : layout->groups) {
        const auto side = group(ds->GetRootGroup(), sideName);
        const PhysicalArray lat = readPhysical(side, profile.latitude, file);
        const PhysicalArray lon = readPhysical(side, profile.longitude, file);
        const PhysicalArray height = readPhysical(side, layout->height, file);
        const PhysicalArray quality = readPhysical(side, layout->quality, file);
        const PhysicalArray time = readPhysical(side, profile.time, file);
        haveDistances = haveDistances && side->OpenMDArray(profile.crossTrack) != nullptr;
        const PhysicalArray crossTrack = haveDistances ? readPhysical(side, profile.crossTrack, file) : PhysicalArray{};
        if (haveDistances && crossTrack.values.size() != lat.values.size())
            throw SceneError(file, "the " + (sideName.empty() ? std::string("swath's") : sideName) + " cross_track_distance does not match the swath shape");
        if (lat.shape.size() != 2 || lat.values.size() != height.values.size() || lat.values.size() != quality.values.size())
            throw SceneError(file, "the " + (sideName.empty() ? std::string("swath's") : sideName) + " arrays do not share one 2-D shape");
        const std::size_t lines = lat.shape[0];
        const std::size_t pixels = lat.shape[1];
        for (double t : time.values)
            if (std::isfinite(t)) {
                timeSum += t + profile.timeEpoch;
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
        options.dfRadius1 = 0.75 * layout->pixel;
        options.dfRadius2 = 0.75 * layout->pixel;
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
