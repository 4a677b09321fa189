// The compiler proper: type-checks one rule file's definitions and rules
// against the agreement format and compiles each rule into the typed program
// (compile/program.h). The parsed file is only read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "compile/program.h"
#include "parse/ast.h"

namespace s75 {

// The definitions a file can see: its imports' and its own.
using DefScope = std::map<std::string, const DefDecl*>;

// Checks the defs of `file` in order (each sees those before it and
// `imported`), then compiles every rule into `rules`, their code naming its
// files from `names`. Returns the file's own defs for importers.
DefScope CompileRuleFile(const RuleFile& file, const DefScope& imported, FileNames& names,
                         Diagnostics& diags, std::vector<CompiledRule>& rules);

}  // namespace s75
