// Runs the tests that live with the rules: each rule's passing and failing
// agreement snippets, and the check that every rule has its documentation.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/finding.h"
#include "compile/pack.h"

namespace s75 {

// What one test did.
struct RuleTestOutcome {
  SourceRange range;    // the `test` (or the rule, for its documentation); none when built in
  std::string rule;     // "FIN.01"
  std::string kind;     // "pass", "fail", "documentation", "pass (built in)", "fail (built in)"
  std::string failure;  // why it failed, one readable paragraph; "" when it passed
  int counted = 0;      // a `test fail N` that names no findings: N
  std::vector<Finding> findings;  // the rule's findings, lines counted within the snippet
};

struct RuleTestResults {
  int passed = 0;
  int failed = 0;
  std::vector<RuleTestOutcome> outcomes;  // in the order run
};

// Runs every test of every rule in `pack`. A snippet without a `format:`
// line is read as if it began with `format: s75check/1`. Tests without
// `as_of` are evaluated as of `default_as_of`. A snippet with document errors
// other than DOC.04 (wrong type) and DOC.05 (missing required key) fails.
// A passing test passes when the rule gives no finding; a failing test when
// its findings are exactly those its `expect` lines name, in any order (rule
// and path, and the line in the snippet where one is given). A failing test
// that only counts its findings (`test fail N`) fails.
RuleTestResults RunRuleTests(const CompiledPack& pack, Date default_as_of);

// Runs the examples of the rules built into the engine (DOC and WAIVER) through
// the whole check with `pack`: each failing example must give exactly its
// rule's expected findings, each passing example none. Adds to `results`.
void RunBuiltinRuleTests(const CompiledPack& pack, Date as_of, RuleTestResults& results);

// Writes the failures ("FAIL where: why") and then "N passed, N failed".
void WriteRuleTestText(const RuleTestResults& results, std::ostream& out);

// Writes every test's outcome and findings as JSON, for tools
// (scripts/name-test-findings).
void WriteRuleTestJson(const RuleTestResults& results, std::ostream& out);

}  // namespace s75
