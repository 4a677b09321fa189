// Files the tool writes are written whole or not at all.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace s75 {

// A file written as a stream, whole or not at all. The text goes to an
// unnamed temporary file in the directory of `path` (Linux O_TMPFILE), which
// Commit gives a name and renames over `path`; so a run killed while writing
// leaves nothing behind. Where the filesystem has no O_TMPFILE, the temporary
// file is named `.NAME.tmp-XXXXXX` beside `path` from the start (a run killed
// by SIGKILL can leave it; delete it). If Commit is never called (an error,
// an exception), the temporary file is removed and `path` is untouched.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // "" when the temporary file is open for writing, else why not.
  const std::string& error() const { return error_; }
  std::ostream& stream() { return *out_; }
  // Flushes, syncs and renames; "" on success, else why it failed (a write,
  // sync, close or rename error, with the system's reason). On failure
  // `path` is untouched.
  std::string Commit();
  // As Commit, but never replaces an existing `path`: if one exists (even
  // one created meanwhile by another process), it is left as it was.
  std::string CommitNew();

 private:
  class Buffer;
  std::string Finish(bool replace);
  std::string path_;
  std::string temp_;  // the temporary file's name; "" while it has none
  int fd_ = -1;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> out_;
  std::string error_;
  bool committed_ = false;
};

// Writes `content` to a temporary file beside `path` and renames it over
// `path`. On failure the old file is untouched, the temporary removed, and
// the reason returned; "" on success.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

// As WriteFileAtomically, but fails if `path` exists.
std::string WriteNewFileAtomically(const std::string& path, std::string_view content);

}  // namespace s75
