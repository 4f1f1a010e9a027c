#include "labeling/LabelFiles.h"

#include "labeling/LabelClass.h"
#include "labeling/LabelLayer.h"
#include "labeling/LabelSession.h"
#include "scene/ClassMapFiles.h"
#include "scene/SceneError.h"

#include <QFileInfo>

namespace banquise::labeling {

namespace {

std::vector<scene::ClassName> classNames()
{
    std::vector<scene::ClassName> names;
    for (const auto& c : labelClasses())
        names.push_back({static_cast<int>(c.code), c.name, c.colour[0], c.colour[1], c.colour[2]});
    return names;
}

bool isLabelCode(int code)
{
    for (const auto& c : labelClasses())
        if (static_cast<int>(c.code) == code)
            return true;
    return false;
}

} // namespace

void exportLabelsGeoTiff(const LabelLayer& labels, const std::string& path)
{
    scene::writeClassGeoTiff(path, labels.grid(), labels.toDense(), LabelLayer::kUnlabelled, classNames());
}

void exportLabelsGeoPackage(const LabelLayer& labels, const std::string& path)
{
    scene::writeClassPolygons(path, labels.grid(), labels.toDense(), LabelLayer::kUnlabelled, classNames());
}

std::size_t importLabels(LabelSession& session, const std::string& path)
{
    std::map<std::string, int> codesByName;
    for (const auto& c : labelClasses())
        codesByName[c.name] = static_cast<int>(c.code);
    const auto polygons = scene::readClassPolygons(path, session.layer()->grid(), codesByName, LabelLayer::kUnlabelled);
    std::vector<Annotation> annotations;
    for (const auto& polygon : polygons) {
        if (!isLabelCode(polygon.code))
            throw scene::SceneError(path, "class code " + std::to_string(polygon.code) +
                                              " is not a Banquise class (0 unknown, 1 floe, 2 open lead, 3 refrozen lead)");
        Annotation a;
        a.kind = AnnotationKind::Polygon;
        a.label = static_cast<LabelCode>(polygon.code);
        for (const auto& [column, row] : polygon.points)
            a.points.push_back({column, row});
        annotations.push_back(std::move(a));
    }
    const QString name = QFileInfo(QString::fromStdString(path)).fileName();
    return session.importAnnotations(std::move(annotations), QObject::tr("import %1").arg(name));
}

} // namespace banquise::labeling
