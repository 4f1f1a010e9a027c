#pragma once

#include "app/BatchManifest.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace banquise::labeling {
class SqliteDatabase;
}

namespace banquise::app {

// Where a batch scene stands. A scene left Running by a worker that died
// (killed, out of memory, node lost) is redone by the next run.
enum class BatchSceneState { Pending, Running, Done, Failed };

const char* batchSceneStateName(BatchSceneState state);

struct BatchSceneRecord {
    std::string name;
    BatchSceneState state = BatchSceneState::Pending;
    std::string stage;  // of a running or failed scene: ingest, predict, compare, write
    std::string reason; // of a failed scene
    std::string worker; // host:pid of the last worker (or the Slurm task)
    int attempts = 0;
    double seconds = 0.0; // of the last attempt
    std::map<std::string, double> figures; // of a done scene
};

// The per-scene state of one batch output folder, in SQLite (batch.sqlite):
// every change is one transaction, so a worker killed at any point leaves
// each row as it was or as it became, never half. Workers of one batch
// (local processes or Slurm tasks) share it; rollback journalling, because
// WAL needs shared memory that a network file system does not give.
class BatchState {
public:
    explicit BatchState(const std::string& outFolder);
    ~BatchState();
    BatchState(const BatchState&) = delete;
    BatchState& operator=(const BatchState&) = delete;

    const std::string& path() const;

    // Adds the manifest's new scenes as pending, and sets back to pending a
    // done scene whose inputs or model changed. `modelKey` names the model
    // file and its version (size, time).
    void plan(const std::vector<BatchEntry>& entries, const std::string& modelKey);
    void start(const std::string& name, const std::string& worker);
    void setStage(const std::string& name, const std::string& stage);
    void finish(const std::string& name, double seconds, const std::map<std::string, double>& figures);
    void fail(const std::string& name, double seconds, const std::string& reason);
    // A scene still Running whose worker is gone: failed with `reason`.
    // Returns whether it was still running.
    bool failIfRunning(const std::string& name, const std::string& reason);
    // Sets a done scene back to pending (its outputs were removed).
    void reopen(const std::string& name);

    std::vector<BatchSceneRecord> records() const;
    BatchSceneRecord record(const std::string& name) const;

private:
    std::unique_ptr<labeling::SqliteDatabase> m_database;
};

} // namespace banquise::app
