#include "compile/invariants.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "compile/builtins.h"

namespace s75 {

namespace {

using Slots = std::vector<int>;  // the locals an expression reads, sorted

void Merge(Slots& into, const Slots& from) {
  if (from.empty()) {
    return;  // most expressions read no local
  }
  if (into.empty()) {
    into = from;
    return;
  }
  Slots merged;
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(merged));
  into = std::move(merged);
}

bool WorthKeeping(const CompiledExpr& e) {
  return e.type.kind == Type::kList || (e.kind == CompiledExpr::kCall && !IsOperator(*e.builtin));
}

// A list of literals with no `if`, such as ["signed", "in_force"], becomes a
// constant: built once here, where it was built at every evaluation. Its
// texts are views of strings the constant holds, so that copying an element
// (a comprehension's variable) copies no shared pointer.
void FoldLiteralList(CompiledExpr& e) {
  if (e.kind != CompiledExpr::kList) {
    return;
  }
  for (size_t i = 0; i < e.operands.size(); ++i) {
    auto kind = e.operands[i]->kind;
    if (e.conditions[i] || (kind != CompiledExpr::kConstant && kind != CompiledExpr::kText)) {
      return;
    }
  }
  std::vector<Value> items;
  for (const auto& item : e.operands) {
    // The items own their texts: the program outlives this tree.
    items.push_back(item->kind == CompiledExpr::kText ? Value::Text(item->text) : *item->constant);
  }
  e.kind = CompiledExpr::kConstant;
  e.constant = std::make_shared<const Value>(Value::List(std::move(items)));
  e.operands.clear();
  e.conditions.clear();
}

// Marks the loop invariants in `e` and returns the locals `e` reads that are
// bound outside it.
Slots Mark(CompiledExpr& e, bool in_loop, int& memos) {
  Slots free;
  auto visit = [&free, &memos](const std::unique_ptr<CompiledExpr>& c, bool loop) {
    if (c) {
      Merge(free, Mark(*c, loop, memos));
    }
  };
  if (e.kind == CompiledExpr::kLocal) {
    free.push_back(e.index);
  } else if (e.kind == CompiledExpr::kSelect) {
    visit(e.operands[0], in_loop);
    Slots condition = Mark(*e.operands[1], true, memos);
    std::erase(condition, e.index);
    Merge(free, condition);
  } else {
    for (const auto& c : e.operands) {
      visit(c, in_loop);
    }
    for (const auto& c : e.conditions) {
      visit(c, in_loop);
    }
  }
  FoldLiteralList(e);
  bool invariant = in_loop && free.empty() && e.kind != CompiledExpr::kConstant && WorthKeeping(e);
  e.memo = invariant ? memos++ : -1;
  return free;
}

void MarkStmts(std::vector<CompiledStmt>& stmts, bool in_loop, int& memos) {
  for (CompiledStmt& s : stmts) {
    bool body_in_loop = in_loop || s.kind == CompiledStmt::kFor;
    for (const std::unique_ptr<CompiledExpr>* e : {&s.expr, &s.at, &s.message}) {
      if (*e) {
        Mark(**e, in_loop, memos);
      }
    }
    if (s.filter) {
      Mark(*s.filter, body_in_loop, memos);
    }
    MarkStmts(s.body, body_in_loop, memos);
  }
}

}  // namespace

void MarkLoopInvariants(CheckedRule& rule) {
  rule.memos = 0;
  for (CompiledOverride& o : rule.overrides) {
    Mark(*o.condition, false, rule.memos);
  }
  MarkStmts(rule.check, false, rule.memos);
}

}  // namespace s75
