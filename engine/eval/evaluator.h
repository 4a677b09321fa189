// The evaluate stage: a compiled pack and a loaded document in, findings
// out. Pure: no I/O, no shared mutable state, so workers may evaluate
// different documents with the same pack at once. Every loop runs over a
// list in the document, so evaluation terminates in time linear in its size.
#pragma once

#include <vector>

#include "common/date.h"
#include "common/finding.h"
#include "compile/pack.h"
#include "load/document.h"

namespace s75 {

struct EvalOptions {
  Date as_of;
};

// Appends the findings of `rule` on `doc` to `out`.
void EvaluateRule(const RuleDecl& rule, const Document& doc, const EvalOptions& options,
                  std::vector<Finding>& out);

// Appends the findings of every rule of `pack` on `doc` to `out`.
void Evaluate(const CompiledPack& pack, const Document& doc, const EvalOptions& options,
              std::vector<Finding>& out);

}  // namespace s75
