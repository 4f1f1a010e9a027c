#include "app/LabelingWorkbench.h"

#include "app/JobRunner.h"
#include "labeling/LabelFiles.h"
#include "labeling/LabelLayer.h"
#include "labeling/LabelSession.h"
#include "labeling/ProjectError.h"
#include "labeling/ProjectStore.h"
#include "scene/ImageRegions.h"
#include "scene/PyramidLayer.h"
#include "scene/RasterLayer.h"
#include "scene/Scene.h"
#include "widgets/LabelTool.h"
#include "widgets/LabelToolsPanel.h"
#include "widgets/LayerPanel.h"
#include "widgets/ViewGrid.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace banquise::app {

namespace {

QString userName()
{
    const QString name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return name.isEmpty() ? QStringLiteral("unknown") : name;
}

} // namespace

LabelingWorkbench::LabelingWorkbench(JobRunner& jobs, widgets::ViewGrid* grid, widgets::LayerPanel* layers, ProblemReport report,
                                     QObject* parent)
    : QObject(parent), m_jobs(jobs), m_grid(grid), m_layers(layers), m_report(std::move(report)), m_tool(new widgets::LabelTool(this)),
      m_panel(new widgets::LabelToolsPanel(*m_tool))
{
    m_grid->setMapTool(m_tool);
    connect(m_panel, &widgets::LabelToolsPanel::retrainRequested, this, &LabelingWorkbench::retrainRequested);
    connect(m_tool, &widgets::LabelTool::editFailed, this,
            [this](const QString& message) { m_report(tr("The label was not stored"), message); });
}

LabelingWorkbench::~LabelingWorkbench()
{
    m_grid->setMapTool(nullptr);
    endSession();
}

bool LabelingWorkbench::openProject(const QString& path)
{
    std::unique_ptr<labeling::ProjectStore> store;
    try {
        store = std::make_unique<labeling::ProjectStore>(QFileInfo(path).absoluteFilePath().toStdString());
    } catch (const labeling::ProjectError& e) {
        m_report(tr("Cannot open the project"), QString::fromStdString(e.what()));
        return false;
    }
    endSession();
    m_store = std::move(store);
    startSession();
    Q_EMIT projectOpened(QString::fromStdString(m_store->path()));
    return true;
}

void LabelingWorkbench::closeProject()
{
    endSession();
    m_store.reset();
}

void LabelingWorkbench::showScene(const scene::Scene& scene, const QString& folder)
{
    endSession();
    m_sceneFolder = folder.isEmpty() ? QString::fromStdString("scene:" + scene.name()) : folder;
    m_sceneName = QString::fromStdString(scene.name());
    m_sceneGrid = scene.grid();
    // The fill tool cuts regions out of the SAR at the reference time (the
    // first σ⁰ layer, else the first image), held whole or read by window
    // from its pyramid.
    std::shared_ptr<const scene::Layer> image;
    for (const auto& layer : scene.layers()) {
        const auto raster = std::dynamic_pointer_cast<const scene::RasterLayer>(layer);
        const auto pyramid = std::dynamic_pointer_cast<const scene::PyramidLayer>(layer);
        const bool onGrid = (raster && raster->grid().sameGeometry(scene.grid())) || (pyramid && pyramid->grid().sameGeometry(scene.grid()));
        if (onGrid && (!image || (layer->info().quantity == scene::Quantity::Sigma0 && image->info().quantity != scene::Quantity::Sigma0)))
            image = layer;
    }
    m_tool->setRegionFinder([image](labeling::PixelPoint p) {
        std::vector<std::vector<labeling::PixelPoint>> polygons;
        if (!image)
            return polygons;
        const int column = static_cast<int>(p.column);
        const int row = static_cast<int>(p.row);
        const auto pyramid = std::dynamic_pointer_cast<const scene::PyramidLayer>(image);
        for (const auto& region : pyramid ? scene::regionAround(*pyramid, column, row)
                                          : scene::regionAround(*std::static_pointer_cast<const scene::RasterLayer>(image), column, row)) {
            std::vector<labeling::PixelPoint> points;
            for (const auto& [x, y] : region.points)
                points.push_back({x, y});
            polygons.push_back(std::move(points));
        }
        return polygons;
    });
    startSession();
}

void LabelingWorkbench::endSession()
{
    if (!m_session)
        return;
    m_panel->setSession(nullptr);
    Q_EMIT sessionChanged(nullptr);
    m_grid->removeLayer(*m_session->layer());
    m_session.reset();
    m_layers->reload();
}

