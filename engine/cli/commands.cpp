#include "cli/commands.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/atomic_file.h"
#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "driver/rule_tests.h"
#include "format/format.h"
#include "report/register.h"
#include "report/reporter.h"
#include "report/rule_docs.h"

namespace s75 {

namespace {

// The text of the rule file a diagnostic points into, for its excerpt.
std::string SourceText(const std::string& file, const std::vector<RuleSource>& sources) {
  for (const RuleSource& s : sources) {
    if (s.path == file) {
      return s.text;
    }
  }
  return "";
}

// Compiles the rule packs; prints diagnostics with a caret excerpt on error.
std::unique_ptr<const CompiledPack> CompileRules(const PackOptions& options, std::ostream& err) {
  Diagnostics diags;
  std::vector<RuleSource> sources;
  if (!options.rules_dir.empty()) {
    sources = RuleSourcesFromDirectory(options.rules_dir, diags);
  }
  for (const std::string& dir : options.extra_dirs) {
    for (RuleSource& s : RuleSourcesFromDirectory(dir, diags)) {
      sources.push_back(std::move(s));
    }
  }
  std::vector<RuleSource> copy = sources;
  std::unique_ptr<const CompiledPack> pack;
  if (!diags.HasErrors()) {
    pack = options.rules_dir.empty() ? CompileBuiltinPacks(std::move(sources), diags)
                                     : CompilePack(std::move(sources), diags);
  }
  if (!diags.items().empty() && options.rules_dir.empty()) {
    for (RuleSource& s : BuiltinRuleSources()) {
      copy.push_back(std::move(s));
    }
  }
  for (const Diagnostic& d : diags.items()) {
    err << FormatDiagnostic(d, SourceText(d.range.file, copy));
  }
  if (!pack) {
    err << "s75check: the rule files do not compile; no agreement was checked\n";
  }
  return pack;
}

std::optional<Severity> FailThreshold(const std::string& fail_on) {
  if (fail_on == "never") {
    return std::nullopt;
  }
  return ParseSeverity(fail_on);
}

int ExitStatus(const CheckReport& report, std::optional<Severity> threshold) {
  bool failed = false;
  for (const FileResult& file : report.files) {
    if (!file.checked) {
      return 2;
    }
    for (const Finding& f : file.findings) {
      failed = failed || (threshold && !f.waived() && f.severity >= *threshold);
    }
  }
  return failed ? 1 : 0;
}

// Writes a report to stdout, or whole to `path`; false (said on `err`) on failure.
bool Emit(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err) {
  if (path.empty()) {
    out << text;
    return true;
  }
  if (std::string failure = WriteFileAtomically(path, text); !failure.empty()) {
    err << "s75check: " << failure << "\n";
    return false;
  }
  return true;
}

std::vector<std::string> PathsOrHere(const std::vector<std::string>& paths) {
  return paths.empty() ? std::vector<std::string>{"."} : paths;
}

}  // namespace

int RunCheckCommand(const CheckCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Reporter> reporter =
      MakeReporter(cmd.format, ReporterOptions{cmd.quiet, FailThreshold(cmd.fail_on)});
  if (!reporter) {
    err << "s75check: unknown format '" << cmd.format << "'\n";
    return 2;
  }
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack, err);
  if (!pack) {
    return 2;
  }
  CheckOptions options;
  std::string error;
  std::optional<RuleSelection> selection =
      RuleSelection::Parse(cmd.select, cmd.ignore, KnownRuleIds(*pack), error);
  if (!selection) {
    err << "s75check: " << error << "\n";
    return 2;
  }
  options.selection = *selection;
  options.as_of = cmd.as_of;
  options.jobs = cmd.jobs;
  options.limits = cmd.limits;
  CheckReport report = RunCheck(*pack, PathsOrHere(cmd.paths), options);
  std::ostringstream text;
  reporter->Write(report, text);
  if (!Emit(cmd.output, text.str(), out, err)) {
    return 2;
  }
  return ExitStatus(report, FailThreshold(cmd.fail_on));
}

int RunRegisterCommand(const RegisterCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack, err);
  if (!pack) {
    return 2;
  }
  CheckOptions options;
  options.as_of = cmd.as_of;
  options.jobs = cmd.jobs;
  options.limits = cmd.limits;
  Register reg = BuildRegister(RunCheck(*pack, PathsOrHere(cmd.paths), options));
  std::ostringstream text;
  if (!WriteRegister(reg, cmd.format, text)) {
    err << "s75check: unknown register format '" << cmd.format << "'\n";
    return 2;
  }
  if (!Emit(cmd.output, text.str(), out, err)) {
    return 2;
  }
  return reg.totals.unreadable > 0 ? 2 : 0;
}

int RunRulesCommand(const RulesCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack, err);
  if (!pack) {
    return 2;
  }
  if (!WriteRuleList(RuleCatalogue(*pack), cmd.format, out)) {
    err << "s75check: unknown format '" << cmd.format << "' (text, json or markdown)\n";
    return 2;
  }
  return 0;
}

int RunExplainCommand(const ExplainCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack, err);
  if (!pack) {
    return 2;
  }
  std::vector<RuleDoc> catalogue = RuleCatalogue(*pack);
  if (const RuleDoc* doc = FindRuleDoc(catalogue, cmd.id)) {
    WriteExplanation(*doc, out);
    return 0;
  }
  std::vector<std::string> ids;
  ids.reserve(catalogue.size());
  for (const RuleDoc& d : catalogue) {
    ids.push_back(d.id);
  }
  std::string near = ClosestName(cmd.id, ids);
  err << "s75check: no rule '" << cmd.id << "'"
      << (near.empty() ? " (see `s75check rules`)" : "; did you mean '" + near + "'?") << "\n";
  return 2;
}

int RunTestCommand(const TestCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(PackOptions{cmd.dir, {}}, err);
  if (!pack) {
    return 2;
  }
  RuleTestResults results = RunRuleTests(*pack, cmd.as_of);
  if (cmd.dir.empty()) {
    RunBuiltinRuleTests(*pack, cmd.as_of, results);
  }
  for (const std::string& f : results.failures) {
    out << "FAIL " << f << "\n";
  }
  out << results.passed << " passed, " << results.failed << " failed\n";
  return results.failed == 0 ? 0 : 1;
}

}  // namespace s75
