#include "driver/rule_tests.h"

#include "common/rule_ids.h"
#include "driver/pipeline.h"
#include "eval/evaluator.h"
#include "load/loader.h"

namespace s75 {

namespace {

std::string Place(const Finding& f) {
  return std::to_string(f.range.line) + ":" + std::to_string(f.range.column);
}

// Findings as "line:col rule: message" (document errors of a snippet).
std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += "    " + Place(f) + " " + f.rule + ": " + f.message + "\n";
  }
  return out;
}

// Findings as the `expect` lines that would name them, each followed by its
// place and message: what to paste into the test, and what to read.
std::string AsExpectLines(const std::string& label, const std::vector<const Finding*>& findings) {
  std::string out;
  for (const Finding* f : findings) {
    ExpectedFinding named{{}, f->rule, f->path, {}, 0};
    out += "    " + label + named.ToString() + "    # " + Place(*f) + " " + f->message + "\n";
  }
  return out;
}

bool Matches(const ExpectedFinding& e, const Finding& f) {
  return e.rule == f.rule && e.path == f.path && (e.line == 0 || e.line == f.range.line);
}

// "" when `actual` holds exactly the `expected` findings, in any order; else
// what was expected and not found, and what was found and not expected.
std::string Compare(const std::vector<ExpectedFinding>& expected,
                    const std::vector<Finding>& actual) {
  std::vector<bool> used(actual.size(), false);
  std::string missing;
  // Expectations with a line first: one without takes any line that is left.
  for (bool with_line : {true, false}) {
    for (const ExpectedFinding& e : expected) {
      if ((e.line > 0) != with_line) {
        continue;
      }
      size_t i = 0;
      while (i < actual.size() && (used[i] || !Matches(e, actual[i]))) {
        ++i;
      }
      if (i == actual.size()) {
        missing += "    expected, not found: " + e.ToString() + "\n";
      } else {
        used[i] = true;
      }
    }
  }
  std::vector<const Finding*> extra;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!used[i]) {
      extra.push_back(&actual[i]);
    }
  }
  if (missing.empty() && extra.empty()) {
    return "";
  }
  std::string head = expected.empty()
                         ? "expected no finding, got " + std::to_string(actual.size()) + ":\n"
                         : "the findings are not the ones expected:\n";
  return head + missing + AsExpectLines("found, not expected: ", extra);
}

// Why a failing test of an older pack, which counts its findings, fails.
std::string Uncounted(const RuleTest& test, const std::vector<Finding>& findings) {
  std::vector<const Finding*> all;
  all.reserve(findings.size());
  for (const Finding& f : findings) {
    all.push_back(&f);
  }
  return "`test fail " + std::to_string(test.counted) +
         "` counts findings without naming them: drop the count and name each finding on an "
         "`expect` line after the snippet (scripts/name-test-findings does this for a pack). "
         "The snippet gives " +
         std::to_string(findings.size()) + ":\n" + AsExpectLines("", all);
}

// Runs one test case; returns "" when it passes, else why not. `findings`
// receives the rule's findings, their lines counted within the snippet.
std::string RunCase(const CompiledRule& rule, const RuleTest& test, Date default_as_of,
                    std::vector<Finding>& findings) {
  std::string yaml = test.yaml;
  int offset = 0;
  if (yaml.rfind("format:", 0) != 0) {
    yaml = "format: s75check/1\n" + yaml;
    offset = 1;
  }
  LoadResult loaded = LoadAgreementText(yaml, test.range.ToString(), LoadLimits{});
  std::vector<Finding> doc_errors;
  for (Finding f : loaded.findings) {
    // Partial snippets lack required keys, and a test may hold a wrong type on
    // purpose (the rules must ignore it); anything else is a broken test.
    if (f.rule != kDocWrongType && f.rule != kDocMissingRequired) {
      f.range.line -= offset;
      doc_errors.push_back(f);
    }
  }
  if (!loaded.checked || !doc_errors.empty()) {
    return "the test agreement has document errors:\n" + Describe(doc_errors);
  }
  EvaluateRule(rule, *loaded.document, EvalOptions{test.as_of.value_or(default_as_of)}, findings);
  for (Finding& f : findings) {
    f.range.line -= offset;
  }
  if (test.counted > 0) {
    return Uncounted(test, findings);
  }
  return Compare(test.expected, findings);
}

