#include "cli/commands.h"

#include <memory>
#include <optional>
#include <sstream>

#include "cli/progress.h"
#include "common/atomic_file.h"
#include "common/paths.h"
#include "common/read_file.h"
#include "driver/baseline.h"
#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "driver/rule_tests.h"
#include "driver/sweep.h"
#include "report/register.h"
#include "report/render_writer.h"
#include "report/reporter.h"
#include "report/rule_docs.h"
#include "report/text_reporter.h"
#include "schema/format.h"
#include "scorecard/scorecard_report.h"

namespace s75 {

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

namespace {

std::optional<Severity> FailThreshold(const std::string& fail_on) {
  if (fail_on == "never") {
    return std::nullopt;
  }
  return ParseSeverity(fail_on);
}

// The directory a baseline file's paths are relative to: its own.
std::filesystem::path BaselineDirectory(const std::string& file) {
  return AbsoluteDirectory(std::filesystem::path(file).parent_path());
}

// Reads the baseline named by --baseline; nullopt, having said why and how to
// fix it, when it is missing or malformed.
std::optional<Baseline> ReadBaseline(const std::string& file, std::ostream& err) {
  std::string text;
  std::string failure = ReadWholeFile(file, text);
  Diagnostic error;
  std::optional<Baseline> baseline;
  if (failure.empty()) {
    baseline = ParseBaseline(text, file, error);
  } else {
    error = {{file, 0, 0}, Severity::kError, "cannot read the baseline: " + failure};
  }
  if (!baseline) {
    err << FormatDiagnostic(error, text) << "s75check: "
        << (failure.empty() ? "correct the baseline, or write it again" : "record one")
        << " with `s75check check --write-baseline " << file << "`\n";
  }
  return baseline;
}

// The pipeline's input for `check`.
PipelineInput CheckInput(const CheckCommand& cmd) {
  PipelineInput input;
  input.packs = cmd.pack;
  input.rules = {cmd.select, cmd.ignore, cmd.select_label, cmd.ignore_label};
  input.paths = cmd.paths;
  input.options.as_of = cmd.as_of;
  input.options.jobs = cmd.jobs;
  input.options.limits = cmd.limits;
  input.options.exclude = PathExclusion(cmd.exclude_dir, cmd.exclude);
  input.options.filter = cmd.filter;
  input.options.figures = cmd.facts;  // the latest outturn and outcomes, with the rest
  return input;
}

// The report stage of `check`: the baselines (recorded, then filtered: by the
// one read with --baseline, or else by the one being written), the counts,
// the exit status, the report (to stdout, or to a temporary file renamed at
// the end) and progress.
class CheckReportStage final : public ReportStage {
 public:
  CheckReportStage(const CheckCommand& cmd, Reporter& reporter, std::ostream& out,
                   std::ostream& err)
      : cmd_(cmd),
        reporter_(reporter),
        out_(out),
        err_(err),
        progress_(err, ShouldShowProgress(cmd.quiet)) {}

  // Reads the baseline and opens the output file, if asked for.
  bool Open() override {
    std::optional<Baseline> baseline;
    if (!cmd_.baseline.empty() && !(baseline = ReadBaseline(cmd_.baseline, err_))) {
      return false;
    }
    if (!cmd_.output.empty() && !(file_.emplace(cmd_.output)).error().empty()) {
      err_ << "s75check: " << file_->error() << "\n";
      return false;
    }
    if (!cmd_.write_baseline.empty()) {
      recorder_.emplace(BaselineDirectory(cmd_.write_baseline), cmd_.as_of);
    }
    if (baseline) {
      filter_.emplace(*baseline, BaselineDirectory(cmd_.baseline), cmd_.as_of);
    }
    return true;
  }

  void Begin(const CheckReport& run, size_t files) override {
    CheckReport begin = run;
    begin.baseline_used = BaselineUsed();
    progress_.Start(files);
    reporter_.Begin(begin, Stream());
  }

  void File(FileResult file) override {
    if (recorder_) {
      recorder_->Add(file);
    }
    if (filter_) {
      filter_->Apply(file);
    } else if (recorder_) {
      BaselineWholeFile(file);
    }
    total_ += SummarizeFile(file);
    std::optional<Severity> threshold = FailThreshold(cmd_.fail_on);
    for (const Finding& f : file.findings) {
      failed_ = failed_ || (threshold && !f.waived() && f.severity >= *threshold);
    }
    reporter_.File(file, Stream());
    progress_.Step();
  }