void LabelingWorkbench::startSession()
{
    if (!m_store || !m_sceneGrid.isValid())
        return;
    try {
        labeling::SceneRecord record{0, m_sceneFolder.toStdString(), m_sceneName.toStdString(), m_sceneGrid};
        m_session = std::make_unique<labeling::LabelSession>(*m_store, record, userName().toStdString());
    } catch (const labeling::ProjectError& e) {
        m_report(tr("Cannot label this scene"), QString::fromStdString(e.what()));
        return;
    }
    connect(m_session.get(), &labeling::LabelSession::labelsChanged, this, [this] {
        m_grid->synchroniseLayers();
        Q_EMIT labelsChanged();
    });
    connect(m_session.get(), &labeling::LabelSession::editFailed, this,
            [this](const QString& message) { m_report(tr("The edit was not stored"), message); });
    m_grid->addLayer(m_session->layer(), true);
    m_panel->setSession(m_session.get());
    Q_EMIT sessionChanged(m_session.get());
    m_layers->reload();
}

void LabelingWorkbench::exportLabelsInBackground(const QString& path)
{
    if (!m_session) {
        m_report(tr("No labels to export"), tr("Open a project and a scene first."));
        return;
    }
    // The labels as they are now: the user may go on painting meanwhile.
    const labeling::LabelLayer& shown = *m_session->layer();
    auto labels = std::make_shared<labeling::LabelLayer>(shown.info(), shown.grid());
    const std::vector<std::uint8_t> codes = shown.toDense();
    labels->setBlock(0, 0, shown.grid().width(), shown.grid().height(), codes.data());
    const bool polygons = QFileInfo(path).suffix().compare("gpkg", Qt::CaseInsensitive) == 0;
    m_jobs.start<bool>(
        {"export-labels", tr("Exporting the labels to %1").arg(QFileInfo(path).fileName())},
        [labels, path, polygons](scene::Feedback&) {
            if (polygons)
                labeling::exportLabelsGeoPackage(*labels, path.toStdString());
            else
                labeling::exportLabelsGeoTiff(*labels, path.toStdString());
            return true;
        },
        [this, path](JobEnd end, std::optional<bool>, const QString& error) {
            if (end == JobEnd::Failed)
                m_report(tr("Cannot export the labels"), error);
            if (end == JobEnd::Done)
                Q_EMIT labelsExported(path);
        });
}

bool LabelingWorkbench::importLabels(const QString& path)
{
    if (!m_session) {
        m_report(tr("Cannot import labels"), tr("Open a project and a scene first."));
        return false;
    }
    try {
        labeling::importLabels(*m_session, path.toStdString());
    } catch (const std::exception& e) {
        m_report(tr("Cannot import the labels"), QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

std::int64_t LabelingWorkbench::recordModelVersion(const std::function<bool(const QString& path)>& save)
{
    if (!m_session)
        return 0;
    const QFileInfo project(QString::fromStdString(m_store->path()));
    const QDir models(project.absolutePath() + "/" + project.completeBaseName() + "-models");
    const auto versions = m_store->modelVersions();
    const QString path = models.filePath(QString("model-%1.pt").arg(versions.size() + 1));
    if (!models.mkpath(".") || !save(path))
        return 0;
    labeling::ModelVersion version;
    version.name = tr("fine-tuned on the labels of %1").arg(m_sceneName).toStdString();
    version.weightsPath = path.toStdString();
    if (!versions.empty())
        version.parentId = versions.back().id;
    version.time = static_cast<double>(QDateTime::currentSecsSinceEpoch());
    version.metrics["labelled_pixels"] = static_cast<double>(m_session->layer()->labelledPixelCount());
    version.metrics["annotations"] = static_cast<double>(m_store->annotationCount(m_session->sceneId()));
    try {
        return m_store->addModelVersion(version);
    } catch (const labeling::ProjectError& e) {
        m_report(tr("The model version was not recorded"), QString::fromStdString(e.what()));
        return 0;
    }
}

void LabelingWorkbench::chooseExportPath()
{
    const QString path = QFileDialog::getSaveFileName(m_panel, tr("Export labels"), {},
                                                      tr("Class map GeoTIFF (*.tif);;GeoPackage polygons (*.gpkg)"));
    if (!path.isEmpty())
        exportLabelsInBackground(path);
}

void LabelingWorkbench::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(m_panel, tr("Import labels"), {},
                                                      tr("Labels (*.gpkg *.shp *.geojson *.tif *.tiff);;All files (*)"));
    if (!path.isEmpty())
        importLabels(path);
}

void LabelingWorkbench::chooseProjectToOpen()
{
    const QString path = QFileDialog::getOpenFileName(m_panel, tr("Open project"), {}, tr("Banquise projects (*.banquise);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void LabelingWorkbench::chooseProjectToCreate()
{
    QString path = QFileDialog::getSaveFileName(m_panel, tr("New project"), {}, tr("Banquise projects (*.banquise)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".banquise";
    openProject(path);
}

} // namespace banquise::app
