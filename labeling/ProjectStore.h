#pragma once

#include "labeling/Annotation.h"
#include "labeling/ProjectRecords.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace banquise::labeling {

class SqliteDatabase;

// One study's project file (SQLite, WAL, foreign keys): its scenes, label
// annotations, active-learning sessions and rounds, and model versions with
// their metrics. Every edit is committed in its own transaction, so a killed
// application loses at most the edit it was making. One store per thread: a
// trainer opens its own store on the same file and reads while the GUI writes.
// Every failure throws ProjectError naming the file; nothing committed is lost.
class ProjectStore {
public:
    enum class Access { ReadWrite, ReadOnly };

    // ReadWrite creates the file when it does not exist and upgrades an
    // older schema; ReadOnly opens an existing, current project.
    explicit ProjectStore(const std::string& path, Access access = Access::ReadWrite);
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const std::string& path() const;
    int schemaVersion() const;
    bool isReadOnly() const;

    // The scene's id; a scene already in the project (same path) keeps its id.
    std::int64_t addScene(const SceneRecord& scene);
    std::vector<SceneRecord> scenes() const;
    std::optional<SceneRecord> sceneByPath(const std::string& path) const;

    // Stores an annotation of a known scene and returns its id. Throws when
    // the scene is unknown or a point lies outside the scene's grid.
    std::int64_t addAnnotation(const Annotation& annotation);
    // Several annotations (an import) in one transaction: all or none.
    std::vector<std::int64_t> addAnnotations(const std::vector<Annotation>& annotations);
    // Removes an annotation (undo); false when there was none with that id.
    bool removeAnnotation(std::int64_t id);
    // Removes several in one transaction; how many there were.
    int removeAnnotations(const std::vector<std::int64_t>& ids);
    // A scene's annotations in the order they were made, from `afterId` on
    // (exclusive) so that a reader can follow a session incrementally.
    std::vector<Annotation> annotations(std::int64_t sceneId, std::int64_t afterId = 0) const;
    std::int64_t annotationCount(std::int64_t sceneId) const;

    // A model version with its metrics, in one transaction.
    std::int64_t addModelVersion(const ModelVersion& version);
    std::vector<ModelVersion> modelVersions() const;

    std::int64_t startActiveLearningSession(std::int64_t sceneId, const std::string& strategy, int tileSize);
    std::int64_t addActiveLearningRound(const ActiveLearningRound& round);
    std::vector<ActiveLearningRound> activeLearningRounds(std::int64_t sessionId) const;

private:
    void requireWritable() const;
    void checkAnnotation(const Annotation& annotation) const;
    const SceneRecord& sceneOf(std::int64_t sceneId) const;

    std::unique_ptr<SqliteDatabase> m_database;
    int m_version = 0;
    mutable std::vector<SceneRecord> m_sceneCache;
};

} // namespace banquise::labeling
