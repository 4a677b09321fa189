// Files the tool writes are written whole or not at all.
#pragma once

#include <string>
#include <string_view>

namespace s75 {

// Writes `content` to a temporary file beside `path` and renames it over
// `path`. On failure the old file is untouched, the temporary removed, and
// the reason returned; "" on success.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace s75
