#include "labeling/ProjectStore.h"

#include "labeling/ProjectError.h"
#include "labeling/ProjectSchema.h"
#include "labeling/SqliteDatabase.h"
#include "scene/UtcTime.h"

#include <cmath>
#include <cstring>
#include <filesystem>

namespace banquise::labeling {

namespace {

// Points as consecutive float64 (column, row) pairs in the machine's byte
// order (little-endian on every platform Banquise builds for).
std::vector<unsigned char> packPoints(const std::vector<PixelPoint>& points)
{
    std::vector<unsigned char> bytes(points.size() * 2 * sizeof(double));
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double pair[2] = {points[i].column, points[i].row};
        std::memcpy(bytes.data() + i * sizeof pair, pair, sizeof pair);
    }
    return bytes;
}

std::vector<PixelPoint> unpackPoints(const std::vector<unsigned char>& bytes)
{
    std::vector<PixelPoint> points(bytes.size() / (2 * sizeof(double)));
    for (std::size_t i = 0; i < points.size(); ++i) {
        double pair[2];
        std::memcpy(pair, bytes.data() + i * sizeof pair, sizeof pair);
        points[i] = {pair[0], pair[1]};
    }
    return points;
}

double timeOf(const std::string& iso)
{
    return scene::parseUtc(iso).value_or(0.0);
}

void bindOptional(SqliteStatement& statement, int index, const std::optional<std::int64_t>& value)
{
    if (value)
        statement.bind(index, *value);
    else
        statement.bindNull(index);
}

std::optional<std::int64_t> optionalInteger(const SqliteStatement& statement, int column)
{
    return statement.isNull(column) ? std::nullopt : std::optional<std::int64_t>(statement.integer(column));
}

SqliteDatabase::Mode modeFor(ProjectStore::Access access)
{
    return access == ProjectStore::Access::ReadOnly ? SqliteDatabase::Mode::ReadOnly : SqliteDatabase::Mode::ReadWriteCreate;
}

} // namespace

ProjectStore::ProjectStore(const std::string& path, Access access)
{
    if (access == Access::ReadOnly && !std::filesystem::exists(path))
        throw ProjectError(path, "no such project file");
    m_database = std::make_unique<SqliteDatabase>(path, modeFor(access));
    m_database->execute("PRAGMA foreign_keys = ON");
    if (access == Access::ReadOnly || m_database->isReadOnly()) {
        project_schema::check(*m_database);
    } else {
        // WAL: readers (a trainer) never block the writer (the GUI) and the
        // reverse; FULL syncs each commit, so even a power cut keeps it.
        m_database->execute("PRAGMA journal_mode = WAL");
        m_database->execute("PRAGMA synchronous = FULL");
        project_schema::migrate(*m_database);
    }
    SqliteStatement version(*m_database, "PRAGMA user_version");
    version.step();
    m_version = static_cast<int>(version.integer(0));
}

ProjectStore::~ProjectStore() = default;

const std::string& ProjectStore::path() const
{
    return m_database->path();
}

int ProjectStore::schemaVersion() const
{
    return m_version;
}

bool ProjectStore::isReadOnly() const
{
    return m_database->isReadOnly();
}

void ProjectStore::requireWritable() const
{
    if (isReadOnly())
        throw ProjectError(path(), "the project is open read-only: the edit was not stored");
}