  // Ends the report, writes the baseline asked for and renames the output
  // file into place.
  int End(const CheckReport& run) override {
    progress_.Finish();
    CheckReport end = run;
    end.baseline_used = BaselineUsed();
    reporter_.End(end, total_, Stream());
    std::string failure = reporter_.Failure();
    if (failure.empty() && recorder_) {
      failure = WriteFileAtomically(cmd_.write_baseline, BaselineJson(recorder_->Finish()));
    }
    if (failure.empty() && file_) {
      failure = file_->Commit();
    }
    if (!failure.empty()) {
      err_ << "s75check: " << failure << "\n";
      return 2;
    }
    return total_.unreadable > 0 ? 2 : failed_ ? 1 : 0;
  }

 private:
  bool BaselineUsed() const { return filter_ || recorder_; }
  std::ostream& Stream() { return file_ ? file_->stream() : out_; }

  const CheckCommand& cmd_;
  Reporter& reporter_;
  std::ostream& out_;
  std::ostream& err_;
  Progress progress_;
  std::optional<AtomicFile> file_;
  std::optional<BaselineRecorder> recorder_;
  std::optional<BaselineFilter> filter_;
  Summary total_;
  bool failed_ = false;
};

// The report stage of `register`: one row per file (no findings are kept, so
// a sweep of any size fits), written whole at the end.
class RegisterReportStage final : public ReportStage {
 public:
  RegisterReportStage(const RegisterCommand& cmd, std::ostream& out, std::ostream& err)
      : cmd_(cmd), out_(out), err_(err), progress_(err, ShouldShowProgress(false)) {
    reg_.as_of = cmd.as_of;
    reg_.tool_version = ToolVersion();
    reg_.filter = cmd.filter;
  }

  void Begin(const CheckReport& /*run*/, size_t files) override { progress_.Start(files); }

  void File(FileResult file) override {
    AddToRegister(reg_, file);
    progress_.Step();
  }

  int End(const CheckReport& /*run*/) override {
    progress_.Finish();
    std::ostringstream text;
    if (cmd_.format == "xlsx") {
      if (std::string failure = WriteRegisterXlsx(reg_, text); !failure.empty()) {
        err_ << "s75check: " << failure << "\n";
        return 2;
      }
    } else if (!WriteRegister(reg_, cmd_.format, text)) {
      err_ << "s75check: unknown register format '" << cmd_.format << "'\n";
      return 2;
    }
    if (!Emit(cmd_.output, text.str(), out_, err_)) {
      return 2;
    }
    return reg_.totals.unreadable > 0 ? 2 : 0;
  }

 private:
  const RegisterCommand& cmd_;
  std::ostream& out_;
  std::ostream& err_;
  Progress progress_;
  Register reg_;
};

}  // namespace

int RunCheckCommand(const CheckCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string refusal = TerminalRefusal(cmd.format, cmd.output); !refusal.empty()) {
    err << "s75check: " << refusal << "\n";
    return 2;
  }
  if (cmd.facts && cmd.format != "json") {
    err << "s75check: --facts adds each agreement's facts to a JSON report; use it with "
           "--format json\n";
    return 2;
  }
  std::unique_ptr<Reporter> reporter =
      MakeReporter(cmd.format, ReporterOptions{cmd.quiet, FailThreshold(cmd.fail_on), cmd.facts});
  if (!reporter) {
    err << "s75check: unknown format '" << cmd.format << "'\n";
    return 2;
  }
  CheckReportStage report(cmd, *reporter, out, err);
  return RunPipeline(CheckInput(cmd), report, err);
}

int RunRegisterCommand(const RegisterCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string refusal = TerminalRefusal(cmd.format, cmd.output); !refusal.empty()) {
    err << "s75check: " << refusal << "\n";
    return 2;
  }
  PipelineInput input;
  input.packs = cmd.pack;
  input.paths = cmd.paths;
  input.options.as_of = cmd.as_of;
  input.options.jobs = cmd.jobs;
  input.options.limits = cmd.limits;
  input.options.filter = cmd.filter;
  input.options.figures = true;
  RegisterReportStage report(cmd, out, err);
  return RunPipeline(input, report, err);
}

namespace {

// The card of a file that cannot be read as an agreement: why not.
AgreementCard UnreadableCard(const std::string& path, const std::vector<Finding>& stopped) {
  AgreementCard card;
  card.path = path;
  for (const Finding& f : stopped) {
    card.unreadable += (card.unreadable.empty() ? "" : "; ") + f.range.ToString() + ": " + f.rule +
                       " " + f.message;
  }
  return card;
}

}  // namespace

