#include "report/markup_escape.h"

namespace s75 {

namespace {

// U+FFFE and U+FFFF (EF BF BE, EF BF BF in UTF-8), which XML 1.0 does not allow.
bool IsNonCharacterAt(std::string_view text, size_t i) {
  return text.size() - i >= 3 && text[i] == '\xEF' && text[i + 1] == '\xBF' &&
         (text[i + 2] == '\xBE' || text[i + 2] == '\xBF');
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (IsNonCharacterAt(text, i)) {
          i += 2;
        } else if (c >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
          out += ch;
        }
    }
  }
  return out;
}

}  // namespace s75
