// A prepared SQLite statement for the dataset's queries: bind by position,
// step through rows, read columns; errors are exceptions naming SQLite's
// message. Used by the editions, diff and concept-export code.
//
//   kpix::Sql q(db, "SELECT file FROM documents WHERE sha256 = ?");
//   q.bind(1, sha);
//   while (q.row()) use(q.text(0));
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace kpix {

class Sql {
 public:
  Sql(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("SQL: ") + sqlite3_errmsg(db));
  }
  ~Sql() { sqlite3_finalize(s_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;

  Sql& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Sql& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Sql& bind(int i, std::optional<int> v) {
    if (v) sqlite3_bind_int64(s_, i, *v);
    else sqlite3_bind_null(s_, i);
    return *this;
  }
  Sql& bind(int i, const std::optional<std::string>& v) {
    if (v) return bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }

  // Steps once: true with a row to read, false when done (then resets, so
  // the statement can be bound and run again).
  bool row() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("SQL: ") + sqlite3_errmsg(db_));
    return false;
  }
  void run() {
    while (row()) {
    }
  }

  bool null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::optional<std::string> maybe_text(int col) const {
    if (null(col)) return std::nullopt;
    return text(col);
  }
  int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  std::optional<int> maybe_int(int col) const {
    if (null(col)) return std::nullopt;
    return int(sqlite3_column_int64(s_, col));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

inline void sql_exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "error";
    sqlite3_free(err);
    throw std::runtime_error("SQL: " + why);
  }
}

}  // namespace kpix
