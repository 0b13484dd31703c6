// kpix watch end to end: seed texts copied into a watched folder slowly, in
// chunks with pauses shorter than the settle interval (a file read before it
// stopped growing would be stored as a shorter document of its own); the
// watcher killed by SIGKILL inside a document's transaction (the test hook
// of kpix ingest), a file finished while it is down, then restarted in
// polling mode; in the end the dataset is exactly what kpix ingest makes of
// the finished files, and SIGTERM stops the watcher cleanly. A file replaced
// by a newer one of the same name is ingested again.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "cli_helpers.h"

extern char** environ;

namespace kpix::testing {
namespace {

using namespace std::chrono_literals;

// A running `kpix watch`, its stderr in a log file.
class Watcher {
 public:
  Watcher(const std::vector<std::string>& args, const fs::path& log, const std::string& env = "") {
    std::vector<std::string> argv = {KPIX_BINARY, "watch"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) envs.emplace_back(*e);
    if (!env.empty()) envs.push_back(env);
    std::vector<char*> cenv;
    for (auto& e : envs) cenv.push_back(e.data());
    cenv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (posix_spawn(&pid_, KPIX_BINARY, &fa, nullptr, cargv.data(), cenv.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Watcher() {
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }
  void signal(int sig) { ::kill(pid_, sig); }
  // The wait status once it has ended, or -1 after `timeout`.
  int wait_exit(std::chrono::milliseconds timeout) {
    auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      int st = 0;
      if (::waitpid(pid_, &st, WNOHANG) == pid_) {
        waited_ = true;
        return st;
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  bool waited_ = false;
};

bool eventually(const std::function<bool()>& cond, std::chrono::milliseconds timeout = 30s) {
  auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (cond()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return cond();
}

// Writes `src` to `dst` in `chunks` pieces, `pause` apart: a slow copy.
void copy_slowly(const fs::path& src, const fs::path& dst, int chunks, std::chrono::milliseconds pause,
                 int from_chunk = 0, int to_chunk = -1) {
  std::string bytes = slurp(src);
  size_t step = bytes.size() / size_t(chunks) + 1;
  if (to_chunk < 0) to_chunk = chunks;
  for (int c = from_chunk; c < to_chunk; ++c) {
    std::ofstream out(dst, std::ios::binary | (c == 0 ? std::ios::trunc : std::ios::app));
    size_t at = size_t(c) * step;
    if (at < bytes.size()) out << bytes.substr(at, step);
    out.close();
    if (c + 1 < to_chunk) std::this_thread::sleep_for(pause);
  }
}

class WatchCli : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path in, db, log;
  const std::string a = "000_20258ccdc73fa33f.txt";  // 302 values
  const std::string b = "002_b1c8d5c221a7a54e.txt";  // 510 values: the kill falls inside it
  const std::string c = "004_5a75ff59ed95451e.txt";
  void SetUp() override {
    if (!fs::exists(kSeed2023)) GTEST_SKIP() << "seed texts not found in " << kSeeds;
    in = tmp.path / "in";
    fs::create_directories(in / "more");
    db = tmp.path / "watched.sqlite";
    log = tmp.path / "watch.log";
  }
  std::string logged() const { return slurp(log); }
  int documents() const {
    std::string n = query(db, "SELECT COUNT(*) FROM documents");
    return n.empty() || !std::isdigit(static_cast<unsigned char>(n[0])) ? -1 : std::stoi(n);
  }
  std::string export_of(const fs::path& dataset, const char* format) {
    KpixRun r = kpix(tmp.path, "export --db " + quote(dataset.string()) + " --format " + format);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
};

TEST_F(WatchCli, SlowCopiesAKillAndARestartLeaveTheDatasetIngestWouldMake) {
  const auto pause = 200ms;  // between chunks: well under the settle interval
  const std::vector<std::string> args = {"--db", db.string(), "--settle", "1", "-j", "1", in.string()};
  {
    // 1. inotify; killed (SIGKILL) after 400 values of one ingest batch.
    Watcher w(args, log, "KPIX_TEST_KILL_AFTER_VALUES=400");
    ASSERT_TRUE(w.started());
    copy_slowly(fs::path(kSeeds) / a, in / a, 6, pause);
    ASSERT_TRUE(eventually([&] { return logged().find(a + ": 60 records") != std::string::npos; })) << logged();
    EXPECT_EQ(documents(), 1);
    copy_slowly(fs::path(kSeeds) / b, in / "more" / b, 6, pause);  // a subfolder is watched too
    int st = w.wait_exit(30s);
    ASSERT_TRUE(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) << "status " << st << "\n" << logged();
  }
  // Nothing of the document in flight, the one before it whole.
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(query(db, "SELECT file FROM documents"), a + "\n");
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM records WHERE document_id NOT IN (SELECT id FROM documents)"), "0\n");
  // While it is down, half of the third file lands.
  copy_slowly(fs::path(kSeeds) / c, in / c, 8, pause, 0, 4);
  {
    // 2. Restarted, polling: the killed document is stored now, the third
    //    once the rest of it has come in and it has stopped growing.
    std::vector<std::string> poll_args = args;
    poll_args.insert(poll_args.begin(), {"--poll", "0.3"});
    Watcher w(poll_args, log);
    ASSERT_TRUE(w.started());
    // The copy goes on at once: the half file never stands still for the
    // settle interval (had it, it would have landed, as far as anyone can tell).
    std::this_thread::sleep_for(pause);
    copy_slowly(fs::path(kSeeds) / c, in / c, 8, pause, 4, 8);
    ASSERT_TRUE(eventually([&] { return documents() == 3; })) << logged();
    std::this_thread::sleep_for(1500ms);  // a partial read would have shown as a 4th document by now
    EXPECT_EQ(documents(), 3) << logged();
    w.signal(SIGTERM);
    int st = w.wait_exit(10s);
    ASSERT_TRUE(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << "status " << st << "\n" << logged();
  }
  std::string text = logged();
  EXPECT_NE(text.find("stopped (SIGTERM"), std::string::npos) << text;
  EXPECT_NE(text.find(a + ": already in the dataset"), std::string::npos) << text;  // recognised by its bytes
  // One line per document stored, stamped: 2025-…Z in/more/002….txt: 51 records, …
  EXPECT_NE(text.find("Z " + (in / "more" / b).string() + ": 51 records"), std::string::npos) << text;

  // What kpix ingest makes of the finished files.
  fs::path ref = tmp.path / "ref.sqlite";
  KpixRun r = kpix(tmp.path, "ingest -j1 --db " + quote(ref.string()) + " " + quote(in.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(export_of(db, "csv"), export_of(ref, "csv"));
  EXPECT_EQ(export_of(db, "jsonl"), export_of(ref, "jsonl"));
}

TEST_F(WatchCli, AFileReplacedByANewerOneIsIngestedAgain) {
  Watcher w({"--db", db.string(), "--settle", "0.5", in.string()}, log);
  ASSERT_TRUE(w.started());
  fs::copy_file(fs::path(kSeeds) / a, in / a);
  ASSERT_TRUE(eventually([&] { return documents() == 1; })) << logged();
  // The council publishes a corrected file under the same name; a dotfile
  // (a copy in progress, rsync's temporary) is left alone.
  std::ofstream(in / ("." + a + ".tmp")) << slurp(fs::path(kSeeds) / b);
  std::string corrected = slurp(fs::path(kSeeds) / a) + "\n令和6年1月 訂正版\n";
  std::ofstream(in / a, std::ios::trunc) << corrected;
  ASSERT_TRUE(eventually([&] { return documents() == 2; })) << logged();
  std::this_thread::sleep_for(1s);
  EXPECT_EQ(query(db, "SELECT COUNT(*) FROM documents WHERE file = '" + a + "'"), "2\n");
  EXPECT_EQ(documents(), 2);
  w.signal(SIGINT);
  int st = w.wait_exit(10s);
  EXPECT_TRUE(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << logged();
  EXPECT_NE(logged().find("stopped (SIGINT"), std::string::npos) << logged();
}

}  // namespace
}  // namespace kpix::testing
