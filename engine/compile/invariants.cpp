#include "compile/invariants.h"

#include <algorithm>
#include <vector>

namespace s75 {

namespace {

using Slots = std::vector<int>;  // the locals an expression reads, sorted

void Merge(Slots& into, const Slots& from) {
  Slots merged;
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(merged));
  into = std::move(merged);
}

bool WorthKeeping(const Expr& e) { return e.type.kind == Type::kList || e.kind == ExprKind::kCall; }

// Marks the loop invariants in `e` and returns the locals `e` reads that are
// bound outside it.
Slots Mark(Expr& e, bool in_loop) {
  Slots free;
  auto visit = [&free](const std::unique_ptr<Expr>& c, bool loop) {
    if (c) {
      Merge(free, Mark(*c, loop));
    }
  };
  if (e.kind == ExprKind::kName && e.slot >= 0) {
    free.push_back(e.slot);
  } else if (e.kind == ExprKind::kComprehension) {
    visit(e.children[0], in_loop);
    Slots condition = Mark(*e.children[1], true);
    std::erase(condition, e.slot);
    Merge(free, condition);
  } else {
    for (const auto& c : e.children) {
      visit(c, in_loop);
    }
    for (const auto& c : e.conditions) {
      visit(c, in_loop);
    }
    for (const TemplatePart& p : e.parts) {
      visit(p.expr, in_loop);
    }
  }
  e.memo = in_loop && free.empty() && WorthKeeping(e);
  return free;
}

void MarkStmts(StmtList& stmts, bool in_loop) {
  for (const auto& s : stmts) {
    bool body_in_loop = in_loop || s->kind == StmtKind::kFor;
    for (const std::unique_ptr<Expr>* e : {&s->expr, &s->at, &s->message}) {
      if (*e) {
        Mark(**e, in_loop);
      }
    }
    if (s->filter) {
      Mark(*s->filter, body_in_loop);
    }
    MarkStmts(s->body, body_in_loop);
  }
}

}  // namespace

void MarkLoopInvariants(RuleDecl& rule) {
  for (SeverityOverride& o : rule.overrides) {
    Mark(*o.condition, false);
  }
  MarkStmts(rule.check, false);
}

}  // namespace s75
