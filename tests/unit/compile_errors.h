// The diagnostics of compiling one rule file, for the tests of what the rule
// compiler refuses.
#pragma once

#include <string>
#include <vector>

#include "compile/pack.h"

namespace s75 {

// Compiles `text` as the pack's only file, rules/t.rules, and returns its
// diagnostics as "line:col message".
inline std::vector<std::string> CompileErrors(const std::string& text) {
  Diagnostics diags;
  CompilePack({{"rules/t.rules", text}}, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    out.push_back(std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " " +
                  d.message);
  }
  return out;
}

}  // namespace s75
