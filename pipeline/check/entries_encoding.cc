#include "pipeline/check/entries_encoding.h"

#include <algorithm>
#include <optional>
#include <sstream>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "pipeline/model/error.h"

namespace kpix {
namespace {

// Length of the valid UTF-8 sequence at s[i]; 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are rejected);
// npos when the text ends inside a sequence that is valid so far.
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned int cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) return std::string_view::npos;
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// How much of `s` is whole valid UTF-8; `bad` is the offset of the first
// invalid byte, or npos. A sequence cut by the end is left out of the length
// and is not bad (unless `last`: then nothing follows to finish it).
size_t valid_utf8_prefix(std::string_view s, bool last, size_t& bad) {
  bad = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence(s, i);
    if (n == std::string_view::npos) {
      if (last) bad = i;
      return i;
    }
    if (n == 0) {
      bad = i;
      return i;
    }
    i += n;
  }
  return s.size();
}

int lines_in(std::string_view s, size_t upto) {
  return int(std::count(s.begin(), s.begin() + std::min(upto, s.size()), '\n'));
}

const std::string kSaveAs = "; save it as CSV (UTF-8) or CSV (Shift_JIS)";

}  // namespace

// A CP932 converter kept across chunks (a double-byte character may be cut
// by a chunk's end), stopping at the first byte sequence CP932 does not define.
class EntriesDecoder::Sjis {
 public:
  Sjis() {
    UErrorCode st = U_ZERO_ERROR;
    conv_ = ucnv_open("windows-31j", &st);
    if (U_FAILURE(st)) conv_ = nullptr;
    if (conv_) ucnv_setToUCallBack(conv_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  }
  ~Sjis() {
    if (conv_) ucnv_close(conv_);
  }
  bool ok() const { return conv_ != nullptr; }

  // Appends the UTF-8 of `bytes`; false at an undefined sequence, with `bad`
  // about where it is.
  bool convert(std::string_view bytes, bool last, std::string& out, size_t& bad) {
    std::u16string buf(bytes.size() + 8, u'\0');
    const char* src = bytes.data();
    const char* end = src + bytes.size();
    while (true) {
      UChar* target = reinterpret_cast<UChar*>(buf.data());
      UErrorCode st = U_ZERO_ERROR;
      ucnv_toUnicode(conv_, &target, target + buf.size(), &src, end, nullptr, last, &st);
      icu::UnicodeString(false, reinterpret_cast<const UChar*>(buf.data()),
                         int32_t(target - reinterpret_cast<UChar*>(buf.data())))
          .toUTF8String(out);
      if (st == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(st)) {
        bad = size_t(src - bytes.data());
        bad = bad > 0 ? bad - 1 : 0;
        return false;
      }
      return true;
    }
  }

 private:
  UConverter* conv_ = nullptr;
};

EntriesDecoder::EntriesDecoder(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}
EntriesDecoder::~EntriesDecoder() = default;

void EntriesDecoder::refuse_nul(std::string_view bytes) const {
  if (bytes.find('\0') != std::string_view::npos)
    throw InputError(file_, "binary data (NUL bytes), not a CSV file in UTF-8 or Shift_JIS");
}

bool EntriesDecoder::read_chunk(std::string& bytes) {
  std::string chunk(kChunkBytes, '\0');
  in_.read(chunk.data(), std::streamsize(chunk.size()));
  if (in_.bad()) throw InputError(file_, "cannot be read");
  chunk.resize(size_t(in_.gcount()));
  if (started_) refuse_nul(chunk);
  bytes += chunk;
  return !chunk.empty();
}

void EntriesDecoder::decide(std::string& pending) {
  while (pending.size() < kDecideBytes && read_chunk(pending)) {
  }
  bool last = pending.size() < kDecideBytes || in_.peek() == std::char_traits<char>::eof();
  size_t bad = 0;
  valid_utf8_prefix(pending, last, bad);
  if (bad == std::string::npos) {
    mode_ = Mode::utf8;
    return;
  }
  // Shift_JIS when the same bytes convert; tried on a converter of its own
  // so that the real one starts clean.
  Sjis probe;
  std::string ignored;
  size_t sjis_bad = 0;
  if (probe.ok() && probe.convert(pending, last, ignored, sjis_bad)) {
    mode_ = Mode::sjis;
    encoding_ = "Shift_JIS";
    sjis_ = std::make_unique<Sjis>();
    return;
  }
  throw InputError(file_, "neither UTF-8 (invalid byte at line " + std::to_string(line_ + lines_in(pending, bad)) +
                              ") nor Shift_JIS/CP932" + kSaveAs);
}

// Hands out what of `bytes` is whole in the chosen encoding, keeps a cut
// sequence in carry_.
std::string EntriesDecoder::utf8_part(std::string& bytes, bool last) {
  std::string out;
  if (mode_ == Mode::utf8) {
    size_t bad = 0;
    size_t n = valid_utf8_prefix(bytes, last, bad);
    if (bad != std::string::npos)
      throw InputError(file_, (encoding_ == "UTF-8 (BOM)" ? "starts with a UTF-8 byte order mark but line "
                                                           : "is UTF-8 up to line ") +
                                  std::to_string(line_ + lines_in(bytes, bad)) +
                                  (encoding_ == "UTF-8 (BOM)" ? " is not valid UTF-8" : ", which is not valid UTF-8") +
                                  kSaveAs);
    out = bytes.substr(0, n);
    carry_ = bytes.substr(n);
  } else {
    size_t bad = 0;
    if (!sjis_->convert(bytes, last, out, bad))
      throw InputError(file_, "is Shift_JIS up to line " + std::to_string(line_ + lines_in(bytes, bad)) +
                                  ", which is not valid Shift_JIS/CP932" + kSaveAs);
    carry_.clear();  // the converter keeps a cut character itself
  }
  line_ += lines_in(bytes, bytes.size() - carry_.size());
  return out;
}

bool EntriesDecoder::next(std::string& out) {
  if (done_) return false;
  std::string bytes = std::move(carry_);
  carry_.clear();
  bool more = read_chunk(bytes);
  if (!started_) {
    started_ = true;
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
      throw InputError(file_, "UTF-16 text is not supported" + kSaveAs);
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      bytes.erase(0, 3);
      mode_ = Mode::utf8;
      encoding_ = "UTF-8 (BOM)";
    }
    refuse_nul(bytes);
  }
  // At the end a Shift_JIS converter is still asked to finish a cut character.
  if (!more && bytes.empty() && mode_ != Mode::sjis) {
    done_ = true;
    return false;
  }
  if (mode_ == Mode::undecided) {
    auto high = std::find_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    size_t ascii = size_t(high - bytes.begin());
    out.append(bytes, 0, ascii);
    line_ += lines_in(bytes, ascii);
    if (ascii == bytes.size()) {
      if (!more) done_ = true;
      return true;
    }
    std::string pending = bytes.substr(ascii);
    decide(pending);
    bytes = std::move(pending);
    more = in_.peek() != std::char_traits<char>::eof();
  }
  out += utf8_part(bytes, !more);
  if (!more) done_ = true;
  return true;
}

std::string decode_entries_bytes(std::string_view bytes, const std::string& file, std::string& encoding) {
  std::istringstream in{std::string(bytes)};
  EntriesDecoder dec(in, file);
  std::string out;
  while (dec.next(out)) {
  }
  encoding = dec.encoding();
  return out;
}

}  // namespace kpix
