#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace banquise::labeling {

class SqliteDatabase;

// One prepared statement; binds are 1-based, columns 0-based (SQLite's own
// convention). Errors become ProjectError naming the database file.
class SqliteStatement {
public:
    SqliteStatement(const SqliteDatabase& database, const std::string& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, const std::string& value);
    SqliteStatement& bindBlob(int index, const std::vector<unsigned char>& value);
    SqliteStatement& bindNull(int index);
    // True while a row is available; false when done.
    bool step();
    // Runs a statement that returns no row, then resets it so that it can
    // be bound and run again.
    void run();
    // Makes a statement that was stepped (fully or not) ready to bind and run again.
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    const SqliteDatabase& m_database;
    sqlite3_stmt* m_statement = nullptr;
};

// A connection to one SQLite file (the SQLite C API is confined to this
// class and its statement). GUI thread or one worker, never both: each
// thread opens its own connection (WAL lets them read while another writes).
class SqliteDatabase {
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    SqliteDatabase(std::string path, Mode mode);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    const std::string& path() const { return m_path; }
    bool isReadOnly() const;
    void execute(const std::string& sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    // Throws ProjectError with SQLite's message for `code` and a plain
    // explanation of the common causes (read-only, disk full, busy, corrupt).
    [[noreturn]] void fail(int code, const std::string& during) const;

private:
    friend class SqliteStatement;
    std::string m_path;
    sqlite3* m_connection = nullptr;
};

// Commits when `commit()` is called, rolls back when destroyed before: every
// edit is one transaction, so a crash loses at most the edit in progress.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase& database);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDatabase& m_database;
    bool m_open = true;
};

} // namespace banquise::labeling
