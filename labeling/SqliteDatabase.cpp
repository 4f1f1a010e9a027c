#include "labeling/SqliteDatabase.h"

#include "labeling/ProjectError.h"

#include <sqlite3.h>

namespace banquise::labeling {

namespace {

std::string explain(int code)
{
    // A write that finds no room at all (a size limit or quota; a full disk
    // when not even part of the page fits) is an I/O error to SQLite.
    if (code == SQLITE_IOERR_WRITE)
        return "cannot write to the disk: it is full, or the file has reached its size limit";
    switch (code & 0xff) {
    case SQLITE_READONLY: return "the project is read-only (file permissions, or opened read-only)";
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "the project is locked by another program";
    case SQLITE_NOTADB: return "not a Banquise project (not an SQLite database)";
    case SQLITE_CORRUPT: return "the project file is corrupted";
    case SQLITE_CANTOPEN: return "cannot open the file (missing folder or no permission)";
    case SQLITE_IOERR: return "input/output error";
    case SQLITE_CONSTRAINT: return "the edit breaks a rule of the project (unknown scene, class or duplicate)";
    default: return {};
    }
}

} // namespace

SqliteDatabase::SqliteDatabase(std::string path, Mode mode) : m_path(std::move(path))
{
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    }
    const int code = sqlite3_open_v2(m_path.c_str(), &m_connection, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string reason = explain(code).empty() ? sqlite3_errstr(code) : explain(code);
        sqlite3_close(m_connection);
        m_connection = nullptr;
        throw ProjectError(m_path, "cannot open: " + reason);
    }
    sqlite3_extended_result_codes(m_connection, 1);
    // A reader waits for a writer's commit instead of failing at once.
    sqlite3_busy_timeout(m_connection, 5000);
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close(m_connection);
}

bool SqliteDatabase::isReadOnly() const
{
    return sqlite3_db_readonly(m_connection, "main") == 1;
}

void SqliteDatabase::execute(const std::string& sql)
{
    char* message = nullptr;
    const int code = sqlite3_exec(m_connection, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (code != SQLITE_OK)
        fail(code, sql.substr(0, sql.find_first_of("(\n")));
}

std::int64_t SqliteDatabase::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_connection);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_connection);
}

void SqliteDatabase::fail(int code, const std::string& during) const
{
    const std::string plain = explain(code);
    std::string reason = plain.empty() ? std::string(sqlite3_errmsg(m_connection)) : plain + " (" + sqlite3_errmsg(m_connection) + ")";
    throw ProjectError(m_path, reason + (during.empty() ? "" : ", during: " + during));
}

SqliteStatement::SqliteStatement(const SqliteDatabase& database, const std::string& sql) : m_database(database)
{
    const int code = sqlite3_prepare_v2(database.m_connection, sql.c_str(), -1, &m_statement, nullptr);
    if (code != SQLITE_OK)
        database.fail(code, sql.substr(0, 60));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value)
{
    sqlite3_bind_text(m_statement, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, const std::vector<unsigned char>& value)
{
    sqlite3_bind_blob(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

bool SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_statement);
    sqlite3_reset(m_statement);
    m_database.fail(code, sql.substr(0, 60));
}

void SqliteStatement::run()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string SqliteStatement::text(int column) const
{
    const auto* value = sqlite3_column_text(m_statement, column);
    return value ? reinterpret_cast<const char*>(value) : std::string();
}

std::vector<unsigned char> SqliteStatement::blob(int column) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& database) : m_database(database)
{
    // IMMEDIATE takes the write lock now, so two writers queue on the busy
    // timeout instead of failing at commit.
    m_database.execute("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open) {
        try {
            m_database.execute("ROLLBACK");
        } catch (...) {
            // The connection already rolled back (an I/O error ends the transaction).
        }
    }
}

void SqliteTransaction::commit()
{
    m_database.execute("COMMIT");
    m_open = false;
}

} // namespace banquise::labeling
