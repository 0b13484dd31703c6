// When kpix watch reads a file: once its size and time have stood still for
// the settle interval, once per state it settles in; and which files it takes.
#include <gtest/gtest.h>

#include "pipeline/watch/settle.h"
#include "pipeline/watch/watcher.h"

namespace kpix {
namespace {

using namespace std::chrono_literals;

TEST(WatchSettle, AFileIsReadyOnceItStoodStillForTheInterval) {
  SettleTracker t(2s);
  const auto t0 = SettleTracker::Clock::time_point{} + 100s;
  t.observe("a.pdf", {1000, 1}, t0);
  EXPECT_TRUE(t.ready(t0 + 1s).empty());
  // Still growing: the interval starts again.
  t.observe("a.pdf", {5000, 2}, t0 + 1500ms);
  EXPECT_TRUE(t.ready(t0 + 3s).empty());
  t.observe("a.pdf", {5000, 2}, t0 + 3s);  // seen again, unchanged
  EXPECT_EQ(t.ready(t0 + 3500ms), std::vector<std::string>{"a.pdf"});
  EXPECT_EQ(t.pending(), std::vector<std::string>{"a.pdf"});
  t.handled("a.pdf");
  EXPECT_TRUE(t.ready(t0 + 10s).empty());
  EXPECT_TRUE(t.pending().empty());
  // Seen again in the same state: nothing to do. Replaced by a newer file of
  // the same name: ready again once that one has settled.
  t.observe("a.pdf", {5000, 2}, t0 + 11s);
  EXPECT_TRUE(t.ready(t0 + 20s).empty());
  t.observe("a.pdf", {5200, 3}, t0 + 21s);
  EXPECT_TRUE(t.ready(t0 + 22s).empty());
  EXPECT_EQ(t.ready(t0 + 23s), std::vector<std::string>{"a.pdf"});
  t.forget("a.pdf");
  EXPECT_TRUE(t.ready(t0 + 30s).empty());
}

TEST(WatchSettle, DocumentsTakenAndLeft) {
  for (const char* p : {"in/a.pdf", "in/B.PDF", "in/sub/seed.txt", "x.Txt"}) EXPECT_TRUE(watched_document(p)) << p;
  for (const char* p : {"in/.a.pdf.part", "in/.a.pdf", "in/a.pdf.crdownload", "in/a.xlsx", "in/README"})
    EXPECT_FALSE(watched_document(p)) << p;
}

}  // namespace
}  // namespace kpix
