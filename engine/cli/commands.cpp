#include "cli/commands.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/atomic_file.h"
#include "driver/pipeline.h"
#include "driver/rule_tests.h"
#include "load/doc_rules.h"
#include "report/reporter.h"

namespace s75 {

namespace {

// Compiles the rule packs; prints diagnostics with a caret excerpt on error.
std::unique_ptr<const CompiledPack> CompileRules(const std::string& rules_dir, std::ostream& err) {
  Diagnostics diags;
  std::vector<RuleSource> sources =
      rules_dir.empty() ? BuiltinRuleSources() : RuleSourcesFromDirectory(rules_dir, diags);
  std::vector<RuleSource> copy = sources;
  std::unique_ptr<const CompiledPack> pack;
  if (!diags.HasErrors()) pack = CompilePack(std::move(sources), diags);
  for (const Diagnostic& d : diags.items()) {
    std::string_view text;
    for (const RuleSource& s : copy) {
      if (s.path == d.range.file) text = s.text;
    }
    err << FormatDiagnostic(d, text);
  }
  if (!pack) err << "s75check: the rule files do not compile; no agreement was checked\n";
  return pack;
}

std::optional<Severity> FailThreshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return ParseSeverity(fail_on);
}

int ExitStatus(const CheckReport& report, std::optional<Severity> threshold) {
  bool failed = false;
  for (const FileResult& file : report.files) {
    if (!file.checked) return 2;
    for (const Finding& f : file.findings) {
      failed = failed || (threshold && !f.waived() && f.severity >= *threshold);
    }
  }
  return failed ? 1 : 0;
}

std::string JoinRefs(const std::vector<std::string>& refs) {
  std::string out;
  for (const std::string& r : refs) out += (out.empty() ? "" : "; ") + r;
  return out;
}

std::string SeverityText(const RuleDecl& r) {
  std::string out(SeverityName(*r.severity));
  if (!r.overrides.empty()) out += " (conditional)";
  return out;
}

}  // namespace

int RunCheckCommand(const CheckCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Reporter> reporter = MakeReporter(cmd.format, ReporterOptions{cmd.quiet});
  if (!reporter) {
    err << "s75check: unknown format '" << cmd.format << "'\n";
    return 2;
  }
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack.rules_dir, err);
  if (!pack) return 2;
  CheckOptions options;
  options.as_of = cmd.as_of;
  options.jobs = cmd.jobs;
  options.limits = cmd.limits;
  CheckReport report =
      RunCheck(*pack, cmd.paths.empty() ? std::vector<std::string>{"."} : cmd.paths, options);
  std::ostringstream text;
  reporter->Write(report, text);
  if (cmd.output.empty()) {
    out << text.str();
  } else if (std::string error = WriteFileAtomically(cmd.output, text.str()); !error.empty()) {
    err << "s75check: " << error << "\n";
    return 2;
  }
  return ExitStatus(report, FailThreshold(cmd.fail_on));
}

int RunRulesCommand(const RulesCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack.rules_dir, err);
  if (!pack) return 2;
  if (cmd.format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleDecl* r : pack->rules()) {
      rules.push_back({{"id", r->id},
                       {"slug", r->slug},
                       {"severity", SeverityName(*r->severity)},
                       {"conditional_severity", !r->overrides.empty()},
                       {"title", r->title},
                       {"references", r->references},
                       {"remediation", r->remediation},
                       {"source", r->range.ToString()}});
    }
    for (const DocRule& d : DocRules()) {
      rules.push_back({{"id", d.id},
                       {"slug", d.slug},
                       {"severity", SeverityName(d.severity)},
                       {"conditional_severity", false},
                       {"title", d.title},
                       {"references", {"s75check agreement format v1"}},
                       {"remediation", "Correct the document as the finding's message says."},
                       {"source", "built in (loader)"}});
    }
    out << nlohmann::ordered_json{{"rules", rules}}.dump(2) << "\n";
    return 0;
  }
  if (cmd.format != "text") {
    err << "s75check: unknown format '" << cmd.format << "' (text or json)\n";
    return 2;
  }
  for (const RuleDecl* r : pack->rules()) {
    out << r->id << "  " << SeverityText(*r) << "  " << r->slug << ": " << r->title << " ["
        << JoinRefs(r->references) << "]\n";
  }
  for (const DocRule& d : DocRules()) {
    out << d.id << "  " << SeverityName(d.severity) << "  " << d.slug << ": " << d.title
        << " [s75check agreement format v1]\n";
  }
  return 0;
}

int RunTestCommand(const TestCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.dir, err);
  if (!pack) return 2;
  RuleTestResults results = RunRuleTests(*pack, cmd.as_of);
  for (const std::string& f : results.failures) out << "FAIL " << f << "\n";
  out << results.passed << " passed, " << results.failed << " failed\n";
  return results.failed == 0 ? 0 : 1;
}

}  // namespace s75
