// The pipeline, in order: compile the rule packs, collect the files, then
// for each file load (and validate) it and evaluate the rules; finally
// cross-file checks and sorting. Reporting is the caller's.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/builtin_rule.h"
#include "common/diagnostic.h"
#include "compile/pack.h"
#include "driver/exclude.h"
#include "driver/selection.h"
#include "load/limits.h"
#include "load/loader.h"
#include "report/check_report.h"

namespace s75 {

struct CheckOptions {
  Date as_of;
  LoadLimits limits;
  int jobs = 1;
  RuleSelection selection;  // the rules run and reported
  PathExclusion exclude;    // files left out, whether found or named
};

// Stage 1: the rule files of the built-in packs, compiled into the binary.
std::vector<RuleSource> BuiltinRuleSources();

// Stage 1: the built-in packs as parsed at build time (parse/snapshot.h).
std::string_view BuiltinSnapshot();

// Stage 1: the built-in packs (from the snapshot) and `extra` rule files,
// compiled together.
std::unique_ptr<const CompiledPack> CompileBuiltinPacks(std::vector<RuleSource> extra,
                                                        Diagnostics& diags);

// Stage 1, alternative: every `*.rules` file below `dir`. Errors (a missing
// or unreadable directory) go to `diags`.
std::vector<RuleSource> RuleSourcesFromDirectory(const std::string& dir, Diagnostics& diags);

// Stage 2: the agreement files named by `paths`: files as given, directories
// searched recursively for *.yaml and *.yml (hidden entries skipped), sorted.
// A path that does not exist, an agreement-named entry found in a directory
// that is not a readable file (a dangling link, a link loop, a FIFO), and a
// directory that cannot be read become DOC.07 results in `missing` (links to
// directories are not followed). Paths that
// `exclude` excludes, named or found, are left out silently.
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>& missing,
                                      const PathExclusion& exclude = PathExclusion());

// The rules built into the engine: DOC (the loader's), then WAIVER.
std::vector<BuiltinRule> BuiltinRules();

// Every rule a check with `pack` can report (the pack's, DOC and WAIVER), by id.
std::vector<RuleRef> AllRules(const CompiledPack& pack);

// The ids of AllRules(pack), for --select and --ignore.
std::vector<std::string> KnownRuleIds(const CompiledPack& pack);

// Stage 3, after loading: evaluate the selected rules on a loaded agreement
// and apply its waivers.
FileResult CheckLoaded(const CompiledPack& pack, const LoadResult& loaded, const std::string& path,
                       const CheckOptions& options);

// Stage 3: load one file, evaluate the selected rules, apply its waivers.
FileResult CheckFile(const CompiledPack& pack, const std::string& path,
                     const CheckOptions& options);

// Stage 4: DOC.08, given results in path order: remembers each agreement id's
// first file and adds the finding to any later file with the same id.
class DuplicateIds {
 public:
  explicit DuplicateIds(const RuleSelection& selection);
  void Check(FileResult& file);

 private:
  const RuleSelection& selection_;
  std::map<std::string, std::string> first_;  // agreement id -> first path
};

// Stage 4 over results already in path order.
void AddDuplicateIdFindings(std::vector<FileResult>& files, const RuleSelection& selection);

// Receives a sweep's results as they are ready.
struct SweepSink {
  // Optional, before any file: the run (tool version, date, the rules
  // selected and known; no files) and the number of files.
  std::function<void(const CheckReport& run, size_t total)> start;
  std::function<void(FileResult file)> file;  // each file, in path order
};

// Stages 2-4, streamed: collect the files, check them on `jobs` threads, and
// hand each result to `sink` in path order (DOC.08 added) as soon as it and
// every file before it are done. At most a few results per worker are held,
// so memory does not grow with the number of files. Returns the run without
// files: tool version, date, and the rules reported (those selected, and any
// other a finding named).
CheckReport CheckFiles(const CompiledPack& pack, const std::vector<std::string>& paths,
                       const CheckOptions& options, const SweepSink& sink);

// Stages 2-4 with every result kept, in `files`.
CheckReport RunCheck(const CompiledPack& pack, const std::vector<std::string>& paths,
                     const CheckOptions& options);

// The tool's version.
std::string ToolVersion();

// Where the tool is hosted and documented: the build's S75_HOMEPAGE_URL.
std::string ToolInformationUri();

}  // namespace s75
