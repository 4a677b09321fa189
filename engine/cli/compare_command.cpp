#include "cli/compare_command.h"

#include <filesystem>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "common/read_file.h"
#include "compare/compare_report.h"
#include "compare/saved_report.h"
#include "driver/pipeline.h"
#include "load/loader.h"
#include "report/text_reporter.h"

namespace s75 {

namespace {

// Adds each file of a sweep to one side of the comparison.
class AddToSweepSide : public ReportStage {
 public:
  AddToSweepSide(SweepSide& side, Date as_of) : side_(side), as_of_(as_of) {}
  void File(FileResult file) override { AddToSide(side_, file, as_of_); }

 private:
  SweepSide& side_;
  Date as_of_;
};

// The compile and select stages, as `check` runs them, and how each file is
// then checked (no --status or --live, no figures: a sweep adds those).
struct ChosenRules {
  std::unique_ptr<const CompiledPack> pack;
  CheckOptions options;
};

// The packs and rules `cmd` names; nullopt, said on `err`, when the rules do
// not compile or an entry of --select or --ignore names no rule.
std::optional<ChosenRules> ChooseRules(const CompareCommand& cmd, std::ostream& err) {
  std::optional<ChosenPack> compiled = CompileAndSelect(cmd.pack, cmd.rules, err);
  if (!compiled) {
    return std::nullopt;
  }
  ChosenRules chosen{std::move(compiled->pack), {}};
  chosen.options.as_of = cmd.as_of;
  chosen.options.limits = cmd.limits;
  chosen.options.jobs = cmd.jobs;
  chosen.options.selection = std::move(compiled->selection);
  return chosen;
}

// True when `loaded` can be compared; else says why on `err`.
bool Readable(const LoadResult& loaded, const std::string& path, std::ostream& err) {
  if (loaded.checked) {
    return true;
  }
  FileResult file{path, loaded.agreement_id, false, loaded.findings, {}, 0};
  TextReporter(ReporterOptions{true, {}}).File(file, err);
  err << "s75check: " << path
      << " cannot be read as an agreement, so nothing was compared: correct the error above\n";
  return false;
}

// 1 when `introduced` holds a finding at or above `fail_on_new`, else 0.
int FailStatus(const std::vector<Finding>& introduced, const std::string& fail_on_new) {
  std::optional<Severity> threshold = ParseSeverity(fail_on_new);
  for (const Finding& f : introduced) {
    if (threshold && f.severity >= *threshold) {
      return 1;
    }
  }
  return 0;
}

// Writes the comparison of two sweeps; the exit status.
int ReportSweeps(const CompareCommand& cmd, const SweepSide& before, const SweepSide& after,
                 std::ostream& out, std::ostream& err) {
  SweepComparison comparison = CompareSweeps(before, after, cmd.as_of);
  std::ostringstream text;
  std::string failure = cmd.format == "xlsx"
                            ? WriteSweepComparisonXlsx(comparison, text)
                            : (WriteSweepComparison(comparison, cmd.format, text), "");
  if (!failure.empty()) {
    err << "s75check: " << failure << "\n";
    return 2;
  }
  if (!Emit(cmd.output, text.str(), out, err)) {
    return 2;
  }
  std::vector<Finding> introduced;
  for (const AgreementChange& c : comparison.changed) {
    introduced.insert(introduced.end(), c.findings.introduced.begin(), c.findings.introduced.end());
  }
  for (const SweptAgreement& a : comparison.added) {
    introduced.insert(introduced.end(), a.findings.begin(), a.findings.end());
  }
  return FailStatus(introduced, cmd.fail_on_new);
}

// The sweeps of two directories compared by agreement id, each checked as
// `check` checks it (the rules compiled once for both).
int CompareDirectories(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  std::optional<ChosenRules> rules = ChooseRules(cmd, err);
  if (!rules) {
    return 2;
  }
  CheckOptions options = rules->options;
  options.filter = cmd.filter;
  options.figures = true;  // the outcomes by scorecard status, for a sweep's totals
  SweepSide before;
  SweepSide after;
  AddToSweepSide before_stage(before, cmd.as_of);
  AddToSweepSide after_stage(after, cmd.as_of);
  Sweep(*rules->pack, {cmd.old_path}, options, before_stage);
  Sweep(*rules->pack, {cmd.new_path}, options, after_stage);
  return ReportSweeps(cmd, before, after, out, err);
}

// What --select, --ignore, --status and --live keep of a saved report.
struct SavedChoice {
  RuleSelection rules;
  AgreementFilter filter;
};

// One side of a comparison from a saved check report, counted as of the
// report's own date, with the findings and agreements `choice` keeps (a file
// that could not be checked keeps every finding, as `check` keeps them);
// false, said on `err`, when it cannot be read as a report, or when --status
// or --live is given and it holds no facts to choose by.
bool ReadSide(const std::string& path, const SavedChoice& choice, SweepSide& side,
              std::ostream& err) {
  const AgreementFilter& filter = choice.filter;
  std::string text;
  SavedReport report;
  std::string why = ReadWholeFile(path, text);
  if (!why.empty()) {
    why = path + ": " + why;
  } else {
    why = ReadSavedReport(path, text, report);
  }
  if (why.empty() && filter.Active() && !report.facts) {
    why = path +
          " holds no facts to choose agreements by with --status or --live: save the "
          "report with `s75check check --format json --facts`";
  }
  if (!why.empty()) {
    err << "s75check: " << why << "\n";
    return false;
  }
  side.as_of = report.as_of;
  side.facts = report.facts;
  for (FileResult& file : report.files) {
    KeepSelected(file, choice.rules);
    // As a sweep chooses: a file that cannot be read is always reported.
    if (!file.facts || !filter.Active() || filter.Keeps(*file.facts, report.as_of)) {
      AddToSide(side, file, report.as_of);
    }
  }
  return true;
}

// Two sweeps saved as `check --format json` wrote them, compared as two directories
// are, on the findings (and, saved with --facts, the facts) they hold.
int CompareSavedReports(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  SavedChoice choice{RuleSelection(), cmd.filter};
  if (!cmd.rules.select.empty() || !cmd.rules.ignore.empty()) {  // named as the packs name them
    std::optional<ChosenRules> chosen = ChooseRules(cmd, err);
    if (!chosen) {
      return 2;
    }
    choice.rules = chosen->options.selection;
  }
  SweepSide before;
  SweepSide after;
  bool old_read = ReadSide(cmd.old_path, choice, before, err);
  if (!ReadSide(cmd.new_path, choice, after, err) || !old_read) {
    return 2;
  }
  return ReportSweeps(cmd, before, after, out, err);
}

// The redline in `format` (a Word document, a workbook or text); "" or why
// it could not be written.
std::string RedlineBytes(const Redline& redline, const std::string& format, std::string& bytes) {
  if (format == "docx") {
    return WriteRedlineDocx(redline, bytes);
  }
  std::ostringstream text;
  std::string failure = format == "xlsx" ? WriteRedlineXlsx(redline, text)
                                         : (WriteRedline(redline, format, text), "");
  bytes = text.str();
  return failure;
}

int CompareFiles(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  LoadResult before = LoadAgreementFile(cmd.old_path, cmd.limits);
  LoadResult after = LoadAgreementFile(cmd.new_path, cmd.limits);
  bool readable = Readable(before, cmd.old_path, err);
  if (!Readable(after, cmd.new_path, err) || !readable) {
    return 2;
  }
  std::optional<ChosenRules> rules = ChooseRules(cmd, err);
  if (!rules) {
    return 2;
  }
  // Each draft checked as `check` checks one file (--status and --live choose
  // among a sweep's agreements, not two drafts), from the document loaded above.
  FileResult before_checked = CheckLoaded(*rules->pack, before, cmd.old_path, rules->options);
  FileResult after_checked = CheckLoaded(*rules->pack, after, cmd.new_path, rules->options);
  Redline redline = CompareAgreements(*before.document, before_checked.findings, *after.document,
                                      after_checked.findings, cmd.as_of);
  std::string bytes;
  if (std::string failure = RedlineBytes(redline, cmd.format, bytes); !failure.empty()) {
    err << "s75check: " << failure << "\n";
    return 2;
  }
  if (!Emit(cmd.output, bytes, out, err)) {
    return 2;
  }
  return FailStatus(redline.findings.introduced, cmd.fail_on_new);
}

}  // namespace

int RunCompareCommand(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string refusal = TerminalRefusal(cmd.format, cmd.output); !refusal.empty()) {
    err << "s75check: " << refusal << "\n";
    return 2;
  }
  std::error_code ec;
  bool old_dir = std::filesystem::is_directory(cmd.old_path, ec);
  bool new_dir = std::filesystem::is_directory(cmd.new_path, ec);
  bool old_report = IsSavedReport(cmd.old_path);
  bool reports = old_report && IsSavedReport(cmd.new_path);
  if (((old_dir && new_dir) || reports) && cmd.format == "docx") {
    err << "s75check: --format docx writes a redline of two drafts; two sweeps (directories "
           "or saved reports) are compared as text, json, markdown, html or xlsx\n";
    return 2;
  }
  if (old_dir && new_dir) {
    return CompareDirectories(cmd, out, err);
  }
  if (reports) {
    return CompareSavedReports(cmd, out, err);
  }
  if (old_dir || new_dir || old_report != IsSavedReport(cmd.new_path)) {
    const std::string& odd = old_dir || (!new_dir && old_report) ? cmd.old_path : cmd.new_path;
    const std::string& other = &odd == &cmd.old_path ? cmd.new_path : cmd.old_path;
    err << "s75check: compare takes two agreement files, two directories, or two reports "
           "saved with check --format json (.json); "
        << odd << " is " << (old_dir || new_dir ? "a directory" : "a saved report") << " and "
        << other << " is not\n";
    return 2;
  }
  return CompareFiles(cmd, out, err);
}

}  // namespace s75
