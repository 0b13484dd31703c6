// Where the sample files and ../shared live, for tests that read them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kpix::testing {

inline std::string source_dir() { return KPIX_SOURCE_DIR; }
inline std::string samples_dir() { return source_dir() + "/samples"; }
inline std::string shared_dir() { return source_dir() + "/../shared"; }
inline bool have_shared() { return std::filesystem::exists(shared_dir() + "/seeds"); }

// Sample PDFs whose names start with `prefix` (`000-`), sorted.
inline std::vector<std::string> sample_pdfs(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(samples_dir() + "/pdf")) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".pdf") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kpix::testing
