// The compile stage of the pipeline: the rule packs a run uses (the built-in
// ones, replaced with --rules or added to with --extra-rules), compiled, and
// every rule a check with them can report.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/builtin_rule.h"
#include "common/diagnostic.h"
#include "compile/pack.h"
#include "report/check_report.h"

namespace s75 {

// Which rule files a run compiles.
struct PackOptions {
  std::string rules_dir;                // replace the built-in packs; "" for the built-in ones
  std::vector<std::string> extra_dirs;  // local packs added to them
};

// The rule files of the built-in packs, compiled into the binary.
std::vector<RuleSource> BuiltinRuleSources();

// The built-in packs as parsed at build time (parse/snapshot.h).
std::string_view BuiltinSnapshot();

// The built-in packs as compiled at build time (compile/program_snapshot.h).
std::string_view BuiltinProgram();

// The built-in packs and `extra` rule files, compiled together: with no
// `extra`, the program compiled at build time; else the parse tree's snapshot
// compiled with them.
std::unique_ptr<const CompiledPack> CompileBuiltinPacks(std::vector<RuleSource> extra,
                                                        Diagnostics& diags);

// Every `*.rules` file below `dir`, by path. Errors (a missing or unreadable
// directory, one with no rule files) go to `diags`.
std::vector<RuleSource> RuleSourcesFromDirectory(const std::string& dir, Diagnostics& diags);

// The packs `options` names, compiled. Every diagnostic, warnings included, is
// written to `err` with the rule file's line and a caret; null, having said
// that no agreement was checked, when they do not compile.
std::unique_ptr<const CompiledPack> CompileRules(const PackOptions& options, std::ostream& err);

// The rules built into the engine: DOC (the loader's), then WAIVER.
std::vector<BuiltinRule> BuiltinRules();

// The ids of every rule a check with `pack` can report (AllRules,
// catalogue.h), for --select and --ignore.
std::vector<std::string> KnownRuleIds(const CompiledPack& pack);

// The tool's version.
std::string ToolVersion();

// Where the tool is hosted and documented: the build's S75_HOMEPAGE_URL.
std::string ToolInformationUri();

}  // namespace s75
