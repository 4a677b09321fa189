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

// Keeps the one file a run checks.
class KeepFile : public ReportStage {
 public:
  void File(FileResult file) override { file_ = std::move(file); }
  std::optional<FileResult> file_;
};

// Adds each file of a sweep to one side of the comparison.
class AddToSweepSide : public ReportStage {
 public:
  AddToSweepSide(SweepSide& side, Date as_of) : side_(side), as_of_(as_of) {}
  void File(FileResult file) override { AddToSide(side_, file, as_of_); }

 private:
  SweepSide& side_;
  Date as_of_;
};

// Checks `path` as `check` does (the same pipeline, its rules and options),
// each result to `stage`; false, said on `err`, when the rules do not compile.
bool CheckAsCheckDoes(const CompareCommand& cmd, const std::string& path, ReportStage& stage,
                      std::ostream& err) {
  PipelineInput input;
  input.packs = cmd.pack;
  input.rules = cmd.rules;
  input.paths = {path};
  input.options.filter = cmd.filter;
  input.options.figures = true;  // the outcomes by scorecard status, for a sweep's totals
  input.options.as_of = cmd.as_of;
  input.options.limits = cmd.limits;
  input.options.jobs = cmd.jobs;
  return RunPipeline(input, stage, err) != 2;
}

// The file's findings as `check` finds them; nullopt, said on `err`, when the
// rules do not compile.
std::optional<std::vector<Finding>> CheckOne(const CompareCommand& cmd, const std::string& path,
                                             std::ostream& err) {
  KeepFile kept;
  CompareCommand one = cmd;
  one.filter = {};  // --status and --live choose among a sweep's agreements, not two drafts
  if (!CheckAsCheckDoes(one, path, kept, err) || !kept.file_) {
    return std::nullopt;
  }
  return std::move(kept.file_->findings);
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
  WriteSweepComparison(comparison, cmd.format, text);
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

// The sweeps of two directories compared by agreement id.
int CompareDirectories(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  SweepSide before;
  SweepSide after;
  AddToSweepSide before_stage(before, cmd.as_of);
  AddToSweepSide after_stage(after, cmd.as_of);
  if (!CheckAsCheckDoes(cmd, cmd.old_path, before_stage, err) ||
      !CheckAsCheckDoes(cmd, cmd.new_path, after_stage, err)) {
    return 2;
  }
  return ReportSweeps(cmd, before, after, out, err);
}

// One side of a comparison from a saved check report; false, said on `err`, when
// it cannot be read as one.
bool ReadSide(const std::string& path, Date as_of, SweepSide& side, std::ostream& err) {
  std::string text;
  SavedReport report;
  std::string why = ReadWholeFile(path, text);
  if (!why.empty()) {
    why = path + ": " + why;
  } else {
    why = ReadSavedReport(path, text, report);
  }
  if (!why.empty()) {
    err << "s75check: " << why << "\n";
    return false;
  }
  for (const FileResult& file : report.files) {
    AddToSide(side, file, as_of);
  }
  return true;
}

// Two sweeps saved as `check --format json` wrote them, compared as two directories
// are, on the findings they hold.
int CompareSavedReports(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  SweepSide before;
  SweepSide after;
  bool old_read = ReadSide(cmd.old_path, cmd.as_of, before, err);
  if (!ReadSide(cmd.new_path, cmd.as_of, after, err) || !old_read) {
    return 2;
  }
  return ReportSweeps(cmd, before, after, out, err);
}

int CompareFiles(const CompareCommand& cmd, std::ostream& out, std::ostream& err) {
  LoadResult before = LoadAgreementFile(cmd.old_path, cmd.limits);
  LoadResult after = LoadAgreementFile(cmd.new_path, cmd.limits);
  bool readable = Readable(before, cmd.old_path, err);
  if (!Readable(after, cmd.new_path, err) || !readable) {
    return 2;
  }
  std::optional<std::vector<Finding>> before_findings = CheckOne(cmd, cmd.old_path, err);
  std::optional<std::vector<Finding>> after_findings =
      before_findings ? CheckOne(cmd, cmd.new_path, err) : std::nullopt;
  if (!after_findings) {
    return 2;
  }
  Redline redline = CompareAgreements(*before.document, *before_findings, *after.document,
                                      *after_findings, cmd.as_of);
  std::string bytes;
  if (cmd.format == "docx") {
    if (std::string failure = WriteRedlineDocx(redline, bytes); !failure.empty()) {
      err << "s75check: " << failure << "\n";
      return 2;
    }
  } else {
    std::ostringstream text;
    WriteRedline(redline, cmd.format, text);
    bytes = text.str();
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
           "or saved reports) are compared as text, json, markdown or html\n";
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
