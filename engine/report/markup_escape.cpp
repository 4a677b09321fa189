#include "report/markup_escape.h"

namespace s75 {

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char ch : text) {
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
        if (c >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
          out += ch;
        }
    }
  }
  return out;
}

}  // namespace s75
