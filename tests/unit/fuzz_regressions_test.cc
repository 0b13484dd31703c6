// Inputs the fuzzers found (tests/data/fuzz/), kept so they stay harmless.
#include <gtest/gtest.h>

#include "pipeline/model/error.h"
#include "pipeline/load/text_loader.h"

namespace kpix {
namespace {

TEST(FuzzRegressions, InvalidUtf8TextIsRefusedBeforeParsing) {
  // text_loader_fuzz: bytes that are not UTF-8 reached the record writer.
  std::string path = std::string(KPIX_SOURCE_DIR) + "/tests/data/fuzz/text_loader-invalid-utf8.txt";
  try {
    TextSource src(path);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.reason(), "not UTF-8 text");
  }
}

}  // namespace
}  // namespace kpix
