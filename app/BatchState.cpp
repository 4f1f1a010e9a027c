#include "app/BatchState.h"

#include "labeling/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <filesystem>
#include <stdexcept>

namespace banquise::app {

using labeling::SqliteStatement;
using labeling::SqliteTransaction;

namespace {

constexpr std::array<const char*, 4> kStateNames{"pending", "running", "done", "failed"};

BatchSceneState stateNamed(const std::string& text)
{
    for (std::size_t k = 0; k < kStateNames.size(); ++k)
        if (text == kStateNames[k])
            return static_cast<BatchSceneState>(k);
    throw std::runtime_error("batch state: unknown scene state '" + text + "'");
}

std::string now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

std::string figuresJson(const std::map<std::string, double>& figures)
{
    QJsonObject object;
    for (const auto& [name, value] : figures)
        object.insert(QString::fromStdString(name), value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::map<std::string, double> figuresOf(const std::string& json)
{
    std::map<std::string, double> figures;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        figures[it.key().toStdString()] = it.value().toDouble();
    return figures;
}

std::string joined(const std::vector<std::string>& inputs)
{
    std::string text;
    for (const std::string& input : inputs)
        text += input + '\n';
    return text;
}

const char* kColumns = "name, state, stage, reason, worker, attempts, seconds, figures";

BatchSceneRecord recordOf(const SqliteStatement& row)
{
    BatchSceneRecord r;
    r.name = row.text(0);
    r.state = stateNamed(row.text(1));
    r.stage = row.text(2);
    r.reason = row.text(3);
    r.worker = row.text(4);
    r.attempts = static_cast<int>(row.integer(5));
    r.seconds = row.real(6);
    r.figures = figuresOf(row.text(7));
    return r;
}

} // namespace

const char* batchSceneStateName(BatchSceneState state)
{
    return kStateNames[static_cast<std::size_t>(state)];
}

BatchState::BatchState(const std::string& outFolder)
{
    std::filesystem::create_directories(outFolder);
    m_database = std::make_unique<labeling::SqliteDatabase>((std::filesystem::path(outFolder) / "batch.sqlite").string(),
                                                            labeling::SqliteDatabase::Mode::ReadWriteCreate);
    m_database->execute("PRAGMA journal_mode=DELETE");
    // Hundreds of Slurm tasks may start within a second, each writing a row.
    m_database->execute("PRAGMA busy_timeout=120000");
    m_database->execute("CREATE TABLE IF NOT EXISTS scenes ("
                        " name TEXT PRIMARY KEY, inputs TEXT NOT NULL, model TEXT NOT NULL,"
                        " state TEXT NOT NULL DEFAULT 'pending', stage TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',"
                        " worker TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0, started TEXT, finished TEXT,"
                        " seconds REAL NOT NULL DEFAULT 0, figures TEXT NOT NULL DEFAULT '{}')");
}

BatchState::~BatchState() = default;

const std::string& BatchState::path() const
{
    return m_database->path();
}

void BatchState::plan(const std::vector<BatchEntry>& entries, const std::string& modelKey)
{
    SqliteTransaction transaction(*m_database);
    SqliteStatement insert(*m_database, "INSERT OR IGNORE INTO scenes (name, inputs, model) VALUES (?, ?, ?)");
    // What a done scene was made from: other inputs or another model make it pending again.
    SqliteStatement changed(*m_database, "UPDATE scenes SET state = 'pending', inputs = ?2, model = ?3, reason = ''"
                                         " WHERE name = ?1 AND (inputs != ?2 OR model != ?3)");
    for (const BatchEntry& entry : entries) {
        insert.bind(1, entry.name).bind(2, joined(entry.inputs)).bind(3, modelKey).run();
        changed.bind(1, entry.name).bind(2, joined(entry.inputs)).bind(3, modelKey).run();
    }
    transaction.commit();
}

void BatchState::start(const std::string& name, const std::string& worker)
{
    SqliteStatement(*m_database, "UPDATE scenes SET state = 'running', stage = '', reason = '', worker = ?2, attempts = attempts + 1,"
                                 " started = ?3, finished = NULL, seconds = 0, figures = '{}' WHERE name = ?1")
        .bind(1, name).bind(2, worker).bind(3, now()).run();
}

void BatchState::setStage(const std::string& name, const std::string& stage)
{
    SqliteStatement(*m_database, "UPDATE scenes SET stage = ?2 WHERE name = ?1").bind(1, name).bind(2, stage).run();
}

void BatchState::finish(const std::string& name, double seconds, const std::map<std::string, double>& figures)
{
    SqliteStatement(*m_database, "UPDATE scenes SET state = 'done', stage = '', finished = ?2, seconds = ?3, figures = ?4 WHERE name = ?1")
        .bind(1, name).bind(2, now()).bind(3, seconds).bind(4, figuresJson(figures)).run();
}

void BatchState::fail(const std::string& name, double seconds, const std::string& reason)
{
    SqliteStatement(*m_database, "UPDATE scenes SET state = 'failed', reason = ?2, finished = ?3, seconds = ?4 WHERE name = ?1")
        .bind(1, name).bind(2, reason).bind(3, now()).bind(4, seconds).run();
}

bool BatchState::failIfRunning(const std::string& name, const std::string& reason)
{
    SqliteStatement(*m_database, "UPDATE scenes SET state = 'failed', reason = ?2, finished = ?3 WHERE name = ?1 AND state = 'running'")
        .bind(1, name).bind(2, reason).bind(3, now()).run();
    return m_database->changes() > 0;
}

void BatchState::reopen(const std::string& name)
{
    SqliteStatement(*m_database, "UPDATE scenes SET state = 'pending' WHERE name = ?1 AND state = 'done'").bind(1, name).run();
}

std::vector<BatchSceneRecord> BatchState::records() const
{
    std::vector<BatchSceneRecord> out;
    SqliteStatement rows(*m_database, std::string("SELECT ") + kColumns + " FROM scenes ORDER BY name");
    while (rows.step())
        out.push_back(recordOf(rows));
    return out;
}

BatchSceneRecord BatchState::record(const std::string& name) const
{
    SqliteStatement row(*m_database, std::string("SELECT ") + kColumns + " FROM scenes WHERE name = ?");
    row.bind(1, name);
    if (!row.step())
        throw std::runtime_error(path() + ": no scene named '" + name + "' in the batch");
    return recordOf(row);
}

} // namespace banquise::app