std::int64_t ProjectStore::addScene(const SceneRecord& scene)
{
    if (auto existing = sceneByPath(scene.path))
        return existing->id;
    requireWritable();
    SqliteStatement insert(*m_database, "INSERT INTO scenes(path, name, epsg, origin_x, origin_y, pixel_size, width, height) "
                                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    const auto& g = scene.grid;
    insert.bind(1, scene.path).bind(2, scene.name).bind(3, std::int64_t{g.epsg()}).bind(4, g.originX()).bind(5, g.originY());
    insert.bind(6, g.pixelSize()).bind(7, std::int64_t{g.width()}).bind(8, std::int64_t{g.height()}).run();
    m_sceneCache.clear();
    return m_database->lastInsertId();
}

std::vector<SceneRecord> ProjectStore::scenes() const
{
    std::vector<SceneRecord> result;
    SqliteStatement select(*m_database, "SELECT id, path, name, epsg, origin_x, origin_y, pixel_size, width, height FROM scenes ORDER BY id");
    while (select.step()) {
        scene::AnalysisGrid grid(static_cast<int>(select.integer(3)), select.real(4), select.real(5), select.real(6),
                                 static_cast<int>(select.integer(7)), static_cast<int>(select.integer(8)));
        result.push_back({select.integer(0), select.text(1), select.text(2), grid});
    }
    return result;
}

std::optional<SceneRecord> ProjectStore::sceneByPath(const std::string& scenePath) const
{
    for (auto& s : scenes())
        if (s.path == scenePath)
            return s;
    return std::nullopt;
}

const SceneRecord& ProjectStore::sceneOf(std::int64_t sceneId) const
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        for (const auto& s : m_sceneCache)
            if (s.id == sceneId)
                return s;
        m_sceneCache = scenes(); // another connection may have added it
    }
    throw ProjectError(path(), "no scene with id " + std::to_string(sceneId) + " in the project");
}

void ProjectStore::checkAnnotation(const Annotation& a) const
{
    const auto& grid = sceneOf(a.sceneId).grid;
    if (a.points.empty())
        throw ProjectError(path(), "an annotation without points was not stored");
    for (const auto& p : a.points)
        if (!std::isfinite(p.column) || !std::isfinite(p.row) || p.column < 0 || p.row < 0 || p.column > grid.width() ||
            p.row > grid.height())
            throw ProjectError(path(), "an annotation outside the scene's grid (" + std::to_string(grid.width()) + " x " +
                                           std::to_string(grid.height()) + " pixels) was not stored");
}

std::int64_t ProjectStore::addAnnotation(const Annotation& a)
{
    return addAnnotations({a}).front();
}

