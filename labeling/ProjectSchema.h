#pragma once

namespace banquise::labeling {

class SqliteDatabase;

// The project file's schema, numbered with PRAGMA user_version and migrated
// step by step (one transaction per step), never sniffed from its tables.
namespace project_schema {

// "BNQS": marks an SQLite file as a Banquise project (PRAGMA application_id).
constexpr int kApplicationId = 0x424e5153;

int currentVersion();
// Brings `database` from its version to `target` (default: the current
// one); a new, empty database is initialised. Throws ProjectError when the
// file is not a Banquise project or comes from a newer schema.
void migrate(SqliteDatabase& database, int target = 0);
// Checks without writing (read-only connections).
void check(SqliteDatabase& database);

} // namespace project_schema
} // namespace banquise::labeling
