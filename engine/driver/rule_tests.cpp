#include "driver/rule_tests.h"

#include "eval/evaluator.h"
#include "load/loader.h"

namespace s75 {

namespace {

// Findings as "line:col rule: message", lines counted within the snippet
// (`offset` is the number of lines the runner put in front of it).
std::string Describe(const std::vector<Finding>& findings, int offset) {
  std::string out;
  for (const Finding& f : findings) {
    out += "    " + std::to_string(f.range.line - offset) + ":" + std::to_string(f.range.column) +
           " " + f.rule + ": " + f.message + "\n";
  }
  return out;
}

// Runs one test case; returns "" when it passes, else why not.
std::string RunCase(const RuleDecl& rule, const RuleTest& test, Date default_as_of) {
  std::string yaml = test.yaml;
  int offset = 0;
  if (yaml.rfind("format:", 0) != 0) {
    yaml = "format: s75check/1\n" + yaml;
    offset = 1;
  }
  LoadResult loaded = LoadAgreementText(yaml, test.range.ToString(), LoadLimits{});
  std::vector<Finding> doc_errors;
  for (const Finding& f : loaded.findings) {
    // Partial snippets lack required keys, and a test may hold a wrong type on
    // purpose (the rules must ignore it); anything else is a broken test.
    if (f.rule != "DOC.04" && f.rule != "DOC.05") doc_errors.push_back(f);
  }
  if (!loaded.checked || !doc_errors.empty()) {
    return "the test agreement has document errors:\n" + Describe(doc_errors, offset);
  }
  std::vector<Finding> findings;
  EvaluateRule(rule, *loaded.document, EvalOptions{test.as_of.value_or(default_as_of)}, findings);
  int expected = test.expect_pass ? 0 : test.expected_findings;
  if (static_cast<int>(findings.size()) == expected) return "";
  return "expected " + std::to_string(expected) + " finding(s), got " +
         std::to_string(findings.size()) +
         (findings.empty() ? "" : ":\n" + Describe(findings, offset));
}

}  // namespace

RuleTestResults RunRuleTests(const CompiledPack& pack, Date default_as_of) {
  RuleTestResults results;
  auto record = [&](const std::string& where, const std::string& failure) {
    if (failure.empty()) {
      ++results.passed;
    } else {
      ++results.failed;
      results.failures.push_back(where + ": " + failure);
    }
  };
  for (const RuleDecl* rule : pack.rules()) {
    int passing = 0;
    int failing = 0;
    for (const RuleTest& test : rule->tests) {
      (test.expect_pass ? passing : failing)++;
      record(test.range.ToString() + ": " + rule->id + (test.expect_pass ? " pass" : " fail"),
             RunCase(*rule, test, default_as_of));
    }
    std::string missing;
    if (rule->remediation.empty()) missing += " a remediation,";
    if (rule->references.empty()) missing += " a reference,";
    if (passing == 0) missing += " a passing test,";
    if (failing == 0) missing += " a failing test,";
    if (!missing.empty()) missing = "the rule lacks" + missing.substr(0, missing.size() - 1);
    record(rule->range.ToString() + ": " + rule->id + " documentation", missing);
  }
  return results;
}

}  // namespace s75
