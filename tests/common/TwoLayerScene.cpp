#include "common/TwoLayerScene.h"

#include "scene/RasterLayer.h"
#include "scene/SceneReader.h"
#include "scene/SceneWriter.h"
#include "scene/TrackLayer.h"

#include <cmath>

namespace banquise::tests {

scene::Scene writeAndReadTwoLayerScene(const std::string& folder)
{
    const int size = 200;
    const scene::AnalysisGrid grid(3413, -100000.0, -800000.0, 100.0, size, size);
    std::vector<float> values(static_cast<std::size_t>(size) * size);
    for (int row = 0; row < size; ++row)
        for (int col = 0; col < size; ++col)
            values[static_cast<std::size_t>(row) * size + col] = row < 60 && col < 60 ? std::nanf("") : (col < size / 2 ? 0.0f : 1.0f);
    scene::Scene scene("two layers", grid);
    scene.addLayer(std::make_shared<scene::RasterLayer>(scene::LayerInfo{"halves", "test", "", scene::Quantity::Other, 0.0, ""},
                                                        grid, std::vector<std::vector<float>>{values}));
    std::vector<scene::TrackRecord> records;
    for (int col = 20; col < 180; col += 3) {
        scene::TrackRecord r;
        r.position = grid.pixelCentre(col, kTrackRow);
        r.lonLat = grid.toLonLat(r.position);
        r.value = 0.5f;
        r.surface = scene::SurfaceType::Floe;
        records.push_back(r);
    }
    scene.addLayer(std::make_shared<scene::TrackLayer>(scene::LayerInfo{"track", "test", "m", scene::Quantity::Freeboard, 0.0, ""},
                                                       std::move(records), scene::Footprint{300.0, 1600.0}));
    scene::writeScene(scene, folder);
    return scene::readScene(folder).scene;
}

} // namespace banquise::tests
