#include "app/LabelCommands.h"

#include "app/SceneKey.h"
#include "labeling/LabelFiles.h"
#include "labeling/LabelSession.h"
#include "labeling/ProjectStore.h"
#include "scene/SceneReader.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace banquise::app {

namespace {

struct Labelled {
    std::unique_ptr<labeling::ProjectStore> store;
    std::unique_ptr<labeling::LabelSession> session;
};

// The project and the scene's labels, as the GUI would open them.
Labelled openLabels(const Arguments& args, const char* command)
{
    const auto paths = leadingPaths(args);
    const std::string project = option(args, "--project", "");
    if (paths.size() != 1 || project.empty())
        throw std::invalid_argument(std::string(command) + " needs SCENE and --project FILE");
    const scene::Scene header = scene::readSceneHeader(paths[0]);
    Labelled labelled;
    labelled.store = std::make_unique<labeling::ProjectStore>(project);
    const labeling::SceneRecord record{0, sceneFolderOf(paths[0]), header.name(), header.grid()};
    labelled.session = std::make_unique<labeling::LabelSession>(*labelled.store, record, "banquise-cli");
    return labelled;
}

} // namespace

int labelExportCommand(const Arguments& args)
{
    const std::string out = option(args, "--out", "");
    if (out.empty())
        throw std::invalid_argument("label-export needs --out FILE.tif or FILE.gpkg");
    const auto labelled = openLabels(args, "label-export");
    const auto& layer = *labelled.session->layer();
    const std::string extension = std::filesystem::path(out).extension().string();
    if (extension == ".gpkg")
        labeling::exportLabelsGeoPackage(layer, out);
    else if (extension == ".tif" || extension == ".tiff")
        labeling::exportLabelsGeoTiff(layer, out);
    else
        throw std::invalid_argument("label-export writes .tif (class map) or .gpkg (polygons), not '" + extension + "'");
    std::printf("%lld annotations, %zu labelled pixels written to %s\n",
                static_cast<long long>(labelled.store->annotationCount(labelled.session->sceneId())), layer.labelledPixelCount(),
                out.c_str());
    return 0;
}

int labelImportCommand(const Arguments& args)
{
    const std::string file = option(args, "--file", "");
    if (file.empty())
        throw std::invalid_argument("label-import needs --file FILE");
    const auto labelled = openLabels(args, "label-import");
    const std::size_t polygons = labeling::importLabels(*labelled.session, file);
    std::printf("%zu polygons imported from %s; the scene now has %zu labelled pixels\n", polygons, file.c_str(),
                labelled.session->layer()->labelledPixelCount());
    return 0;
}

} // namespace banquise::app
