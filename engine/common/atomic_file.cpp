#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace s75 {

namespace {

// mkstemp creates 0600; a report is an ordinary file (0644 less the umask).
void SetDefaultMode(const char* file) {
  mode_t mask = umask(0);
  umask(mask);
  chmod(file, 0666 & ~mask);
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  }
  std::string error;
  size_t done = 0;
  while (done < content.size() && error.empty()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      error = std::string("cannot write: ") + std::strerror(errno);
    }
    if (n > 0) {
      done += static_cast<size_t>(n);
    }
  }
  if (error.empty() && fsync(fd) != 0) {
    error = std::string("cannot flush: ") + std::strerror(errno);
  }
  if (close(fd) != 0 && error.empty()) {
    error = std::string("cannot close: ") + std::strerror(errno);
  }
  if (error.empty()) {
    SetDefaultMode(name.data());
  }
  if (error.empty() && std::rename(name.data(), path.c_str()) != 0) {
    error = "cannot replace " + path + ": " + std::strerror(errno);
  }
  if (!error.empty()) {
    std::remove(name.data());
  }
  return error;
}

}  // namespace s75
