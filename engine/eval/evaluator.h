// The evaluate stage: a compiled pack and a loaded document in, findings
// out. Pure: no I/O, no shared mutable state, so workers may evaluate
// different documents with the same pack at once. Every loop runs over a
// list in the document, so evaluation terminates in time linear in its size.
#pragma once

#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/finding.h"
#include "compile/pack.h"
#include "compile/value.h"
#include "load/document.h"

namespace s75 {

struct EvalOptions {
  Date as_of;
};

// The values of the document's lists, built so far for one document: rules
// read the same lists (partners, contributions) again and again. Give the
// same memo to every rule run over that document, and a fresh one for the
// next document. (A rule's loop-invariant values are kept by its own run:
// no two rules share a compiled expression.)
class EvalMemo {
 public:
  // The values of a list in the document, by its node.
  const Value* FindList(const Node* list) const {
    auto it = lists_.find(list);
    return it == lists_.end() ? nullptr : &it->second;
  }
  const Value& KeepList(const Node* list, Value v) {
    return lists_.insert_or_assign(list, std::move(v)).first->second;
  }

 private:
  std::unordered_map<const Node*, Value> lists_;
};

// Appends the findings of `rule` on `doc` to `out`.
void EvaluateRule(const CompiledRule& rule, const Document& doc, const EvalOptions& options,
                  std::vector<Finding>& out);
void EvaluateRule(const CompiledRule& rule, const Document& doc, const EvalOptions& options,
                  EvalMemo& memo, std::vector<Finding>& out);

// Appends the findings of every rule of `pack` on `doc` to `out`.
void Evaluate(const CompiledPack& pack, const Document& doc, const EvalOptions& options,
              std::vector<Finding>& out);

}  // namespace s75
