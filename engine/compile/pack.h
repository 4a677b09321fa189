// The compile stage: rule files in, an immutable compiled pack out. Every
// mistake a rule file can hold (syntax, unknown fields or names, type errors,
// unknown functions, duplicate ids, missing metadata) is found here, before
// any agreement is read.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "compile/program.h"
#include "parse/ast.h"

namespace s75 {

// One rule file of a pack: its path (for messages) and text. Its import name
// is the file name without directory and extension.
struct RuleSource {
  std::string path;
  std::string text;
};

// Compiled rules: immutable after CompilePack, shared by all workers. No
// parse node is reachable from them.
class CompiledPack {
 public:
  // Every rule, in id order.
  const std::vector<CompiledRule>& rules() const { return rules_; }
  // The rule with this id, or null.
  const CompiledRule* Find(const std::string& id) const;
  // The code of every rule (CompiledRule::code).
  const ProgramCode& code() const { return code_; }

 private:
  friend std::unique_ptr<const CompiledPack> CompilePack(RuleFiles parsed,
                                                         const std::vector<RuleSource>& sources,
                                                         Diagnostics& diags);
  friend std::unique_ptr<const CompiledPack> LoadProgram(std::string_view bytes);
  std::vector<CompiledRule> rules_;
  ProgramCode code_;
  FileNames files_;  // the names the rules' code refers to (none, once loaded)
  // The parsed files, kept but not exposed: freed at start-up, their many
  // small blocks scatter the loader's allocations over the heap, and a sweep
  // of 2,000 agreements took about 3% more CPU time.
  RuleFiles parsed_;
};

// Parses and checks all `sources` together. Returns null when any
// diagnostic is an error; `diags` then says where and why.
std::unique_ptr<const CompiledPack> CompilePack(const std::vector<RuleSource>& sources,
                                                Diagnostics& diags);

// As above, with `parsed` files (the built-in packs, parsed at build time)
// first, then `sources` parsed now: a clash is reported on the later file.
std::unique_ptr<const CompiledPack> CompilePack(RuleFiles parsed,
                                                const std::vector<RuleSource>& sources,
                                                Diagnostics& diags);

}  // namespace s75
