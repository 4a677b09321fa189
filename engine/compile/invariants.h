// Loop invariants: the compiler's last pass over a compiled rule.
//
// An expression inside a loop (a `for each` body or filter, or the condition
// of a comprehension) that reads no local variable has the same value on
// every pass over one document: `partners.id` in `for each m in ... where
// not is_partner(m)`. Such expressions, when they build a list or call a
// function, are given a `memo` slot (numbered from 0 in each rule) so the
// evaluator computes each once per document instead of once per element. A
// list of literals is folded into a constant on the way.
#pragma once

#include "compile/program.h"

namespace s75 {

void MarkLoopInvariants(CheckedRule& rule);

}  // namespace s75
