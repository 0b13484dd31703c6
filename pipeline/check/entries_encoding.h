// The bytes of an entries file to UTF-8: UTF-8 with or without BOM, or
// Shift_JIS / CP932 as Japanese Excel saves CSV, told apart by validity.
//
//   kpix::EntriesDecoder dec(std::cin, "-");
//   std::string text;
//   while (dec.next(text)) …            // UTF-8, a chunk at a time; throws InputError
//
// The file is read once, in chunks (a pipe works). ASCII reads the same in
// both encodings, so the choice waits for the first bytes above 0x7F and is
// made on up to kDecideBytes from there: valid UTF-8 is UTF-8, else valid
// CP932 is Shift_JIS, else the file is refused. Bytes later that the chosen
// encoding does not define are an error naming their line.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace kpix {

class EntriesDecoder {
 public:
  EntriesDecoder(std::istream& in, std::string file);
  ~EntriesDecoder();
  EntriesDecoder(const EntriesDecoder&) = delete;
  EntriesDecoder& operator=(const EntriesDecoder&) = delete;

  // Appends the next UTF-8 text to `out`; false when the file is done.
  // Throws InputError(file, …) for UTF-16, NUL bytes, or bytes that are
  // neither UTF-8 nor Shift_JIS/CP932.
  bool next(std::string& out);

  // "UTF-8", "UTF-8 (BOM)" or "Shift_JIS"; "UTF-8" for a file of ASCII only.
  const std::string& encoding() const { return encoding_; }

  static constexpr size_t kChunkBytes = size_t(64) << 10;
  static constexpr size_t kDecideBytes = size_t(1) << 20;

 private:
  class Sjis;
  bool read_chunk(std::string& bytes);  // raw bytes; false at the end
  void refuse_nul(std::string_view bytes) const;  // UTF-16 or binary: throws
  void decide(std::string& pending);    // sets mode_ from the bytes read so far
  std::string utf8_part(std::string& bytes, bool last);

  std::istream& in_;
  std::string file_;
  std::string encoding_ = "UTF-8";
  enum class Mode { undecided, utf8, sjis } mode_ = Mode::undecided;
  bool started_ = false, done_ = false;
  std::string carry_;  // bytes of a sequence cut by the chunk's end
  int line_ = 1;       // line of the first byte not yet handed out
  std::unique_ptr<Sjis> sjis_;
};

// All of `bytes` to UTF-8 (EntriesDecoder over a string). Sets `encoding`.
// Throws InputError(file, …) as EntriesDecoder::next does.
std::string decode_entries_bytes(std::string_view bytes, const std::string& file, std::string& encoding);

}  // namespace kpix
