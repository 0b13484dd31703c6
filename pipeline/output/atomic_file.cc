#include "pipeline/output/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "pipeline/model/error.h"

namespace kpix {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  temp_ = path_ + ".tmp-XXXXXX";
  int fd = mkstemp(temp_.data());
  if (fd < 0) throw InputError(path_, std::string("cannot write: ") + std::strerror(errno));
  // mkstemp makes the file private; outputs get the usual mode (0666 less umask).
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  f_ = fdopen(fd, "wb");
  if (!f_) {
    ::close(fd);
    ::unlink(temp_.c_str());
    throw InputError(path_, std::string("cannot write: ") + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (f_) std::fclose(f_);
  if (!committed_) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size())
    throw InputError(path_, std::string("write failed: ") + std::strerror(errno));
}

void AtomicFile::commit() {
  if (std::fflush(f_) != 0 || fsync(fileno(f_)) != 0)
    throw InputError(path_, std::string("write failed: ") + std::strerror(errno));
  std::fclose(f_);
  f_ = nullptr;
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    throw InputError(path_, std::string("cannot replace: ") + std::strerror(errno));
  committed_ = true;
}

}  // namespace kpix
