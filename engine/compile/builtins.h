// The rule language's built-in functions and operators. Each is declared once,
// by one descriptor holding its name, its documentation, its type rule (which
// the checker runs on every call) and its implementation (which the evaluator
// runs); adding a function is adding a descriptor to builtins.cpp.
//
// The descriptors live here, in the compile stage, because the checker is the
// first to need them; their implementations work on values (compile/value.h)
// through the small Call interface below, which the evaluator implements, so
// no stage depends on a later one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "compile/program.h"
#include "compile/types.h"
#include "compile/value.h"
#include "parse/ast.h"

namespace s75 {

class TypeCheck;
class Call;

struct Builtin {
  std::string_view name;       // `count`, `==`, `not in`
  std::string_view signature;  // functions: "count(list) -> number"; operators: their operands
  std::string_view meaning;    // one line of the language reference
  std::string_view example;    // functions: a use, for the language reference
  std::uint8_t min_args = 1;
  std::uint8_t max_args = 1;
  // The argument (if any, else -1) that is a string literal taken as written:
  // a pattern, in which `{2,3}` is no interpolation.
  std::int8_t literal_arg = -1;
  // Checks a call's arguments (already typed) and gives the result's type.
  Type (*check)(TypeCheck& call) = nullptr;
  // Computes a call's value.
  Value (*run)(Call& call) = nullptr;
};

// Every built-in function, in the order the language reference lists them.
std::span<const Builtin> Functions();

// The function named `name`, or null.
const Builtin* FindFunction(std::string_view name);

// The built-in of an operator.
const Builtin& OperatorBuiltin(Operator op);

// True for the built-in of an operator, false for a function's.
bool IsOperator(const Builtin& b);

// Every operator's built-in, in the order of the Operator enum.
std::span<const Builtin> Operators();

// A built-in's place among all of them, functions first, then operators: what
// a compiled call (Op::builtin) holds.
int BuiltinId(const Builtin& b);

// The built-in at place `id`, or null when there is none (a loaded program's
// check); BuiltinById is for a program that has passed it.
const Builtin* FindBuiltinById(int id);
inline const Builtin& BuiltinById(int id) { return *FindBuiltinById(id); }

// A call being checked: its arguments, compiled and typed, and the way to
// report what is wrong with them.
class TypeCheck {
 public:
  TypeCheck(const Builtin& builtin, CompiledExpr& call, bool arity_ok, Diagnostics& diags)
      : builtin_(builtin), call_(call), arity_ok_(arity_ok), diags_(diags) {}

  // The number of arguments was right (else the checker said so).
  bool ok() const { return arity_ok_; }
  size_t size() const { return call_.operands.size(); }
  // Argument i, and its type (unknown past the last argument).
  const CompiledExpr& arg(size_t i) const { return *call_.operands[i]; }
  Type type(size_t i) const;
  std::string_view name() const { return builtin_.name; }

  // Reports at the call.
  void Error(std::string message);
  // Reports at `at`.
  void Error(const CodeRange& at, std::string message);
  // Unless `ok`: "argument i of `f` is T: SIGNATURE", at the argument.
  void Expect(size_t i, bool ok);
  // The text of argument i, which must be a string literal.
  std::string Literal(size_t i);
  // Compiles `regex` as the call's pattern.
  void SetPattern(const std::string& regex);
  // Unless a string literal `literal` is one of the words of the enum field
  // typed `field`, says so.
  void CheckVocabulary(const Type& field, const CompiledExpr& literal);
  // Appends an argument that the call reads without the rule writing it.
  void AddOperand(std::unique_ptr<CompiledExpr> operand);

 private:
  const Builtin& builtin_;
  CompiledExpr& call_;
  bool arity_ok_;
  Diagnostics& diags_;
};

// How a quantifier's condition held over the elements of its list.
struct Verdicts {
  bool invalid = false;  // the list itself is invalid
  int yes = 0;
  int no = 0;
  int unknown = 0;
};

// The evaluator, as the implementations see it.
class Interpreter {
 public:
  // The value of `e`.
  virtual Value Evaluate(const Op& e) = 0;
  // How the condition of `selection` (a kSelect) holds over its list.
  virtual Verdicts Judge(const Op& selection) = 0;

 protected:
  ~Interpreter() = default;
};

// A call being evaluated: an implementation evaluates the arguments it needs,
// when it needs them (`and` may never look at its right side).
class Call {
 public:
  Call(const Op& site, const ProgramCode& code, Interpreter& interpreter)
      : site_(site), code_(code), in_(interpreter) {}

  size_t size() const { return site_.count; }
  Value Arg(size_t i) { return in_.Evaluate(site_.operand(i)); }
  Verdicts Judge(size_t i) { return in_.Judge(site_.operand(i)); }
  // The compiled pattern of a pattern function.
  const re2::RE2& pattern() const { return *code_.patterns[site_.value]; }

 private:
  const Op& site_;
  const ProgramCode& code_;
  Interpreter& in_;
};

}  // namespace s75
