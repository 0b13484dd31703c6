// `-` as an input file for the commands that read a path (extract, check
// SOURCE): stdin copied into a private temporary folder as stdin.pdf (when it
// starts like a PDF) or stdin.txt, removed with the object.
#pragma once

#include <string>

namespace kpix::cli {

class StdinFile {
 public:
  StdinFile();  // throws InputError when the copy cannot be made
  ~StdinFile();
  StdinFile(const StdinFile&) = delete;
  StdinFile& operator=(const StdinFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string dir_, path_;
};

}  // namespace kpix::cli
