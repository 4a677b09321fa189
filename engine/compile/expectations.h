// Checks the findings a rule's failing tests expect (`expect RULE at PATH`)
// before any test runs: each must be able to come from the test, so that a
// mistyped expectation is a compile error rather than a test that can never
// pass.
#pragma once

#include "common/diagnostic.h"
#include "parse/ast.h"

namespace s75 {

// Reports each expectation of `rule`'s tests that names another rule (a test
// runs only its own rule) or a path the agreement format does not have.
void CheckExpectedFindings(const RuleDecl& rule, Diagnostics& diags);

}  // namespace s75
