// Placeholders: text that stands for something not yet written.
#pragma once

#include <string_view>

namespace s75 {

// True when the whole value, trimmed, case-insensitive and optionally in
// brackets, is a placeholder: TBC, TBD, TBA, to be agreed, to be confirmed,
// to follow, pending, xxx, ..., ?, and (unless `na_is_answer`) n/a.
bool IsPlaceholder(std::string_view text, bool na_is_answer);

// True when text is empty or white space only.
bool IsBlank(std::string_view text);

}  // namespace s75
