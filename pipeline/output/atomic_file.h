// Output written whole or not at all: bytes go to a temporary file beside the
// target, which replaces the target only on commit(). An interrupted run
// leaves the old file (or none), never half of a new one.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace kpix {

class AtomicFile {
 public:
  // Throws InputError naming `path` when the temporary file cannot be made.
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Flushes, syncs and renames over the target; throws InputError on failure.
  void commit();

 private:
  std::string path_, temp_;
  std::FILE* f_ = nullptr;
  bool committed_ = false;
};

}  // namespace kpix
