// The parser front end: rule-file text in, the engine's AST out. ANTLR's
// generated types never leave parser.cpp.
#pragma once

#include <memory>
#include <string>

#include "common/diagnostic.h"
#include "parse/ast.h"

namespace s75 {

// Parses one rule file. Syntax errors are added to `diags` with their
// file:line:column; the result is null when there were any.
std::unique_ptr<RuleFile> ParseRuleFile(const std::string& path, const std::string& source,
                                        Diagnostics& diags);

}  // namespace s75
