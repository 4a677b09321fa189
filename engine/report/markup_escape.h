// Escaping for the markup formats (JUnit XML, HTML).
#pragma once

#include <string>
#include <string_view>

namespace s75 {

// Escapes text for XML 1.0 and HTML5, in content and in attribute values
// (& < > " '); drops the control characters XML 1.0 does not allow (all
// below U+0020 except tab, line feed and carriage return).
std::string XmlEscape(std::string_view text);

}  // namespace s75