void Record(RuleTestResults& results, RuleTestOutcome outcome) {
  (outcome.failure.empty() ? results.passed : results.failed)++;
  results.outcomes.push_back(std::move(outcome));
}

// The files of an example: "# name.yaml" lines start a new file.
std::vector<std::pair<std::string, std::string>> ExampleFiles(std::string_view yaml) {
  std::vector<std::pair<std::string, std::string>> files;
  size_t pos = 0;
  while (pos < yaml.size()) {
    size_t end = yaml.find('\n', pos);
    end = end == std::string_view::npos ? yaml.size() : end + 1;
    std::string_view line = yaml.substr(pos, end - pos);
    if (line.rfind("# ", 0) == 0 && line.find(".yaml") != std::string_view::npos) {
      files.emplace_back(std::string(line.substr(2, line.find(".yaml") + 3)), "");
    } else {
      if (files.empty()) {
        files.emplace_back("example.yaml", "");
      }
      files.back().second += line;
    }
    pos = end;
  }
  return files;
}

// Runs one example of a built-in rule; "" when it gives exactly the expected
// findings of the rule (none for the passing example). `findings` receives them.
std::string RunBuiltinExample(const CompiledPack& pack, const BuiltinRule& rule, bool failing,
                              Date as_of, std::vector<Finding>& findings) {
  CheckOptions options;
  options.as_of = as_of;
  std::vector<FileResult> results;
  for (auto& [name, text] : ExampleFiles(failing ? rule.fail_snippet : rule.pass_snippet)) {
    results.push_back(
        CheckLoaded(pack, LoadAgreementText(text, name, options.limits), name, options));
  }
  AddDuplicateIdFindings(results, options.selection);
  for (FileResult& r : results) {
    for (Finding& f : r.findings) {
      if (f.rule == rule.id) {
        findings.push_back(std::move(f));
      }
    }
  }
  return Compare(failing ? rule.fail_findings : std::vector<ExpectedFinding>(), findings);
}

// Why `rule` fails its documentation check, or "".
std::string MissingDocumentation(const CompiledRule& rule) {
  int passing = 0;
  int failing = 0;
  for (const RuleTest& test : rule.tests) {
    (test.expect_pass ? passing : failing)++;
  }
  std::string missing;
  auto lacks = [&](bool absent, const char* what) { missing += absent ? what : ""; };
  lacks(rule.remediation.empty(), " a remediation,");
  lacks(rule.references.empty(), " a reference,");
  lacks(rule.description.empty(), " a description,");
  lacks(rule.quotes.empty(), " a quoted source passage,");
  lacks(passing == 0, " a passing test,");
  lacks(failing == 0, " a failing test,");
  return missing.empty() ? "" : "the rule lacks" + missing.substr(0, missing.size() - 1);
}

}  // namespace

void RunBuiltinRuleTests(const CompiledPack& pack, Date as_of, RuleTestResults& results) {
  for (const BuiltinRule& rule : BuiltinRules()) {
    for (bool failing : {true, false}) {
      RuleTestOutcome outcome;
      outcome.rule = std::string(rule.id);
      outcome.kind = failing ? "fail (built in)" : "pass (built in)";
      outcome.failure = RunBuiltinExample(pack, rule, failing, as_of, outcome.findings);
      Record(results, std::move(outcome));
    }
  }
}

RuleTestResults RunRuleTests(const CompiledPack& pack, Date default_as_of) {
  RuleTestResults results;
  for (const CompiledRule& compiled : pack.rules()) {
    const CompiledRule* rule = &compiled;
    for (const RuleTest& test : rule->tests) {
      RuleTestOutcome outcome{test.range, rule->id,     test.expect_pass ? "pass" : "fail",
                              "",         test.counted, {}};
      outcome.failure = RunCase(*rule, test, default_as_of, outcome.findings);
      Record(results, std::move(outcome));
    }
    Record(results, {rule->range, rule->id, "documentation", MissingDocumentation(*rule), 0, {}});
  }
  return results;
}

}  // namespace s75
