#include "scene/SampleScene.h"

#include "scene/RasterLayer.h"
#include "scene/SceneError.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

namespace banquise::scene {

namespace {

enum SurfaceCode : unsigned char { kOpenLead = 0, kRefrozenLead = 1, kFloe = 2 };

struct IceTruth {
    cv::Mat1b surface;   // SurfaceCode
    cv::Mat1f freeboard; // metres
    cv::Mat1f roughness; // 0..1
};

cv::Mat1f smoothNoise(int size, double sigmaPixels, std::mt19937& rng)
{
    std::normal_distribution<float> normal(0.0f, 1.0f);
    cv::Mat1f noise(size, size);
    for (auto& v : noise)
        v = normal(rng);
    cv::GaussianBlur(noise, noise, cv::Size(), sigmaPixels);
    cv::normalize(noise, noise, 0.0, 1.0, cv::NORM_MINMAX);
    return noise;
}

// Voronoi floes (OpenCV's labelled distance transform) separated by leads
// whose width follows a heavy-tailed law, some of them refrozen.
IceTruth makeIce(int size, std::mt19937& rng)
{
    const int floeCount = std::max(8, size * size / 2500);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    cv::Mat1b seeds(size, size, static_cast<unsigned char>(255));
    for (int i = 0; i < floeCount; ++i)
        seeds(static_cast<int>(uniform(rng) * (size - 1)), static_cast<int>(uniform(rng) * (size - 1))) = 0;
    cv::Mat1f distance;
    cv::Mat1i labels;
    cv::distanceTransform(seeds, distance, labels, cv::DIST_L2, cv::DIST_MASK_5, cv::DIST_LABEL_PIXEL);

    cv::Mat1b boundary(size, size, static_cast<unsigned char>(255));
    for (int r = 0; r < size - 1; ++r)
        for (int c = 0; c < size - 1; ++c)
            if (labels(r, c) != labels(r, c + 1) || labels(r, c) != labels(r + 1, c))
                boundary(r, c) = 0;
    cv::Mat1f toBoundary;
    cv::distanceTransform(boundary, toBoundary, cv::DIST_L2, cv::DIST_MASK_5);

    std::vector<float> halfWidth(floeCount + 2);
    std::vector<float> floeFreeboard(floeCount + 2);
    std::vector<bool> refrozen(floeCount + 2);
    for (std::size_t i = 0; i < halfWidth.size(); ++i) {
        halfWidth[i] = 0.4f + 0.6f / std::pow(0.05f + uniform(rng), 1.2f); // Pareto-like, ~0.5..15 px
        floeFreeboard[i] = 0.1f + 0.5f * uniform(rng);
        refrozen[i] = uniform(rng) < 0.35f;
    }
    IceTruth ice;
    ice.roughness = smoothNoise(size, size / 60.0, rng);
    ice.surface.create(size, size);
    ice.freeboard.create(size, size);
    std::normal_distribution<float> seaSurface(0.0f, 0.02f);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const int label = std::min<int>(labels(r, c), floeCount + 1);
            if (toBoundary(r, c) < halfWidth[label]) {
                ice.surface(r, c) = refrozen[label] ? kRefrozenLead : kOpenLead;
                ice.freeboard(r, c) = (refrozen[label] ? 0.04f : 0.0f) + seaSurface(rng);
            } else {
                ice.surface(r, c) = kFloe;
                ice.freeboard(r, c) = floeFreeboard[label] + 0.25f * ice.roughness(r, c);
            }
        }
    return ice;
}

std::vector<float> toVector(const cv::Mat1f& m)
{
    return std::vector<float>(m.begin(), m.end());
}

std::shared_ptr<RasterLayer> makeSigma0(const IceTruth& ice, const AnalysisGrid& grid, double time, std::mt19937& rng)
{
    const int size = ice.surface.rows;
    const double looks = 4.4; // EW GRDM equivalent number of looks
    std::gamma_distribution<float> speckle(static_cast<float>(looks), static_cast<float>(1.0 / looks));
    cv::Mat1f sigma0(size, size);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            double db = -14.0 + 5.0 * ice.roughness(r, c);
            if (ice.surface(r, c) == kOpenLead)
                db = -24.0;
            else if (ice.surface(r, c) == kRefrozenLead)
                db = -11.0; // frost flowers on young ice are bright
            db -= 4.0 * c / size; // incidence angle grows across the swath
            sigma0(r, c) = static_cast<float>(std::pow(10.0, db / 10.0)) * speckle(rng);
        }
    return std::make_shared<RasterLayer>(LayerInfo{"S1 HH sigma0", "Sentinel-1", "linear", Quantity::Sigma0, time, ""},
                                         grid, std::vector<std::vector<float>>{toVector(sigma0)});
}

