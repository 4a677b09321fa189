// Type checking of one rule file's definitions and rules against the
// agreement format. Annotates the AST in place.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "parse/ast.h"

namespace s75 {

// The definitions a file can see: its imports' and its own.
using DefScope = std::map<std::string, const DefDecl*>;

// Checks the defs of `file` in order (each sees those before it and
// `imported`), then every rule. Returns the file's own defs for importers.
DefScope CheckRuleFile(RuleFile& file, const DefScope& imported, Diagnostics& diags);

}  // namespace s75
