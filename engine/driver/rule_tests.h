// Runs the tests that live with the rules: each rule's passing and failing
// agreement snippets, and the check that every rule has its documentation.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "compile/pack.h"

namespace s75 {

struct RuleTestResults {
  int passed = 0;
  int failed = 0;
  std::vector<std::string> failures;  // one readable paragraph each
};

// Runs every test of every rule in `pack`. A snippet without a `format:`
// line is read as if it began with `format: s75check/1`. Tests without
// `as_of` are evaluated as of `default_as_of`. A snippet with document errors
// other than DOC.04 (wrong type) and DOC.05 (missing required key) fails.
RuleTestResults RunRuleTests(const CompiledPack& pack, Date default_as_of);

// Runs the examples of the rules built into the engine (DOC and WAIVER) through
// the whole check with `pack`: each failing example must give its rule's
// finding, each passing example none. Adds to `results`.
void RunBuiltinRuleTests(const CompiledPack& pack, Date as_of, RuleTestResults& results);

}  // namespace s75
