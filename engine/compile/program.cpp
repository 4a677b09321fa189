#include "compile/program.h"

#include <re2/re2.h>

namespace s75 {

const std::string* FileNames::Intern(const std::string& name) {
  if (last_ == nullptr || *last_ != name) {
    last_ = &*names_.insert(name).first;
  }
  return last_;
}

std::shared_ptr<const re2::RE2> CompilePattern(const std::string& regex) {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_shared<const re2::RE2>(regex, options);
}

std::unique_ptr<CompiledExpr> CompiledExpr::Clone() const {
  auto c = std::make_unique<CompiledExpr>();
  c->kind = kind;
  c->memo = memo;
  c->index = index;
  c->builtin = builtin;
  c->constant = constant;
  c->text = text;
  for (const auto& o : operands) {
    c->operands.push_back(o->Clone());
  }
  for (const auto& o : conditions) {
    c->conditions.push_back(o ? o->Clone() : nullptr);
  }
  c->pattern = pattern;
  c->type = type;
  c->range = range;
  return c;
}

}  // namespace s75
