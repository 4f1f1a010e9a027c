// Writes the fuzzers' seeds: a small synthetic scene of every sensor (8 km,
// a TOPS SLC among its SAR products), whose files seed each reader's
// harness, and a project file labelling it (FOLDER/study.banquise).
#include "labeling/ProjectStore.h"
#include "scene/SceneReader.h"
#include "scene/synthetic/SyntheticScene.h"

#include <cstdio>
#include <exception>
#include <filesystem>

namespace {

void writeProject(const std::string& sceneFolder)
{
    using namespace banquise::labeling;
    ProjectStore store((std::filesystem::path(sceneFolder) / "study.banquise").string());
    const banquise::scene::Scene header = banquise::scene::readSceneHeader(sceneFolder);
    const std::int64_t scene = store.addScene({0, sceneFolder, header.name(), header.grid()});
    Annotation stroke;
    stroke.sceneId = scene;
    stroke.radius = 3.0;
    stroke.points = {{10.5, 12.5}, {40.0, 18.0}, {55.0, 60.0}};
    stroke.author = "fuzz";
    Annotation click = stroke;
    click.kind = AnnotationKind::Click;
    click.label = LabelCode::OpenLead;
    click.positive = false;
    click.points = {{20.5, 30.5}};
    Annotation polygon = stroke;
    polygon.kind = AnnotationKind::Polygon;
    polygon.label = LabelCode::RefrozenLead;
    polygon.points = {{1, 1}, {30, 1}, {30, 20}, {1, 20}};
    store.addAnnotations({stroke, click, polygon});
    ModelVersion model;
    model.name = "seed";
    model.weightsPath = "model.pt";
    model.metrics["miou_holdout"] = 0.5;
    const std::int64_t version = store.addModelVersion(model);
    const std::int64_t session = store.startActiveLearningSession(scene, "entropy", 256);
    store.addActiveLearningRound({0, session, 0, 3, version, 0.0});
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seed_scene FOLDER\n");
        return 2;
    }
    banquise::scene::synthetic::SynthOptions options;
    options.sizeKm = 8.0;
    options.buoys = 3;
    try {
        std::filesystem::remove_all(argv[1]);
        banquise::scene::synthetic::writeSyntheticScene(options, argv[1]);
        writeProject(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_seed_scene: %s\n", e.what());
        return 1;
    }
    return 0;
}
