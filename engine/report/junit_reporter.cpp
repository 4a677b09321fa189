#include "report/junit_reporter.h"

#include <map>
#include <sstream>

namespace s75 {

namespace {

// One testcase: the findings of one rule in one file.
struct Case {
  std::vector<const Finding*> failures;  // unwaived, at or above the threshold
  std::vector<const Finding*> others;    // below it, or waived
};

std::string Line(const Finding& f) {
  std::string out = std::to_string(f.range.line) + ":" + std::to_string(f.range.column) + " " +
                    std::string(SeverityName(f.severity)) + ": " + f.message;
  if (!f.path.empty()) {
    out += " (" + f.path + ")";
  }
  return out + WaiverText(f) + "\n";
}

void WriteCase(const std::string& file, const RuleRef& rule, const Case& c, bool skipped,
               std::ostream& out) {
  std::string inner;
  if (!c.failures.empty()) {
    std::string text;
    for (const Finding* f : c.failures) {
      text += Line(*f);
    }
    inner += "      <failure type=\"" + std::string(SeverityName(c.failures.front()->severity)) +
             "\" message=\"" + XmlEscape(c.failures.front()->message) + "\">" + XmlEscape(text) +
             "</failure>\n";
  } else if (skipped) {
    inner += "      <skipped message=\"the file could not be checked\"/>\n";
  }
  if (!c.others.empty()) {
    std::string text;
    for (const Finding* f : c.others) {
      text += Line(*f);
    }
    inner += "      <system-out>" + XmlEscape(text) + "</system-out>\n";
  }
  out << "    <testcase classname=\"" << XmlEscape(file) << "\" name=\""
      << XmlEscape(rule.id + " " + rule.slug) << "\"";
  if (inner.empty()) {
    out << "/>\n";
  } else {
    out << ">\n" << inner << "    </testcase>\n";
  }
}

}  // namespace

void JunitReporter::WriteWhole(const CheckReport& report, std::ostream& out) const {
  std::ostringstream suites;
  int total_tests = 0;
  int total_failures = 0;
  for (const FileResult& file : report.files) {
    std::map<std::string, Case> cases;
    for (const Finding& f : file.findings) {
      bool failure = !f.waived() && options_.fail_on && f.severity >= *options_.fail_on;
      (failure ? cases[f.rule].failures : cases[f.rule].others).push_back(&f);
    }
    int failures = 0;
    for (const auto& [id, c] : cases) {
      failures += c.failures.empty() ? 0 : 1;
    }
    int skipped = file.checked ? 0 : static_cast<int>(report.rules.size()) - failures;
    suites << "  <testsuite name=\"" << XmlEscape(file.path) << "\" tests=\"" << report.rules.size()
           << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"" << skipped << "\">\n";
    for (const RuleRef& rule : report.rules) {
      auto it = cases.find(rule.id);
      WriteCase(file.path, rule, it != cases.end() ? it->second : Case{}, !file.checked, suites);
    }
    suites << "  </testsuite>\n";
    total_tests += static_cast<int>(report.rules.size());
    total_failures += failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"s75check\" tests=\"" << total_tests << "\" failures=\""
      << total_failures << "\">\n"
      << suites.str() << "</testsuites>\n";
}

}  // namespace s75
