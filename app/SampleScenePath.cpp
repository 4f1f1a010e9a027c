#include "app/SampleScenePath.h"

#include "scene/synthetic/SyntheticScene.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace banquise::app {

QString bundledSampleScene()
{
    const QString besideBuild = QDir(QCoreApplication::applicationDirPath()).filePath("../sample-scene");
    if (QFileInfo::exists(besideBuild + "/scene.json"))
        return QDir::cleanPath(besideBuild);
    const QString cached = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath("sample-scene");
    if (!QFileInfo::exists(cached + "/scene.json"))
        scene::synthetic::writeSyntheticScene({}, cached.toStdString());
    return cached;
}

} // namespace banquise::app
