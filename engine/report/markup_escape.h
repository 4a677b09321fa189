// Escaping for the markup formats (JUnit XML, HTML, the Word document's XML).
#pragma once

#include <string>
#include <string_view>

namespace s75 {

// Escapes text for XML 1.0 and HTML5, in content and in attribute values
// (& < > " '); drops the characters XML 1.0 does not allow: the controls
// below U+0020 except tab, line feed and carriage return, and U+FFFE and
// U+FFFF. `text` is UTF-8 (the loader refuses anything else, surrogates
// included), so nothing else needs dropping.
std::string XmlEscape(std::string_view text);

}  // namespace s75
