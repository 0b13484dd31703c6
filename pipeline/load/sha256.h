// SHA-256 of bytes (FIPS 180-4), for document identity in records and the
// dataset. Written here rather than pulling in a crypto library for one hash.
#pragma once

#include <string>
#include <string_view>

namespace kpix {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::string hex_digest();  // finishes the hash; lowercase hex

 private:
  void block(const unsigned char* p);
  unsigned int h_[8];
  unsigned char buf_[64];
  size_t buf_len_ = 0;
  unsigned long long total_ = 0;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace kpix
