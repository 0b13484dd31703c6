#include "pipeline/output/json_line_map.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kpix {
namespace {

// One pass over the text, recording the pointer and line of each value.
class LineScanner {
 public:
  LineScanner(const std::string& text, int first_line, std::vector<std::pair<std::string, int>>& out)
      : s_(text), line_(first_line), out_(out) {}

  void run() {
    ws();
    value(nlohmann::json::json_pointer());
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      if (s_[i_] == '\n') ++line_;
      ++i_;
    }
  }
  std::string string_token() {  // at '"'; returns the decoded-enough key (escapes kept raw except \" and \\)
    std::string out;
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char c = s_[i_ + 1];
        if (c == 'u') {
          out += s_.substr(i_, 6);
          i_ += 6;
          continue;
        }
        out += (c == 'n' ? '\n' : c == 't' ? '\t' : c);
        i_ += 2;
        continue;
      }
      out += s_[i_++];
    }
    ++i_;
    return out;
  }
  void value(const nlohmann::json::json_pointer& pointer) {
    if (i_ >= s_.size()) return;
    out_.emplace_back(pointer.to_string(), line_);
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      ws();
      while (i_ < s_.size() && s_[i_] != '}') {
        if (s_[i_] != '"') return;  // not valid JSON; stop quietly
        std::string key = string_token();
        ws();
        if (i_ < s_.size() && s_[i_] == ':') ++i_;
        ws();
        value(pointer / key);
        ws();
        if (i_ < s_.size() && s_[i_] == ',') ++i_;
        ws();
      }
      ++i_;
    } else if (c == '[') {
      ++i_;
      ws();
      for (size_t n = 0; i_ < s_.size() && s_[i_] != ']'; ++n) {
        value(pointer / n);
        ws();
        if (i_ < s_.size() && s_[i_] == ',') ++i_;
        ws();
      }
      ++i_;
    } else if (c == '"') {
      string_token();
    } else {
      while (i_ < s_.size() && std::string(",]} \t\r\n").find(s_[i_]) == std::string::npos) ++i_;
    }
  }

  const std::string& s_;
  size_t i_ = 0;
  int line_;
  std::vector<std::pair<std::string, int>>& out_;
};

}  // namespace

JsonLineMap::JsonLineMap(const std::string& text, int first_line) {
  LineScanner(text, first_line, lines_).run();
  std::stable_sort(lines_.begin(), lines_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

int JsonLineMap::line_of(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    auto it = std::lower_bound(lines_.begin(), lines_.end(), p, [](const auto& e, const std::string& k) { return e.first < k; });
    if (it != lines_.end() && it->first == p) return it->second;
    if (p.empty()) return lines_.empty() ? 1 : lines_.front().second;
    p = p.substr(0, p.rfind('/'));
  }
}

}  // namespace kpix
