#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <streambuf>
#include <vector>

namespace s75 {

namespace fs = std::filesystem;

// A stream buffer writing to a file descriptor that keeps the first write
// error (errno), so that a full disk is reported as such.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), data_(size_t{64} * 1024) {
    setp(data_.data(), data_.data() + data_.size());
  }
  int error() const { return error_; }
  bool Flush() {
    for (const char* p = pbase(); p < pptr() && error_ == 0;) {
      ssize_t n = ::write(fd_, p, static_cast<size_t>(pptr() - p));
      if (n < 0 && errno != EINTR) {
        error_ = errno;
      } else if (n > 0) {
        p += n;
      }
    }
    setp(data_.data(), data_.data() + data_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) {
      return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  int fd_;
  std::vector<char> data_;
  int error_ = 0;
};

namespace {

std::string Reason(int error) { return std::strerror(error); }

fs::path DirectoryOf(const std::string& path) {
  fs::path target(path);
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// A name for the temporary file that is not taken yet: `.NAME.tmp-XXXXXX`.
std::string TemporaryName(const std::string& path) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string suffix(6, 'x');
  for (char& c : suffix) {
    c = kChars[random() % (sizeof(kChars) - 1)];
  }
  return (DirectoryOf(path) / ("." + fs::path(path).filename().string() + ".tmp-" + suffix))
      .string();
}

// An ordinary file's mode (0666 less the umask), which mkstemp's 0600 is not.
void SetDefaultMode(int fd) {
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  std::string dir = DirectoryOf(path_).string();
#ifdef O_TMPFILE
  // Unnamed until Commit links it, so a killed run leaves nothing; the link
  // goes through /proc, so use it only where /proc is there.
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  }
#endif
  if (fd_ < 0) {
    std::string pattern = TemporaryName(path_);
    std::vector<char> name(pattern.begin(), pattern.end() - 6);
    name.insert(name.end(), {'X', 'X', 'X', 'X', 'X', 'X', '\0'});
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) {
      error_ = "cannot create a temporary file in " + dir + ": " + Reason(errno);
      return;
    }
    temp_ = name.data();
    SetDefaultMode(fd_);
  }
  buffer_ = std::make_unique<Buffer>(fd_);
  out_ = std::make_unique<std::ostream>(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
  }
  if (!committed_ && !temp_.empty()) {
    std::remove(temp_.c_str());
  }
}

std::string AtomicFile::Commit() { return Finish(true); }

std::string AtomicFile::CommitNew() { return Finish(false); }

// Puts the finished file at `path`: rename replaces a file there; link fails
// if one exists, and the temporary name is then removed with the object.
std::string AtomicFile::Finish(bool replace) {
  if (!error_.empty()) {
    return error_;
  }
  out_->flush();
  int error = buffer_->Flush() ? 0 : buffer_->error();
  if (error == 0 && ::fsync(fd_) != 0) {
    error = errno;
  }
  if (error == 0 && temp_.empty()) {
    // Name the unnamed file, then rename it into place like any other.
    std::string proc = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0; temp_.empty() && attempt < 100; ++attempt) {
      std::string name = TemporaryName(path_);
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        temp_ = name;
      } else if (errno != EEXIST) {
        error = errno;
        break;
      }
    }
    error = error == 0 && temp_.empty() ? EEXIST : error;
  }
  if (::close(fd_) != 0 && error == 0) {
    error = errno;
  }
  fd_ = -1;
  if (error != 0) {
    return "cannot write " + path_ + ": " + Reason(error);
  }
  if (!replace) {
    return ::link(temp_.c_str(), path_.c_str()) == 0
               ? ""
               : "cannot create " + path_ + ": " + Reason(errno);
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    return "cannot replace " + path_ + ": " + Reason(errno);
  }
  committed_ = true;
  // Make the rename itself durable; the file is in place whatever this says.
  int dir = ::open(DirectoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return "";
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
