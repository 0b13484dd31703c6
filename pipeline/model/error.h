// One kind of error for every input problem: it names the file and says what is
// wrong in one line, the way the CLI prints it (`kpix: FILE: reason`); control
// characters in the name and the reason are escaped there (shown_name), and
// file() keeps the name as given.
#pragma once

#include <stdexcept>
#include <string>

#include "pipeline/model/shown_name.h"

namespace kpix {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string reason)
      : std::runtime_error(shown_name(file) + ": " + shown_name(reason)), file_(std::move(file)), reason_(std::move(reason)) {}
  const std::string& file() const { return file_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
};

}  // namespace kpix
