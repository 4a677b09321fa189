// Mentions: does a text name a term, in the way a lawyer reads it?
#pragma once

#include <string_view>

namespace s75 {

// True when `text` contains `term` case-insensitively (ASCII), on word
// boundaries, with any run of white space between the term's words, at a place
// not directly preceded by "non-" or "non " ("non-surgical" does not mention
// "surgical"). A blank term is never mentioned.
bool Mentions(std::string_view text, std::string_view term);

}  // namespace s75
