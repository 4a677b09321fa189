#include "cli/commands.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/progress.h"
#include "common/atomic_file.h"
#include "common/paths.h"
#include "common/read_file.h"
#include "driver/baseline.h"
#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "driver/rule_tests.h"
#include "format/format.h"
#include "report/register.h"
#include "report/render_writer.h"
#include "report/reporter.h"
#include "report/rule_docs.h"
#include "report/text_reporter.h"

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
                                     : CompilePack(sources, diags);
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

// The options of the run, from the command; nullopt (having said why) when
// --select or --ignore names no rule.
std::optional<CheckOptions> MakeCheckOptions(const CheckCommand& cmd, const CompiledPack& pack,
                                             std::ostream& err) {
  CheckOptions options;
  std::string error;
  std::optional<RuleSelection> selection = RuleSelection::Parse(
      cmd.select, cmd.ignore, KnownRuleIds(pack), error, cmd.select_label, cmd.ignore_label);
  if (!selection) {
    err << "s75check: " << error << "\n";
    return std::nullopt;
  }
  options.selection = *selection;
  options.as_of = cmd.as_of;
  options.jobs = cmd.jobs;
  options.limits = cmd.limits;
  options.exclude = PathExclusion(cmd.exclude_dir, cmd.exclude);
  return options;
}

// One check run's handling of each result as it streams past: the baselines
// (recorded, then filtered: by the one read with --baseline, or else by the
// one being written), the counts, the exit status, the report and progress.
class CheckRun {
 public:
  CheckRun(const CheckCommand& cmd, std::optional<Baseline> baseline, Reporter& reporter,
           std::ostream& out, Progress& progress)
      : cmd_(cmd), reporter_(reporter), out_(out), progress_(progress) {
    if (!cmd.write_baseline.empty()) {
      recorder_.emplace(BaselineDirectory(cmd.write_baseline), cmd.as_of);
    }
    if (baseline) {
      filter_.emplace(*baseline, BaselineDirectory(cmd.baseline), cmd.as_of);
    }
  }

  bool BaselineUsed() const { return filter_ || recorder_; }

  void File(FileResult file) {
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
    reporter_.File(file, out_);
    progress_.Step();
  }

  // Writes the baseline asked for; false (said on `err`) when that failed.
  bool WriteBaseline(std::ostream& err) const {
    if (!recorder_) {
      return true;
    }
    std::string failure =
        WriteFileAtomically(cmd_.write_baseline, BaselineJson(recorder_->Finish()));
    if (!failure.empty()) {
      err << "s75check: " << failure << "\n";
    }
    return failure.empty();
  }

  const Summary& total() const { return total_; }
  int ExitStatus() const { return total_.unreadable > 0 ? 2 : failed_ ? 1 : 0; }

 private:
  const CheckCommand& cmd_;
  Reporter& reporter_;
  std::ostream& out_;
  Progress& progress_;
  std::optional<BaselineRecorder> recorder_;
  std::optional<BaselineFilter> filter_;
  Summary total_;
  bool failed_ = false;
};

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
  std::optional<CheckOptions> options = MakeCheckOptions(cmd, *pack, err);
  if (!options) {
    return 2;
  }
  std::optional<Baseline> baseline;
  if (!cmd.baseline.empty() && !(baseline = ReadBaseline(cmd.baseline, err))) {
    return 2;
  }
  // The report streams to stdout, or to a temporary file renamed at the end.
  std::optional<AtomicFile> file;
  if (!cmd.output.empty() && !(file.emplace(cmd.output)).error().empty()) {
    err << "s75check: " << file->error() << "\n";
    return 2;
  }
  std::ostream& stream = file ? file->stream() : out;
  Progress progress(err, ShouldShowProgress(cmd.quiet));
  CheckRun run(cmd, std::move(baseline), *reporter, stream, progress);
  SweepSink sink{[&](const CheckReport& header, size_t total) {
                   CheckReport begin = header;
                   begin.baseline_used = run.BaselineUsed();
                   progress.Start(total);
                   reporter->Begin(begin, stream);
                 },
                 [&](FileResult f) { run.File(std::move(f)); }};
  CheckReport end = CheckFiles(*pack, PathsOrHere(cmd.paths), *options, sink);
  progress.Finish();
  end.baseline_used = run.BaselineUsed();
  reporter->End(end, run.total(), stream);
  if (!run.WriteBaseline(err)) {
    return 2;
  }
  if (file) {
    if (std::string failure = file->Commit(); !failure.empty()) {
      err << "s75check: " << failure << "\n";
      return 2;
    }
  }
  return run.ExitStatus();
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
  // Rows are small (no findings are kept), so a sweep of any size fits.
  Register reg;
  reg.as_of = cmd.as_of;
  reg.tool_version = ToolVersion();
  Progress progress(err, ShouldShowProgress(false));
  CheckFiles(*pack, PathsOrHere(cmd.paths), options,
             {[&](const CheckReport& /*run*/, size_t total) { progress.Start(total); },
              [&](const FileResult& file) {
                AddToRegister(reg, file);
                progress.Step();
              }});
  progress.Finish();
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

namespace {

// The check `render --findings` shows; nullopt (said on `err`) when the rules
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
  RenderedAgreement doc = RenderAgreement(*loaded.document, shown);
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
  for (const std::string& f : results.failures) {
    out << "FAIL " << f << "\n";
  }
  out << results.passed << " passed, " << results.failed << " failed\n";
  return results.failed == 0 ? 0 : 1;
}

}  // namespace s75
