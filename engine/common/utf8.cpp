#include "common/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace s75 {

std::string Utf8Error::Describe() const {
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string("not valid UTF-8 (byte 0x") + kHex[byte >> 4] + kHex[byte & 15] + ")";
}

namespace {

// Where the run of ASCII bytes that starts at `from` ends: checked eight
// bytes at a time, because agreements are almost all ASCII.
size_t AsciiRunEnd(std::string_view text, size_t from) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t i = from;
  for (uint64_t word = 0; i + sizeof word <= text.size(); i += sizeof word) {
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) != 0) {
      break;
    }
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
    ++i;
  }
  return i;
}

}  // namespace

std::pair<int, int> CharPosition(std::string_view text, size_t offset) {
  std::string_view before = text.substr(0, offset);
  size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  auto line = std::count(before.begin(), before.end(), '\n');
  auto column =
      std::count_if(before.begin() + static_cast<std::ptrdiff_t>(line_start), before.end(),
                    [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  return {static_cast<int>(line) + 1, static_cast<int>(column) + 1};
}

std::optional<Utf8Error> FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while ((i = AsciiRunEnd(text, i)) < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (ok) {
      // Reject overlong forms, surrogates and code points past U+10FFFF.
      uint32_t cp = c & (0x7F >> len);
      for (size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (text[i + k] & 0x3F);
      }
      static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!ok) {
      Utf8Error at;
      std::tie(at.line, at.column) = CharPosition(text, i);
      at.byte = c;
      return at;
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace s75
