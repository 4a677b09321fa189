#include "common/read_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace s75 {

std::string ReadWholeFile(const std::string& path, std::string& text) {
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec) {
    return ec.message();
  }
  if (std::filesystem::is_directory(status)) {
    return "is a directory";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::strerror(errno);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return "cannot be read";
  }
  text = buffer.str();
  return "";
}

}  // namespace s75
