#include "driver/rule_tests.h"

#include "driver/pipeline.h"
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
std::string RunCase(const CompiledRule& rule, const RuleTest& test, Date default_as_of) {
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
    if (f.rule != "DOC.04" && f.rule != "DOC.05") {
      doc_errors.push_back(f);
    }
  }
  if (!loaded.checked || !doc_errors.empty()) {
    return "the test agreement has document errors:\n" + Describe(doc_errors, offset);
  }
  std::vector<Finding> findings;
  EvaluateRule(rule, *loaded.document, EvalOptions{test.as_of.value_or(default_as_of)}, findings);
  int expected = test.expect_pass ? 0 : test.expected_findings;
  if (static_cast<int>(findings.size()) == expected) {
    return "";
  }
  return "expected " + std::to_string(expected) + " finding(s), got " +
         std::to_string(findings.size()) +
         (findings.empty() ? "" : ":\n" + Describe(findings, offset));
}

void Record(RuleTestResults& results, const std::string& where, const std::string& failure) {
  if (failure.empty()) {
    ++results.passed;
  } else {
    ++results.failed;
    results.failures.push_back(where + ": " + failure);
  }
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

// Runs one example of a built-in rule; "" when it gives `expected` findings of it.
std::string RunBuiltinExample(const CompiledPack& pack, const BuiltinRule& rule,
                              std::string_view yaml, bool failing, Date as_of) {
  CheckOptions options;
  options.as_of = as_of;
  std::vector<FileResult> results;
  for (auto& [name, text] : ExampleFiles(yaml)) {
    results.push_back(
        CheckLoaded(pack, LoadAgreementText(text, name, options.limits), name, options));
  }
  AddDuplicateIdFindings(results, options.selection);
  std::vector<Finding> all;
  for (FileResult& r : results) {
    all.insert(all.end(), r.findings.begin(), r.findings.end());
  }
  size_t found = 0;
  for (const Finding& f : all) {
    found += f.rule == rule.id ? 1 : 0;
  }
  if ((found > 0) == failing) {
    return "";
  }
  return std::string(failing ? "the failing example gives no " : "the passing example gives ") +
         std::string(rule.id) + (failing ? "" : ":\n" + Describe(all, 0));
}

}  // namespace

void RunBuiltinRuleTests(const CompiledPack& pack, Date as_of, RuleTestResults& results) {
  for (const BuiltinRule& rule : BuiltinRules()) {
    for (bool failing : {true, false}) {
      std::string_view yaml = failing ? rule.fail_snippet : rule.pass_snippet;
      Record(results, std::string(rule.id) + (failing ? " fail" : " pass") + " (built in)",
             RunBuiltinExample(pack, rule, yaml, failing, as_of));
    }
  }
}

RuleTestResults RunRuleTests(const CompiledPack& pack, Date default_as_of) {
  RuleTestResults results;
  auto record = [&](const std::string& where, const std::string& failure) {
    Record(results, where, failure);
  };
  for (const CompiledRule& compiled : pack.rules()) {
    const CompiledRule* rule = &compiled;
    int passing = 0;
    int failing = 0;
    for (const RuleTest& test : rule->tests) {
      (test.expect_pass ? passing : failing)++;
      record(test.range.ToString() + ": " + rule->id + (test.expect_pass ? " pass" : " fail"),
             RunCase(*rule, test, default_as_of));
    }
    std::string missing;
    if (rule->remediation.empty()) {
      missing += " a remediation,";
    }
    if (rule->references.empty()) {
      missing += " a reference,";
    }
    if (rule->description.empty()) {
      missing += " a description,";
    }
    if (rule->quotes.empty()) {
      missing += " a quoted source passage,";
    }
    if (passing == 0) {
      missing += " a passing test,";
    }
    if (failing == 0) {
      missing += " a failing test,";
    }
    if (!missing.empty()) {
      missing = "the rule lacks" + missing.substr(0, missing.size() - 1);
    }
    record(rule->range.ToString() + ": " + rule->id + " documentation", missing);
  }
  return results;
}

}  // namespace s75
