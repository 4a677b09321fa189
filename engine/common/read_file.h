// Reading a small text file (a settings file, a baseline) whole.
#pragma once

#include <string>

namespace s75 {

// Reads all of `path` into `text`. Returns "" on success, else why it could
// not be read ("no such file or directory", "is a directory").
std::string ReadWholeFile(const std::string& path, std::string& text);

}  // namespace s75
