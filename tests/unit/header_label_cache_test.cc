// HeaderLabelCache answers as is_header_label does, whatever the order of
// asks, remembers one answer per text, and starts afresh under another era.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/tables/header_label_cache.h"
#include "pipeline/tables/table_shape.h"

namespace kpix {
namespace {

struct Ask {
  const char* text;
  const char* era;
  bool label;         // is_header_label's answer
  size_t remembered;  // texts in the cache after the ask
};

TEST(HeaderLabelCache, AnswersAsIsHeaderLabel) {
  const std::vector<Ask> asks = {
      {"目標値", "令和", true, 1},
      {"①転入者数", "令和", false, 2},
      {"目標値", "令和", true, 2},  // asked again: no new entry
      {"3年度", "令和", true, 3},
      {"25人 (R2～R4合計)", "令和", false, 4},
      {"", "令和", false, 5},
      {"①転入者数", "令和", false, 5},
      {"3年度", "平成", true, 1},  // another era: afresh
      {"目標値", "平成", true, 2},
      {"目標値", "令和", true, 1},
  };
  HeaderLabelCache labels;
  for (const Ask& a : asks) {
    EXPECT_EQ(labels.is_label(a.text, a.era), a.label) << a.text << " / " << a.era;
    EXPECT_EQ(is_header_label(a.text, a.era), a.label) << a.text << " / " << a.era;
    EXPECT_EQ(labels.size(), a.remembered) << a.text << " / " << a.era;
  }
}

}  // namespace
}  // namespace kpix
