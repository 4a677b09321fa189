// The output of `s75check test`: the failures and the count as text, or
// every outcome as JSON.
#include <nlohmann/json.hpp>

#include "driver/rule_tests.h"

namespace s75 {

namespace {

// "rules/finance.rules:34:3: FIN.01 fail", or "DOC.01 fail (built in)".
std::string Where(const RuleTestOutcome& o) {
  return (o.range.file.empty() ? "" : o.range.ToString() + ": ") + o.rule + " " + o.kind;
}

}  // namespace

void WriteRuleTestText(const RuleTestResults& results, std::ostream& out) {
  for (const RuleTestOutcome& o : results.outcomes) {
    if (!o.failure.empty()) {
      out << "FAIL " << Where(o) << ": " << o.failure << "\n";
    }
  }
  out << results.passed << " passed, " << results.failed << " failed\n";
}

void WriteRuleTestJson(const RuleTestResults& results, std::ostream& out) {
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  for (const RuleTestOutcome& o : results.outcomes) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& f : o.findings) {
      findings.push_back({{"rule", f.rule},
                          {"path", f.path},
                          {"line", f.range.line},
                          {"column", f.range.column},
                          {"message", f.message}});
    }
    tests.push_back({{"file", o.range.file},
                     {"line", o.range.line},
                     {"column", o.range.column},
                     {"rule", o.rule},
                     {"kind", o.kind},
                     {"passed", o.failure.empty()},
                     {"failure", o.failure},
                     {"counted", o.counted},
                     {"findings", findings}});
  }
  nlohmann::ordered_json doc = {
      {"tests", tests}, {"passed", results.passed}, {"failed", results.failed}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace s75
