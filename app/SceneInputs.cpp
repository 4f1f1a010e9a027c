#include "app/SceneInputs.h"

#include "scene/SceneReader.h"

#include <cstdio>

namespace banquise::app {

models::ModelInputs loadModelInputs(const std::string& folder, models::InputUse use)
{
    const scene::LoadedScene loaded = scene::readScene(folder, nullptr, [use](scene::LayerKind kind, scene::Quantity quantity) {
        return models::usesLayer(use, kind, quantity);
    });
    for (const std::string& skipped : loaded.skippedLayers)
        std::printf("skipped    %s\n", skipped.c_str());
    models::ModelInputs inputs = models::gatherModelInputs(loaded.scene, nullptr, use);
    std::printf("inputs     %d x %d px, %zu altimeter records on %zu tracks, %d concentration cells%s\n", inputs.width(), inputs.height(),
                inputs.records.size(), inputs.trackNames.size(), inputs.concentrationCells(),
                inputs.driftCompensated ? ", drift-compensated" : "");
    if (!inputs.looks.empty()) {
        std::printf("SAR dates  %zu read beside the reference date, brought back through the drift chain:", inputs.looks.size());
        for (const models::SarLook& look : inputs.looks)
            std::printf(" %s", look.name.c_str());
        std::printf("\n");
    }
    for (const std::string& note : inputs.notes)
        std::printf("note       %s\n", note.c_str());
    return inputs;
}

} // namespace banquise::app
