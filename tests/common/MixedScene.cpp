#include "common/MixedScene.h"

#include "scene/RasterLayer.h"
#include "scene/SwathLayer.h"
#include "scene/TrackLayer.h"
#include "scene/UtcTime.h"

#include <cmath>
#include <random>

namespace banquise::tests {

scene::Scene makeMixedScene(unsigned seed)
{
    using namespace scene;
    const int size = 128;
    const AnalysisGrid probe(3413, 0.0, 0.0, 100.0, 1, 1);
    const MapPoint centre = probe.fromLonLat({-60.0, 84.5});
    const AnalysisGrid grid(3413, std::round(centre.x - 6400.0), std::round(centre.y + 6400.0), 100.0, size, size);
    const double t0 = *parseUtc("2024-03-14T07:42:10Z");
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    const std::size_t n = static_cast<std::size_t>(size) * size;

    Scene s("mixed scene (seed " + std::to_string(seed) + ")", grid);
    s.setReferenceTime(t0);
    std::vector<float> sigma0(n);
    for (auto& v : sigma0)
        v = 0.01f + 0.05f * uniform(rng);
    s.addLayer(std::make_shared<RasterLayer>(LayerInfo{"S1 HH sigma0", "Sentinel-1", "linear", Quantity::Sigma0, t0, ""}, grid,
                                             std::vector<std::vector<float>>{sigma0}));
    std::vector<std::vector<float>> rgb(3, std::vector<float>(n));
    for (auto& band : rgb)
        for (auto& v : band)
            v = 0.5f + 0.4f * uniform(rng);
    s.addLayer(std::make_shared<RasterLayer>(LayerInfo{"S2 RGB", "Sentinel-2", "reflectance", Quantity::Reflectance, t0 + 7200.0, ""},
                                             grid, rgb));
    const AnalysisGrid cells(3413, grid.originX(), grid.originY(), 6250.0, 3, 3);
    std::vector<float> percent(9);
    for (auto& v : percent)
        v = std::round(80.0f + 20.0f * uniform(rng));
    s.addLayer(std::make_shared<RasterLayer>(LayerInfo{"AMSR-2 SIC", "AMSR-2", "%", Quantity::SeaIceConcentration, t0 - 10800.0, ""},
                                             cells, std::vector<std::vector<float>>{percent}));
    const AnalysisGrid swathGrid(3413, grid.originX(), grid.originY(), 250.0, 52, 52);
    std::vector<float> swath(52 * 52, std::nanf(""));
    for (int r = 0; r < 52; ++r)
        for (int c = 0; c < 52; ++c)
            if (c < 20 || c > 30)
                swath[static_cast<std::size_t>(r) * 52 + c] = 0.3f * uniform(rng);
    const MapExtent e = grid.extent();
    std::vector<MapPolygon> sides{{{e.xMin, e.yMin}, {e.xMin + 5000.0, e.yMin}, {e.xMin + 5000.0, e.yMax}, {e.xMin, e.yMax}},
                                  {{e.xMin + 7500.0, e.yMin}, {e.xMax, e.yMin}, {e.xMax, e.yMax}, {e.xMin + 7500.0, e.yMax}}};
    s.addLayer(std::make_shared<SwathLayer>(LayerInfo{"SWOT freeboard", "SWOT", "m", Quantity::Freeboard, t0 + 18000.0, ""}, swathGrid,
                                            std::vector<std::vector<float>>{swath}, sides));
    std::vector<TrackRecord> records;
    for (int i = 0; i < 40; ++i) {
        TrackRecord r;
        r.position = {e.xMin + 500.0 + 300.0 * i, e.yMin + 1000.0 + 250.0 * i};
        r.lonLat = grid.toLonLat(r.position);
        r.time = t0 + 5400.0 + 0.05 * i;
        r.value = 0.4f * uniform(rng);
        r.sigma = 0.1f;
        r.surface = i % 5 == 0 ? SurfaceType::Lead : SurfaceType::Floe;
        records.push_back(r);
    }
    s.addLayer(std::make_shared<TrackLayer>(LayerInfo{"CryoSat-2 freeboard", "CryoSat-2", "m", Quantity::Freeboard, t0 + 5400.0, ""},
                                            std::move(records), Footprint{300.0, 1600.0}));
    return s;
}

} // namespace banquise::tests
