// The compiler proper: type-checks one rule file's definitions and rules
// against the agreement format and compiles each rule into the typed program
// (compile/program.h). The parsed file is only read.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "compile/program.h"
#include "parse/ast.h"

namespace s75 {

// The definitions a file can see: its imports' and its own.
using DefScope = std::map<std::string, const DefDecl*>;

// A definition without parameters, compiled once where it is defined and
// cloned at each use (its locals moved to the user's slots): compiling the
// body again at every use was most of start-up's compiling.
struct CompiledDef {
  std::unique_ptr<CompiledExpr> body;
  int slots = 0;  // the locals it binds, in slots 0..slots-1
};
using CompiledDefs = std::map<const DefDecl*, CompiledDef>;

// Checks the defs of `file` in order (each sees those before it and
// `imported`), then compiles every rule into `rules`, their code naming its
// files from `names`. Returns the file's own defs for importers.
// `compiled` holds the pack's parameterless defs, this file's added to it.
DefScope CompileRuleFile(const RuleFile& file, const DefScope& imported, CompiledDefs& compiled,
                         FileNames& names, Diagnostics& diags, std::vector<CheckedRule>& rules);

}  // namespace s75
