#include "labeling/ProjectSchema.h"

#include "labeling/LabelClass.h"
#include "labeling/ProjectError.h"
#include "labeling/SqliteDatabase.h"

#include <cstdio>
#include <string>
#include <vector>

namespace banquise::labeling::project_schema {

namespace {

// Step k brings a project from version k to k + 1. Append; never edit a
// step that has shipped.
const std::vector<const char*>& steps()
{
    static const std::vector<const char*> all{
        // 0 -> 1: scenes, classes and annotations.
        R"sql(
        CREATE TABLE scenes(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            epsg INTEGER NOT NULL,
            origin_x REAL NOT NULL, origin_y REAL NOT NULL, pixel_size REAL NOT NULL,
            width INTEGER NOT NULL, height INTEGER NOT NULL);
        CREATE TABLE label_classes(
            code INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            colour TEXT NOT NULL,
            shortcut TEXT NOT NULL);
        CREATE TABLE annotations(
            id INTEGER PRIMARY KEY,
            scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK(kind IN ('stroke', 'erase', 'polygon', 'click')),
            class_code INTEGER REFERENCES label_classes(code),
            positive INTEGER NOT NULL DEFAULT 1,
            radius REAL NOT NULL DEFAULT 0,
            points BLOB NOT NULL,
            author TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            source TEXT NOT NULL CHECK(source IN ('user', 'al_round', 'import')),
            CHECK((kind = 'erase') = (class_code IS NULL)));
        CREATE INDEX annotations_by_scene ON annotations(scene_id, id);
        )sql",
        // 1 -> 2: cached layers, model versions and active learning.
        R"sql(
        CREATE TABLE scene_layers(
            id INTEGER PRIMARY KEY,
            scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            quantity TEXT NOT NULL,
            cache_file TEXT NOT NULL,
            UNIQUE(scene_id, name));
        CREATE TABLE model_versions(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            weights_path TEXT NOT NULL,
            parent_id INTEGER REFERENCES model_versions(id) ON DELETE SET NULL,
            created_utc TEXT NOT NULL,
            parameters TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE model_metrics(
            model_version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY(model_version_id, name));
        CREATE TABLE al_sessions(
            id INTEGER PRIMARY KEY,
            scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
            strategy TEXT NOT NULL,
            tile_size INTEGER NOT NULL,
            started_utc TEXT NOT NULL);
        CREATE TABLE al_rounds(
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES al_sessions(id) ON DELETE CASCADE,
            round_index INTEGER NOT NULL,
            label_count INTEGER NOT NULL,
            model_version_id INTEGER REFERENCES model_versions(id) ON DELETE SET NULL,
            finished_utc TEXT NOT NULL,
            UNIQUE(session_id, round_index));
        ALTER TABLE annotations ADD COLUMN round_id INTEGER REFERENCES al_rounds(id) ON DELETE SET NULL;
        )sql",
    };
    return all;
}

int pragmaInteger(SqliteDatabase& database, const char* pragma)
{
    SqliteStatement statement(database, std::string("PRAGMA ") + pragma);
    return statement.step() ? static_cast<int>(statement.integer(0)) : 0;
}

bool isEmpty(SqliteDatabase& database)
{
    SqliteStatement statement(database, "SELECT count(*) FROM sqlite_master");
    statement.step();
    return statement.integer(0) == 0;
}

// The version of a Banquise project, or 0 for a new empty database.
int versionOf(SqliteDatabase& database)
{
    // Reading the header fails with "not an SQLite database" for other files.
    const int application = pragmaInteger(database, "application_id");
    if (application != kApplicationId) {
        if (application == 0 && isEmpty(database))
            return 0;
        throw ProjectError(database.path(), "not a Banquise project (an SQLite file of another application)");
    }
    const int version = pragmaInteger(database, "user_version");
    if (version > currentVersion())
        throw ProjectError(database.path(), "made by a newer Banquise (project schema " + std::to_string(version) +
                                                "; this build reads up to " + std::to_string(currentVersion()) + ")");
    return version;
}

void insertLabelClasses(SqliteDatabase& database)
{
    SqliteStatement insert(database, "INSERT INTO label_classes(code, name, colour, shortcut) VALUES(?, ?, ?, ?)");
    for (const auto& c : labelClasses()) {
        char colour[8];
        std::snprintf(colour, sizeof colour, "#%02x%02x%02x", c.colour[0], c.colour[1], c.colour[2]);
        insert.bind(1, static_cast<std::int64_t>(c.code)).bind(2, std::string(c.name)).bind(3, std::string(colour));
        insert.bind(4, std::string(1, c.shortcut)).run();
    }
}

} // namespace

int currentVersion()
{
    return static_cast<int>(steps().size());
}

void check(SqliteDatabase& database)
{
    const int version = versionOf(database);
    if (version == 0)
        throw ProjectError(database.path(), "not a Banquise project (an empty database)");
    if (version < currentVersion())
        throw ProjectError(database.path(), "an older project (schema " + std::to_string(version) +
                                                "): open it once for writing to upgrade it");
}

void migrate(SqliteDatabase& database, int target)
{
    if (target <= 0 || target > currentVersion())
        target = currentVersion();
    for (int version = versionOf(database); version < target; ++version) {
        SqliteTransaction transaction(database);
        database.execute(steps()[version]);
        if (version == 0) {
            insertLabelClasses(database);
            database.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        }
        database.execute("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
}

} // namespace banquise::labeling::project_schema
