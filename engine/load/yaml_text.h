// What yaml-cpp does not report but the text of the file shows: a comment
// that cuts unquoted text short (DOC.09), a quoted value never closed, and
// the `: ` or ` #` inside unquoted text behind a syntax error (DOC.01).
// Offsets are in bytes of the text yaml-cpp read; a node is at the offset
// yaml-cpp's mark gives, which is on its `&anchor` or `!tag` if it has one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "load/document.h"
#include "load/yaml_reader.h"

namespace s75 {

// The offset of a node's content: past its `&anchor` and `!tag`, where
// yaml-cpp's mark puts the node, and the white space after them.
size_t SkipProperties(std::string_view text, size_t at);

// The offset in `line` of a `#` that starts a comment after some content,
// outside quotes, or npos. A quote opens only where a value can start.
size_t InlineComment(std::string_view line);

// The comment on the line where the plain scalar `value` ends, the node
// being at `at` on 1-based `line`, when it is not written as a comment by
// the usual convention and drops some words: DOC.09 for a text field.
std::optional<CutComment> FindCut(std::string_view text, size_t at, int line,
                                  std::string_view value);

// DOC.01 at the opening quote of the quoted scalar at `at` (on `line`) when
// it is never closed: yaml-cpp 0.7 reads a quote left open at the end of a
// file, after a line break, as running to the end and reports nothing.
std::optional<ReadError> UnclosedQuote(std::string_view text, size_t at, int line);

// What to do about the syntax error yaml-cpp reported as `what` at `at` (the
// end of the text when it stopped there), when a `: ` or ` #` inside
// unquoted text is the likely cause: put the text in quotes. Empty otherwise.
std::string QuotingAdvice(std::string_view text, size_t at, std::string_view what);

}  // namespace s75
