// The pipeline: one run of the checker, stage by stage. RunPipeline shows the
// order; each stage is a function of its own, so a command that runs only
// some of them (render: load, compile, evaluate, waive) calls those.
//
//   compile     the rule packs                              CompileRules (packs.h)
//   select      the rules run: --select and --ignore        SelectRules
//   collect     the agreement files, in path order          CollectEntries (collect.h)
//   per file    load and validate, filter (--status,        SweepAgreements (sweep.h)
//               --live), evaluate, waive, sort              CheckLoaded
//   cross-file  DOC.08, over the results in path order      DuplicateIds
//   report      each result as soon as it is ready, then    ReportStage
//               the end of the run
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "compile/pack.h"
#include "driver/collect.h"
#include "driver/exclude.h"
#include "driver/packs.h"
#include "driver/selection.h"
#include "load/limits.h"
#include "load/loader.h"
#include "report/agreement_filter.h"
#include "report/check_report.h"

namespace s75 {

// How each file is checked, once the rules are selected.
struct CheckOptions {
  Date as_of;
  LoadLimits limits;
  int jobs = 1;
  RuleSelection selection;  // the rules run and reported
  PathExclusion exclude;    // files left out, whether found or named
  AgreementFilter filter;   // agreements left out (--status, --live): not reported or counted
  // Read each agreement's latest outturn and outcome counts into its facts
  // (the register's columns), as of `as_of`.
  bool figures = false;
};

// --select and --ignore as given: rule ids or families, comma-separated.
struct RuleChoice {
  std::vector<std::string> select;  // empty for every rule
  std::vector<std::string> ignore;
  std::string select_label = "--select";  // where each list came from, for messages
  std::string ignore_label = "--ignore";
};

// What a run reads.
struct PipelineInput {
  PackOptions packs;
  RuleChoice rules;
  std::vector<std::string> paths;  // files and directories; none for the current directory
  CheckOptions options;            // its `selection` is the select stage's
};

// The report stage: what a command makes of a run's results (a report in
// some format, a register). Called from one thread at a time.
class ReportStage {
 public:
  virtual ~ReportStage() = default;
  // Once the rules are selected, before any file is looked for: gets ready
  // (reads a baseline, opens the output). False, having said why, stops the
  // run with exit status 2.
  virtual bool Open() { return true; }
  // Before the first file: the run (tool version, date, the rules selected
  // and known; no files) and the number of files.
  virtual void Begin(const CheckReport& /*run*/, size_t /*files*/) {}
  // Each file, in path order, as soon as it and every file before it are done.
  virtual void File(FileResult file) = 0;
  // After the last file: the run, whose rules are those selected and any
  // other a finding named. Returns the exit status.
  virtual int End(const CheckReport& /*run*/) { return 0; }
};

// The whole run: compile, select, then Sweep, and the report's end. Returns
// the exit status: 2, having said why on `err`, when the rules do not compile,
// the choice of rules names none, or the report cannot open; else the
// report's.
int RunPipeline(const PipelineInput& input, ReportStage& report, std::ostream& err);

// The stages after compile and select: collect the files, check those the
// filter keeps on `options.jobs` threads, add the cross-file findings (among
// the files kept), and hand each result
// to `report` in path order (at most a few results per thread are held, so
// memory does not grow with the number of files). Returns the run without
// files, for `report.End`.
CheckReport Sweep(const CompiledPack& pack, const std::vector<std::string>& paths,
                  const CheckOptions& options, ReportStage& report);

// Select: the rules `choice` selects from those `pack` can report; nullopt,
// having said why on `err`, when an entry names no rule or family.
std::optional<RuleSelection> SelectRules(const CompiledPack& pack, const RuleChoice& choice,
                                         std::ostream& err);

// The compile and select stages together, as `check` runs them.
struct ChosenPack {
  std::unique_ptr<const CompiledPack> pack;
  RuleSelection selection;
};

// The packs `packs` names, compiled, and the rules `choice` selects from
// them; nullopt, having said why on `err`, when the rules do not compile or
// the choice names no rule.
std::optional<ChosenPack> CompileAndSelect(const PackOptions& packs, const RuleChoice& choice,
                                           std::ostream& err);

// Drops the findings of rules not selected, unless the file could not be
// checked: then it keeps its DOC finding whatever the selection.
void KeepSelected(FileResult& r, const RuleSelection& selection);

// Per file, after loading: evaluate the selected rules on a loaded agreement,
// apply its waivers, keep the selected rules' findings (all of them if the
// file could not be checked), sorted.
FileResult CheckLoaded(const CompiledPack& pack, const LoadResult& loaded, const std::string& path,
                       const CheckOptions& options);

// Per file: load one file, then CheckLoaded.
FileResult CheckFile(const CompiledPack& pack, const std::string& path,
                     const CheckOptions& options);

// Cross-file: DOC.08, given results in path order: remembers each agreement
// id's first file and adds the finding to any later file with the same id.
class DuplicateIds {
 public:
  explicit DuplicateIds(const RuleSelection& selection);
  void Check(FileResult& file);

 private:
  const RuleSelection& selection_;
  std::map<std::string, std::string> first_;  // agreement id -> first path
};

// Cross-file over results already in path order.
void AddDuplicateIdFindings(std::vector<FileResult>& files, const RuleSelection& selection);

// Sweep with every result kept, in `files`.
CheckReport RunCheck(const CompiledPack& pack, const std::vector<std::string>& paths,
                     const CheckOptions& options);

}  // namespace s75