std::shared_ptr<RasterLayer> makeOptical(const IceTruth& ice, const AnalysisGrid& grid, double time, std::mt19937& rng)
{
    const int size = ice.surface.rows;
    const cv::Mat1f cloud = smoothNoise(size, size / 25.0, rng);
    const float ice_rgb[3] = {0.78f, 0.81f, 0.86f};
    const float water_rgb[3] = {0.04f, 0.05f, 0.08f};
    const float young_rgb[3] = {0.32f, 0.36f, 0.42f};
    std::vector<std::vector<float>> bands(3, std::vector<float>(static_cast<std::size_t>(size) * size));
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const unsigned char s = ice.surface(r, c);
            const float cover = std::clamp((cloud(r, c) - 0.62f) / 0.15f, 0.0f, 1.0f);
            for (int b = 0; b < 3; ++b) {
                float v = s == kFloe ? ice_rgb[b] - 0.08f * ice.roughness(r, c) : s == kOpenLead ? water_rgb[b] : young_rgb[b];
                v = (1.0f - cover) * v + cover * 0.92f;
                bands[b][static_cast<std::size_t>(r) * size + c] = v;
            }
        }
    return std::make_shared<RasterLayer>(LayerInfo{"S2 RGB", "Sentinel-2", "reflectance", Quantity::Reflectance, time, ""},
                                         grid, std::move(bands));
}

std::shared_ptr<RasterLayer> makeConcentration(const IceTruth& ice, const AnalysisGrid& grid, double time, std::mt19937& rng)
{
    const double cellSize = 6250.0;
    const int cells = static_cast<int>(std::ceil(grid.width() * grid.pixelSize() / cellSize));
    const AnalysisGrid coarse(grid.epsg(), grid.originX(), grid.originY(), cellSize, cells, cells);
    std::vector<double> iceSum(static_cast<std::size_t>(cells) * cells, 0.0);
    std::vector<int> count(iceSum.size(), 0);
    for (int r = 0; r < ice.surface.rows; ++r)
        for (int c = 0; c < ice.surface.cols; ++c) {
            int cc = 0;
            int cr = 0;
            coarse.pixelAt(grid.pixelCentre(c, r), cc, cr);
            const std::size_t i = static_cast<std::size_t>(cr) * cells + cc;
            iceSum[i] += ice.surface(r, c) == kOpenLead ? 0.0 : 1.0;
            ++count[i];
        }
    std::normal_distribution<float> noise(0.0f, 3.0f);
    std::vector<float> percent(iceSum.size());
    for (std::size_t i = 0; i < percent.size(); ++i)
        percent[i] = count[i] ? std::clamp(static_cast<float>(100.0 * iceSum[i] / count[i]) + noise(rng), 0.0f, 100.0f) : std::nanf("");
    return std::make_shared<RasterLayer>(
        LayerInfo{"AMSR-2 SIC", "AMSR-2", "%", Quantity::SeaIceConcentration, time, ""}, coarse,
        std::vector<std::vector<float>>{percent});
}

std::shared_ptr<TrackLayer> makeTrack(const IceTruth& ice, const AnalysisGrid& grid, double time, std::mt19937& rng)
{
    const MapExtent e = grid.extent();
    const MapPoint start{e.xMin + 0.08 * e.width(), e.yMin + 0.1 * e.height()};
    const MapPoint end{e.xMin + 0.85 * e.width(), e.yMax - 0.05 * e.height()};
    const double length = std::hypot(end.x - start.x, end.y - start.y);
    const double spacing = 300.0; // 20 Hz records
    std::normal_distribution<float> noise(0.0f, 0.03f);
    std::vector<TrackRecord> records;
    for (double s = 0.0; s <= length; s += spacing) {
        TrackRecord r;
        r.position = {start.x + (end.x - start.x) * s / length, start.y + (end.y - start.y) * s / length};
        int col = 0;
        int row = 0;
        if (!grid.pixelAt(r.position, col, row))
            continue;
        r.lonLat = grid.toLonLat(r.position);
        r.time = time + s / 7000.0; // ground speed ~7 km/s
        r.sigma = 0.03f;
        r.value = ice.freeboard(row, col) + noise(rng);
        r.surface = ice.surface(row, col) == kFloe ? SurfaceType::Floe : SurfaceType::Lead;
        records.push_back(r);
    }
    return std::make_shared<TrackLayer>(LayerInfo{"CryoSat-2 freeboard", "CryoSat-2", "m", Quantity::Freeboard, time, ""},
                                        std::move(records), Footprint{300.0, 1600.0});
}

