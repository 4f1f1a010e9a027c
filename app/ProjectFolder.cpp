#include "app/ProjectFolder.h"

#include "scene/AnalysisGrid.h"
#include "scene/SceneAssembly.h"

#include <QDir>
#include <QStandardPaths>

namespace banquise::app {

QString writeProject(const std::vector<scene::DetectedProduct>& products, const QString& name, int epsg, double pixelSize)
{
    const QString project = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("projects/" + name);
    scene::writeSceneManifest(products, scene::gridForProducts(products, epsg, pixelSize), name.toStdString(), project.toStdString());
    return project;
}

} // namespace banquise::app
