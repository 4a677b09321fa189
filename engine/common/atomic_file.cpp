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

// Creates an empty temporary file beside `path` (mode 0600 until renamed);
// its name, or "" with `error` set.
std::string MakeTemporary(const std::string& path, std::string& error) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
    return "";
  }
  close(fd);
  return name.data();
}

// Syncs `file` to disk; "" on success.
std::string Sync(const std::string& file) {
  int fd = open(file.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    std::string error = std::string("cannot flush: ") + std::strerror(errno);
    if (fd >= 0) {
      close(fd);
    }
    return error;
  }
  close(fd);
  return "";
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  temp_ = MakeTemporary(path_, error_);
  if (!temp_.empty()) {
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
      error_ = "cannot write " + temp_;
    }
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

std::string AtomicFile::Commit() { return Finish(true); }

std::string AtomicFile::CommitNew() { return Finish(false); }

// Puts the finished temporary file at `path`: rename replaces a file there;
// link fails if one exists, and the temporary name is then removed.
std::string AtomicFile::Finish(bool replace) {
  if (!error_.empty()) {
    return error_;
  }
  out_.flush();
  bool written = static_cast<bool>(out_);
  out_.close();
  std::string error =
      written && !out_.fail() ? Sync(temp_) : "cannot write " + path_ + ": " + std::strerror(errno);
  if (error.empty()) {
    SetDefaultMode(temp_.c_str());
    if (replace && std::rename(temp_.c_str(), path_.c_str()) != 0) {
      error = "cannot replace " + path_ + ": " + std::strerror(errno);
    }
    if (!replace && link(temp_.c_str(), path_.c_str()) != 0) {
      error = "cannot create " + path_ + ": " + std::strerror(errno);
    }
  }
  committed_ = error.empty() && replace;
  return error;
}

namespace {

std::string WriteWhole(const std::string& path, std::string_view content, bool replace) {
  AtomicFile file(path);
  if (!file.error().empty()) {
    return file.error();
  }
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return replace ? file.Commit() : file.CommitNew();
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  return WriteWhole(path, content, true);
}

std::string WriteNewFileAtomically(const std::string& path, std::string_view content) {
  return WriteWhole(path, content, false);
}

}  // namespace s75
