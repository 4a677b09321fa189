// UTF-8 validation, for agreements and rule files alike: both must be UTF-8,
// and neither yaml-cpp nor ANTLR may be handed anything else.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace s75 {

// Where text stops being valid UTF-8.
struct Utf8Error {
  int line = 1;    // from 1, counting \n
  int column = 1;  // from 1, counting characters
  unsigned char byte = 0;

  // "not valid UTF-8 (byte 0xff)".
  std::string Describe() const;
};

// The first byte of `text` that does not begin a valid UTF-8 sequence (an
// overlong form, a surrogate or a code point past U+10FFFF is invalid), if any.
std::optional<Utf8Error> FindInvalidUtf8(std::string_view text);

// The 1-based line (counting \n) and column (counting characters, that is
// bytes that do not continue a UTF-8 sequence) of byte `offset` of `text`.
// Both scans find the first bad byte fast and place it only then.
std::pair<int, int> CharPosition(std::string_view text, size_t offset);

}  // namespace s75