int RunScorecardCommand(const ScorecardCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string refusal = TerminalRefusal(cmd.format, cmd.output); !refusal.empty()) {
    err << "s75check: " << refusal << "\n";
    return 2;
  }
  Portfolio portfolio;
  portfolio.as_of = cmd.as_of;
  portfolio.tool_version = ToolVersion();
  std::vector<SweepEntry> entries = CollectEntries(cmd.paths, PathExclusion());
  SweepAgreements(
      entries, SweepScope{cmd.limits, cmd.jobs, cmd.as_of, cmd.filter},
      [&](const std::string& path, const LoadResult& loaded) {
        return loaded.checked ? ScoreAgreement(*loaded.document, cmd.as_of)
                              : UnreadableCard(path, loaded.findings);
      },
      [](const SweepEntry& e) { return UnreadableCard(e.path, e.unreadable->findings); },
      [&](AgreementCard card) { AddToPortfolio(portfolio, std::move(card)); });
  SortPortfolio(portfolio);
  std::ostringstream text;
  if (cmd.format == "xlsx") {
    if (std::string failure = WriteScorecardXlsx(portfolio, text); !failure.empty()) {
      err << "s75check: " << failure << "\n";
      return 2;
    }
  } else if (!WriteScorecard(portfolio, cmd.format, text)) {
    err << "s75check: unknown scorecard format '" << cmd.format << "'\n";
    return 2;
  }
  if (!Emit(cmd.output, text.str(), out, err)) {
    return 2;
  }
  return portfolio.unreadable > 0 ? 2 : 0;
}

namespace {

// The check `render --findings` shows: the pipeline's compile and per-file
// stages on the file already loaded; nullopt (said on `err`) when the rules
// do not compile.
std::optional<FileResult> CheckForRender(const RenderCommand& cmd, const LoadResult& loaded,
                                         std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(cmd.pack, err);
  if (!pack) {
    return std::nullopt;
  }
  CheckOptions options;
  options.as_of = cmd.as_of;
  options.limits = cmd.limits;
  return CheckLoaded(*pack, loaded, cmd.path, options);
}

}  // namespace

int RunRenderCommand(const RenderCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string refusal = TerminalRefusal(cmd.format, cmd.output); !refusal.empty()) {
    err << "s75check: " << refusal << "\n";
    return 2;
  }
  LoadResult loaded = LoadAgreementFile(cmd.path, cmd.limits);
  std::optional<FileResult> file =
      FileResult{cmd.path, loaded.agreement_id, loaded.checked, loaded.findings, {}, 0};
  if (!loaded.checked) {
    TextReporter(ReporterOptions{true, {}}).File(*file, err);
    err << "s75check: " << cmd.path
        << " cannot be read as an agreement, so nothing was rendered: correct the error above\n";
    return 2;
  }
  if (cmd.findings && !(file = CheckForRender(cmd, loaded, err))) {
    return 2;
  }
  if (!cmd.findings && !file->findings.empty()) {
    err << "s75check: " << cmd.path << " has " << file->findings.size()
        << " document error(s); values in error are shown as written (see `s75check check "
        << cmd.path << "`, or render with --findings)\n";
  }
  std::vector<Finding> shown = cmd.findings ? file->findings : std::vector<Finding>{};
  std::optional<RenderedFindings> counts;
  if (cmd.findings) {
    counts = RenderedFindings{cmd.as_of, SummarizeFile(*file)};
  }
  RenderedAgreement doc =
      RenderAgreement(*loaded.document, shown, RenderOptions{cmd.format == "docx"});
  if (cmd.format == "docx") {
    std::string bytes;
    if (std::string failure = WriteRenderedDocx(doc, counts, bytes); !failure.empty()) {
      err << "s75check: " << failure << "\n";
      return 2;
    }
    return Emit(cmd.output, bytes, out, err) ? 0 : 2;
  }
  std::ostringstream text;
  (cmd.format == "html" ? WriteRenderedHtml : WriteRenderedMarkdown)(doc, counts, text);
  return Emit(cmd.output, text.str(), out, err) ? 0 : 2;
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
  if (cmd.format == "json") {
    WriteRuleTestJson(results, out);
  } else {
    WriteRuleTestText(results, out);
  }
  return results.failed == 0 ? 0 : 1;
}

}  // namespace s75
