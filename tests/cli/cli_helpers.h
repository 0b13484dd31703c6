// Running the built kpix from a test and reading what it left: the command's
// exit status and output, files, SQL answers from a dataset, JSON Lines.
#pragma once

#include <sqlite3.h>
#include <sys/wait.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kpix::testing {

namespace fs = std::filesystem;

inline const std::string kSeeds = KPIX_SOURCE_DIR "/../shared/seeds";
inline const std::string kSeed2023 = kSeeds + "/000_20258ccdc73fa33f.txt";  // 岩見沢, 第2期 review, 2023-12-20
inline const std::string kSeed2025 = kSeeds + "/001_a61508fec1d3fe11.txt";  // 岩見沢, 第3期 first year, 2025-09-10

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

struct KpixRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out, err;
};

// `kpix ARGS` with stdout and stderr caught in files under `dir`; `as`
// goes before the command (`setpriv --reuid=…` to run it as another user).
inline KpixRun kpix(const fs::path& dir, const std::string& args, const std::string& as = "") {
  std::string cmd = as + quote(KPIX_BINARY) + " " + args + " >" + quote((dir / "stdout").string()) + " 2>" +
                    quote((dir / "stderr").string());
  int rc = std::system(cmd.c_str());
  KpixRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = slurp(dir / "stdout");
  r.err = slurp(dir / "stderr");
  return r;
}

// One SQL answer as text: columns joined by |, rows ended by newlines.
inline std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return "cannot open";
  }
  auto cb = [](void* o, int n, char** v, char**) {
    auto* s = static_cast<std::string*>(o);
    for (int i = 0; i < n; ++i) *s += std::string(i ? "|" : "") + (v[i] ? v[i] : "NULL");
    *s += "\n";
    return 0;
  };
  char* err = nullptr;
  if (sqlite3_exec(h, sql.c_str(), cb, &out, &err) != SQLITE_OK) out = std::string("error: ") + (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(h);
  return out;
}

inline std::vector<nlohmann::json> parse_jsonl(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

// A fresh folder under /tmp, removed with the object.
struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/kpix-cli-XXXXXX";
    if (mkdtemp(tmpl)) path = tmpl;
  }
  ~TempDir() {
    if (!path.empty()) fs::remove_all(path);
  }
};

}  // namespace kpix::testing
