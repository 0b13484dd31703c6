// SHA-256 of bytes, for document identity in records and the dataset, through
// OpenSSL's EVP digest interface (libcrypto).
//
//   kpix::sha256_hex("abc")                 // "ba7816bf…15ad"
//   kpix::Sha256 h; h.update(a); h.update(b); h.hex_digest();  // streamed
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace kpix {

// Throws std::runtime_error should OpenSSL fail (out of memory, no SHA-256 in
// its provider); the hash itself cannot fail.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  std::string hex_digest();  // finishes the hash; lowercase hex

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> ctx_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace kpix
