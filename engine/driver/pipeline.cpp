#include "driver/pipeline.h"

#include <set>

#include "common/bury.h"
#include "common/rule_ids.h"
#include "driver/catalogue.h"
#include "driver/facts.h"
#include "driver/sweep.h"
#include "driver/waivers.h"
#include "eval/evaluator.h"
#include "load/doc_rules.h"

namespace s75 {

namespace {

using RuleIdSet = std::set<std::string, std::less<>>;

// The run before any file: tool version, date, every rule known and those
// selected.
CheckReport RunHeader(const CompiledPack& pack, const CheckOptions& options) {
  CheckReport run;
  run.tool_version = ToolVersion();
  run.tool_information_uri = ToolInformationUri();
  run.as_of = options.as_of;
  run.known = AllRules(pack);
  for (const RuleRef& r : run.known) {
    if (options.selection.Selected(r.id)) {
      run.rules.push_back(r);
    }
  }
  return run;
}

// The rules a report lists: those selected, and any other a finding names (a
// file that could not be checked keeps its DOC finding whatever the selection).
std::vector<RuleRef> ReportedRules(std::vector<RuleRef> rules, const RuleSelection& selection,
                                   const RuleIdSet& named) {
  std::erase_if(
      rules, [&](const RuleRef& r) { return !selection.Selected(r.id) && !named.contains(r.id); });
  return rules;
}

// Adds the rules the findings of `file` name to `named`.
void NoteRules(const FileResult& file, RuleIdSet& named) {
  for (const Finding& f : file.findings) {
    named.insert(f.rule);
  }
}

// The loader's result for `path`: its DOC findings, and whether it was checked.
FileResult Loaded(const LoadResult& loaded, const std::string& path) {
  FileResult r;
  r.path = path;
  r.checked = loaded.checked;
  r.agreement_id = loaded.agreement_id;
  r.findings = loaded.findings;
  return r;
}

// Adds the findings of the selected rules of `pack` on `doc`.
void Evaluate(const CompiledPack& pack, const Document& doc, const CheckOptions& options,
              std::vector<Finding>& findings) {
  EvalMemo memo;
  for (const CompiledRule& rule : pack.rules()) {
    if (options.selection.Selected(rule.id)) {
      EvaluateRule(rule, doc, EvalOptions{options.as_of}, memo, findings);
    }
  }
}

// Applies the waivers of `doc` to `findings`, adding the WAIVER findings.
void Waive(const CompiledPack& pack, const Document& doc, const CheckOptions& options,
           std::vector<Finding>& findings) {
  const RuleSelection& selection = options.selection;
  WaiverContext waivers{
      options.as_of, [&pack](std::string_view id) { return pack.Find(std::string(id)) != nullptr; },
      [&selection](std::string_view id) { return selection.Selected(id); }};
  ApplyWaivers(doc, waivers, findings);
}

}  // namespace

void KeepSelected(FileResult& r, const RuleSelection& selection) {
  std::erase_if(r.findings,
                [&](const Finding& f) { return r.checked && !selection.Selected(f.rule); });
}

std::optional<ChosenPack> CompileAndSelect(const PackOptions& packs, const RuleChoice& choice,
                                           std::ostream& err) {
  std::unique_ptr<const CompiledPack> pack = CompileRules(packs, err);
  std::optional<RuleSelection> selection = pack ? SelectRules(*pack, choice, err) : std::nullopt;
  if (!selection) {
    return std::nullopt;
  }
  return ChosenPack{std::move(pack), std::move(*selection)};
}

int RunPipeline(const PipelineInput& input, ReportStage& report, std::ostream& err) {
  std::optional<ChosenPack> chosen = CompileAndSelect(input.packs, input.rules, err);
  if (!chosen || !report.Open()) {
    return 2;
  }
  CheckOptions options = input.options;
  options.selection = chosen->selection;
  int status = report.End(Sweep(*chosen->pack, input.paths, options, report));
  Bury(std::move(chosen->pack));  // the process ends next: freeing its nodes would only take time
  return status;
}

CheckReport Sweep(const CompiledPack& pack, const std::vector<std::string>& paths,
                  const CheckOptions& options, ReportStage& report) {
  CheckReport run = RunHeader(pack, options);
  std::vector<SweepEntry> entries = CollectEntries(paths, options.exclude);
  report.Begin(run, entries.size());
  DuplicateIds duplicates(options.selection);
  RuleIdSet named;
  SweepAgreements(
      entries, SweepScope{options.limits, options.jobs, options.as_of, options.filter},
      [&](const std::string& path, const LoadResult& loaded) {
        return CheckLoaded(pack, loaded, path, options);
      },
      [](SweepEntry& entry) { return std::move(*entry.unreadable); },
      [&](FileResult file) {
        duplicates.Check(file);
        NoteRules(file, named);
        report.File(std::move(file));
      });
  run.rules = ReportedRules(run.known, options.selection, named);
  return run;
}

std::optional<RuleSelection> SelectRules(const CompiledPack& pack, const RuleChoice& choice,
                                         std::ostream& err) {
  std::string error;
  std::optional<RuleSelection> selection =
      RuleSelection::Parse(choice.select, choice.ignore, KnownRuleIds(pack), error,
                           choice.select_label, choice.ignore_label);
  if (!selection) {
    err << "s75check: " << error << "\n";
  }
  return selection;
}

FileResult CheckFile(const CompiledPack& pack, const std::string& path,
                     const CheckOptions& options) {
  return CheckLoaded(pack, LoadAgreementFile(path, options.limits), path, options);
}

FileResult CheckLoaded(const CompiledPack& pack, const LoadResult& loaded, const std::string& path,
                       const CheckOptions& options) {
  FileResult r = Loaded(loaded, path);
  if (loaded.checked) {
    Evaluate(pack, *loaded.document, options, r.findings);
    Waive(pack, *loaded.document, options, r.findings);
    r.facts = ReadFacts(*loaded.document);
    if (options.figures) {
      ReadFigures(*loaded.document, options.as_of, *r.facts);
    }
  }
  KeepSelected(r, options.selection);
  SortFindings(r.findings);
  return r;
}

DuplicateIds::DuplicateIds(const RuleSelection& selection) : selection_(selection) {}

void DuplicateIds::Check(FileResult& f) {
  if (f.agreement_id.empty()) {
    return;
  }
  auto [it, fresh] = first_.emplace(f.agreement_id, f.path);
  if (fresh || !selection_.Selected(kDocDuplicateAgreementId)) {
    return;
  }
  f.findings.push_back(DocFinding(kDocDuplicateAgreementId, f.path, 1, 1, "agreement.id",
                                  "agreement id `" + f.agreement_id + "` is also the id of " +
                                      it->second + ": give each agreement its own id"));
  SortFindings(f.findings);
}

void AddDuplicateIdFindings(std::vector<FileResult>& files, const RuleSelection& selection) {
  DuplicateIds ids(selection);
  for (FileResult& f : files) {
    ids.Check(f);
  }
}

namespace {

// A report stage that keeps every file.
class KeepFiles : public ReportStage {
 public:
  void File(FileResult file) override { files.push_back(std::move(file)); }
  std::vector<FileResult> files;
};

}  // namespace

CheckReport RunCheck(const CompiledPack& pack, const std::vector<std::string>& paths,
                     const CheckOptions& options) {
  KeepFiles keep;
  CheckReport report = Sweep(pack, paths, options, keep);
  report.files = std::move(keep.files);
  return report;
}

}  // namespace s75