std::shared_ptr<SwathLayer> makeSwath(const IceTruth& ice, const AnalysisGrid& grid, double time, std::mt19937& rng)
{
    const double swotPixel = 250.0;
    const int cells = static_cast<int>(std::ceil(grid.width() * grid.pixelSize() / swotPixel));
    const AnalysisGrid swathGrid(grid.epsg(), grid.originX(), grid.originY(), swotPixel, cells, cells);
    cv::Mat1f averaged;
    cv::resize(ice.freeboard, averaged, cv::Size(cells, cells), 0, 0, cv::INTER_AREA);

    // Nadir runs along a steep line near the left edge; KaRIn sees 10-60 km either side.
    const MapExtent e = grid.extent();
    const MapPoint nadir{e.xMin + 0.3 * e.width(), e.yMin};
    const MapPoint along{0.2588, 0.9659}; // 15 degrees from grid north
    const MapPoint across{along.y, -along.x};
    std::normal_distribution<float> noise(0.0f, 0.02f);
    std::vector<float> values(static_cast<std::size_t>(cells) * cells, std::nanf(""));
    for (int r = 0; r < cells; ++r)
        for (int c = 0; c < cells; ++c) {
            const MapPoint p = swathGrid.pixelCentre(c, r);
            const double d = (p.x - nadir.x) * across.x + (p.y - nadir.y) * across.y;
            if (std::abs(d) >= 10000.0 && std::abs(d) <= 60000.0)
                values[static_cast<std::size_t>(r) * cells + c] = averaged(r, c) + noise(rng);
        }
    std::vector<MapPolygon> sides;
    const double reach = 2.0 * std::max(e.width(), e.height());
    for (const double sign : {-1.0, 1.0}) {
        MapPolygon side;
        for (const auto& [s, d] : {std::pair{-reach, 10000.0}, {reach, 10000.0}, {reach, 60000.0}, {-reach, 60000.0}})
            side.push_back({nadir.x + s * along.x + sign * d * across.x, nadir.y + s * along.y + sign * d * across.y});
        sides.push_back(side);
    }
    return std::make_shared<SwathLayer>(LayerInfo{"SWOT freeboard", "SWOT", "m", Quantity::Freeboard, time, ""},
                                        swathGrid, std::move(values), std::move(sides));
}

} // namespace

Scene makeSampleScene(const SampleSceneOptions& options)
{
    if (options.sizePixels < 64 || options.sizePixels > 20000 || !(options.pixelSize > 0.0))
        throw SceneError("", "sample scene size must be 64..20000 pixels with a positive pixel size");
    const AnalysisGrid probe(3413, 0.0, 0.0, options.pixelSize, 1, 1);
    const MapPoint centre = probe.fromLonLat(options.centre);
    const double half = 0.5 * options.sizePixels * options.pixelSize;
    const AnalysisGrid grid(3413, std::round(centre.x - half), std::round(centre.y + half), options.pixelSize,
                            options.sizePixels, options.sizePixels);

    std::mt19937 rng(options.seed);
    const IceTruth ice = makeIce(options.sizePixels, rng);
    const double t0 = *parseUtc("2024-03-14T07:42:10Z");
    Scene scene("Sample scene (seed " + std::to_string(options.seed) + ")", grid);
    scene.setReferenceTime(t0);
    scene.addLayer(makeSigma0(ice, grid, t0, rng));
    scene.addLayer(makeOptical(ice, grid, t0 + 2.0 * 3600.0, rng));
    scene.addLayer(makeConcentration(ice, grid, t0 - 3.0 * 3600.0, rng));
    scene.addLayer(makeSwath(ice, grid, t0 + 5.0 * 3600.0, rng));
    scene.addLayer(makeTrack(ice, grid, t0 + 1.5 * 3600.0, rng));
    return scene;
}

} // namespace banquise::scene