std::vector<std::int64_t> ProjectStore::addAnnotations(const std::vector<Annotation>& annotations)
{
    requireWritable();
    for (const auto& a : annotations)
        checkAnnotation(a);
    SqliteTransaction transaction(*m_database);
    SqliteStatement insert(*m_database, "INSERT INTO annotations(scene_id, kind, class_code, positive, radius, points, author, "
                                        "created_utc, source, round_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<std::int64_t> ids;
    for (const auto& a : annotations) {
        insert.bind(1, a.sceneId).bind(2, toString(a.kind));
        if (a.kind == AnnotationKind::Erase)
            insert.bindNull(3);
        else
            insert.bind(3, static_cast<std::int64_t>(a.label));
        insert.bind(4, std::int64_t{a.positive ? 1 : 0}).bind(5, a.radius).bindBlob(6, packPoints(a.points));
        insert.bind(7, a.author).bind(8, scene::formatUtc(a.time)).bind(9, toString(a.source));
        bindOptional(insert, 10, a.roundId);
        insert.run();
        ids.push_back(m_database->lastInsertId());
    }
    // Durable once the commit returns (WAL, synchronous FULL).
    transaction.commit();
    return ids;
}

bool ProjectStore::removeAnnotation(std::int64_t id)
{
    return removeAnnotations({id}) > 0;
}

int ProjectStore::removeAnnotations(const std::vector<std::int64_t>& ids)
{
    requireWritable();
    SqliteTransaction transaction(*m_database);
    SqliteStatement remove(*m_database, "DELETE FROM annotations WHERE id = ?");
    int removed = 0;
    for (auto id : ids) {
        remove.bind(1, id).run();
        removed += m_database->changes();
    }
    transaction.commit();
    return removed;
}

std::vector<Annotation> ProjectStore::annotations(std::int64_t sceneId, std::int64_t afterId) const
{
    std::vector<Annotation> result;
    SqliteStatement select(*m_database, "SELECT id, kind, class_code, positive, radius, points, author, created_utc, source, round_id "
                                        "FROM annotations WHERE scene_id = ? AND id > ? ORDER BY id");
    select.bind(1, sceneId).bind(2, afterId);
    while (select.step()) {
        Annotation a;
        a.id = select.integer(0);
        a.sceneId = sceneId;
        a.kind = annotationKindFromString(select.text(1));
        a.label = select.isNull(2) ? LabelCode::Unknown : static_cast<LabelCode>(select.integer(2));
        a.positive = select.integer(3) != 0;
        a.radius = select.real(4);
        a.points = unpackPoints(select.blob(5));
        a.author = select.text(6);
        a.time = timeOf(select.text(7));
        a.source = annotationSourceFromString(select.text(8));
        a.roundId = optionalInteger(select, 9);
        result.push_back(std::move(a));
    }
    return result;
}

std::int64_t ProjectStore::annotationCount(std::int64_t sceneId) const
{
    SqliteStatement count(*m_database, "SELECT count(*) FROM annotations WHERE scene_id = ?");
    count.bind(1, sceneId).step();
    return count.integer(0);
}

std::int64_t ProjectStore::addModelVersion(const ModelVersion& version)
{
    requireWritable();
    SqliteTransaction transaction(*m_database);
    SqliteStatement insert(*m_database, "INSERT INTO model_versions(name, weights_path, parent_id, created_utc, parameters) "
                                        "VALUES(?, ?, ?, ?, ?)");
    insert.bind(1, version.name).bind(2, version.weightsPath);
    bindOptional(insert, 3, version.parentId);
    insert.bind(4, scene::formatUtc(version.time)).bind(5, version.parametersJson).run();
    const std::int64_t id = m_database->lastInsertId();
    SqliteStatement metric(*m_database, "INSERT INTO model_metrics(model_version_id, name, value) VALUES(?, ?, ?)");
    for (const auto& [name, value] : version.metrics)
        metric.bind(1, id).bind(2, name).bind(3, value).run();
    transaction.commit();
    return id;
}

std::vector<ModelVersion> ProjectStore::modelVersions() const
{
    std::vector<ModelVersion> result;
    SqliteStatement select(*m_database, "SELECT id, name, weights_path, parent_id, created_utc, parameters FROM model_versions ORDER BY id");
    SqliteStatement metrics(*m_database, "SELECT name, value FROM model_metrics WHERE model_version_id = ? ORDER BY name");
    while (select.step()) {
        ModelVersion v;
        v.id = select.integer(0);
        v.name = select.text(1);
        v.weightsPath = select.text(2);
        v.parentId = optionalInteger(select, 3);
        v.time = timeOf(select.text(4));
        v.parametersJson = select.text(5);
        metrics.bind(1, v.id);
        while (metrics.step())
            v.metrics[metrics.text(0)] = metrics.real(1);
        metrics.reset();
        result.push_back(std::move(v));
    }
    return result;
}

std::int64_t ProjectStore::startActiveLearningSession(std::int64_t sceneId, const std::string& strategy, int tileSize)
{
    requireWritable();
    sceneOf(sceneId);
    SqliteStatement insert(*m_database, "INSERT INTO al_sessions(scene_id, strategy, tile_size, started_utc) VALUES(?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    insert.bind(1, sceneId).bind(2, strategy).bind(3, std::int64_t{tileSize}).run();
    return m_database->lastInsertId();
}

std::int64_t ProjectStore::addActiveLearningRound(const ActiveLearningRound& round)
{
    requireWritable();
    SqliteStatement insert(*m_database, "INSERT INTO al_rounds(session_id, round_index, label_count, model_version_id, finished_utc) "
                                        "VALUES(?, ?, ?, ?, ?)");
    insert.bind(1, round.sessionId).bind(2, std::int64_t{round.index}).bind(3, round.labelCount);
    bindOptional(insert, 4, round.modelVersionId);
    insert.bind(5, scene::formatUtc(round.time)).run();
    return m_database->lastInsertId();
}

std::vector<ActiveLearningRound> ProjectStore::activeLearningRounds(std::int64_t sessionId) const
{
    std::vector<ActiveLearningRound> result;
    SqliteStatement select(*m_database, "SELECT id, round_index, label_count, model_version_id, finished_utc FROM al_rounds "
                                        "WHERE session_id = ? ORDER BY round_index");
    select.bind(1, sessionId);
    while (select.step())
        result.push_back({select.integer(0), sessionId, static_cast<int>(select.integer(1)), select.integer(2),
                          optionalInteger(select, 3), timeOf(select.text(4))});
    return result;
}

} // namespace banquise::labeling
