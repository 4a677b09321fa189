#include "driver/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "common/read_file.h"
#include "driver/catalogue.h"
#include "driver/facts.h"
#include "driver/waivers.h"
#include "eval/evaluator.h"
#include "load/doc_rules.h"
#include "load/loader.h"
#include "parse/snapshot.h"

namespace s75 {

namespace fs = std::filesystem;

namespace {

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool AgreementExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// A path that cannot be checked: a DOC.07 result saying why.
FileResult Unreadable(const std::string& path, std::string message) {
  FileResult r;
  r.path = path;
  r.findings.push_back(DocFinding("DOC.07", path, 0, 0, "", std::move(message)));
  return r;
}

// Adds the agreement files below `root` to `out`, one directory at a time (no
// recursion, so no depth of directories can exhaust the stack). Symbolic
// links to directories are not followed, so a link loop cannot trap the walk.
// An agreement-named entry that is not a readable file (a dangling link, a
// link loop, a FIFO) and a directory that cannot be read are DOC.07 results
// in `missing`: a sweep never drops a file silently.
void Walk(const fs::path& root, const PathExclusion& exclude, std::vector<std::string>& out,
          std::vector<FileResult>& missing) {
  std::vector<fs::path> dirs{root};
  while (!dirs.empty()) {
    fs::path dir = std::move(dirs.back());
    dirs.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (Hidden(p) || exclude.Excludes(p.string())) {
        continue;
      }
      std::error_code entry_error;
      if (fs::is_directory(it->symlink_status(entry_error))) {
        dirs.push_back(p);
        continue;
      }
      if (!AgreementExtension(p)) {
        continue;
      }
      fs::file_status target = it->status(entry_error);
      if (fs::is_regular_file(target)) {
        out.push_back(p.string());
      } else if (!fs::is_directory(target)) {
        missing.push_back(Unreadable(p.string(), NotAFile(p.string(), target, entry_error)));
      }
    }
    if (ec) {
      missing.push_back(Unreadable(dir.string(), "cannot read the directory: " + ec.message()));
    }
  }
}

// The rules a report lists: those selected, and any other a finding names (a
// file that could not be checked keeps its DOC finding whatever the selection).
std::vector<RuleRef> ReportedRules(std::vector<RuleRef> rules, const RuleSelection& selection,
                                   const std::set<std::string, std::less<>>& named) {
  std::erase_if(
      rules, [&](const RuleRef& r) { return !selection.Selected(r.id) && !named.contains(r.id); });
  return rules;
}

// Hands results on in index order, holding those that finish early. A worker
// whose file is `window` or more past the next one to hand on waits, so at
// most `window` results are held whatever the number of files.
class InOrder {
 public:
  InOrder(size_t window, std::function<void(FileResult)> emit)
      : window_(window), emit_(std::move(emit)) {}

  void WaitForTurn(size_t index) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return index < next_ + window_; });
  }

  // Results leave under the lock, so the sink sees them one at a time.
  void Done(size_t index, FileResult result) {
    std::unique_lock lock(mutex_);
    held_.emplace(index, std::move(result));
    while (!held_.empty() && held_.begin()->first == next_) {
      emit_(std::move(held_.begin()->second));
      held_.erase(held_.begin());
      ++next_;
    }
    turn_.notify_all();
  }

 private:
  size_t window_;
  std::function<void(FileResult)> emit_;
  std::mutex mutex_;
  std::condition_variable turn_;
  size_t next_ = 0;
  std::map<size_t, FileResult> held_;
};

// A file to check, or the result of a path that could not be (DOC.07).
struct Job {
  std::string path;
  std::optional<FileResult> ready;
};

// The collected files and the missing paths together, in path order.
std::vector<Job> Jobs(const std::vector<std::string>& paths, const PathExclusion& exclude) {
  std::vector<FileResult> missing;
  std::vector<Job> jobs;
  for (std::string& f : CollectFiles(paths, missing, exclude)) {
    jobs.push_back({std::move(f), std::nullopt});
  }
  for (FileResult& m : missing) {
    jobs.push_back({m.path, std::move(m)});
  }
  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const Job& a, const Job& b) { return a.path < b.path; });
  return jobs;
}

}  // namespace

DuplicateIds::DuplicateIds(const RuleSelection& selection) : selection_(selection) {}

void DuplicateIds::Check(FileResult& f) {
  if (f.agreement_id.empty()) {
    return;
  }
  auto [it, fresh] = first_.emplace(f.agreement_id, f.path);
  if (fresh || !selection_.Selected("DOC.08")) {
    return;
  }
  f.findings.push_back(DocFinding("DOC.08", f.path, 1, 1, "agreement.id",
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

std::string ToolVersion() { return S75CHECK_VERSION; }

std::unique_ptr<const CompiledPack> CompileBuiltinPacks(std::vector<RuleSource> extra,
                                                        Diagnostics& diags) {
  if (std::optional<RuleFiles> parsed = LoadSnapshot(BuiltinSnapshot())) {
    return CompilePack(std::move(*parsed), extra, diags);
  }
  // A snapshot from another build: parse the sources instead (slower, same pack).
  std::vector<RuleSource> sources = BuiltinRuleSources();
  for (RuleSource& s : extra) {
    sources.push_back(std::move(s));
  }
  return CompilePack(sources, diags);
}

std::vector<RuleSource> RuleSourcesFromDirectory(const std::string& dir, Diagnostics& diags) {
  std::vector<RuleSource> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.Error({dir, 0, 0}, "not a directory of rule files");
    return out;
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".rules") {
      continue;
    }
    std::string text;
    if (std::string failure = ReadWholeFile(it->path().string(), text); !failure.empty()) {
      diags.Error({it->path().string(), 0, 0}, "cannot read the rule file: " + failure);
      continue;
    }
    out.push_back({it->path().string(), std::move(text)});
  }
  if (out.empty()) {
    diags.Error({dir, 0, 0}, "no .rules files in the directory");
  }
  std::sort(out.begin(), out.end(),
            [](const RuleSource& a, const RuleSource& b) { return a.path < b.path; });
  return out;
}

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>& missing,
                                      const PathExclusion& exclude) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (exclude.Excludes(p)) {
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(p, ec);
    if (fs::is_directory(status)) {
      Walk(p, exclude, files, missing);
    } else if (fs::exists(status)) {
      files.push_back(p);
    } else {
      missing.push_back(Unreadable(p, NotAFile(p, status, ec)));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::vector<BuiltinRule> BuiltinRules() {
  std::vector<BuiltinRule> rules = DocRules();
  rules.insert(rules.end(), WaiverRules().begin(), WaiverRules().end());
  return rules;
}

std::vector<RuleRef> AllRules(const CompiledPack& pack) {
  std::vector<RuleRef> rules;
  for (RuleDoc& d : RuleCatalogue(pack)) {
    std::string family(RuleFamily(d.id));
    Severity severity = ParseSeverity(d.severity).value_or(Severity::kError);
    rules.push_back({std::move(d.id), std::move(d.slug), std::move(family), std::move(d.title),
                     std::move(d.description), std::move(d.remediation), severity,
                     std::move(d.severity_text), std::move(d.references)});
  }
  std::sort(rules.begin(), rules.end(),
            [](const RuleRef& a, const RuleRef& b) { return a.id < b.id; });
  return rules;
}

std::vector<std::string> KnownRuleIds(const CompiledPack& pack) {
  std::vector<std::string> ids;
  for (const CompiledRule& r : pack.rules()) {
    ids.push_back(r.id);
  }
  for (const BuiltinRule& r : BuiltinRules()) {
    ids.emplace_back(r.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

FileResult CheckFile(const CompiledPack& pack, const std::string& path,
                     const CheckOptions& options) {
  return CheckLoaded(pack, LoadAgreementFile(path, options.limits), path, options);
}

FileResult CheckLoaded(const CompiledPack& pack, const LoadResult& loaded, const std::string& path,
                       const CheckOptions& options) {
  FileResult r;
  r.path = path;
  r.checked = loaded.checked;
  r.agreement_id = loaded.agreement_id;
  r.findings = loaded.findings;
  const RuleSelection& selection = options.selection;
  if (loaded.checked) {
    EvalMemo memo;
    for (const CompiledRule& rule : pack.rules()) {
      if (selection.Selected(rule.id)) {
        EvaluateRule(rule, *loaded.document, EvalOptions{options.as_of}, memo, r.findings);
      }
    }
    WaiverContext waivers{
        options.as_of,
        [&pack](std::string_view id) { return pack.Find(std::string(id)) != nullptr; },
        [&selection](std::string_view id) { return selection.Selected(id); }};
    ApplyWaivers(*loaded.document, waivers, r.findings);
    r.facts = ReadFacts(*loaded.document);
  }
  // A file that could not be checked keeps its DOC finding whatever the selection.
  std::erase_if(r.findings,
                [&](const Finding& f) { return r.checked && !selection.Selected(f.rule); });
  SortFindings(r.findings);
  return r;
}

CheckReport CheckFiles(const CompiledPack& pack, const std::vector<std::string>& paths,
                       const CheckOptions& options, const SweepSink& sink) {
  CheckReport run;
  run.tool_version = ToolVersion();
  run.as_of = options.as_of;
  run.known = AllRules(pack);
  for (const RuleRef& r : run.known) {
    if (options.selection.Selected(r.id)) {
      run.rules.push_back(r);
    }
  }
  std::vector<Job> jobs = Jobs(paths, options.exclude);
  if (sink.start) {
    sink.start(run, jobs.size());
  }
  DuplicateIds ids(options.selection);
  std::set<std::string, std::less<>> named;
  int threads = std::max(1, std::min<int>(options.jobs, static_cast<int>(jobs.size())));
  InOrder in_order(4 * static_cast<size_t>(threads), [&](FileResult result) {
    ids.Check(result);
    for (const Finding& f : result.findings) {
      named.insert(f.rule);
    }
    sink.file(std::move(result));
  });
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      in_order.WaitForTurn(i);
      in_order.Done(
          i, jobs[i].ready ? std::move(*jobs[i].ready) : CheckFile(pack, jobs[i].path, options));
    }
  };
  std::vector<std::thread> workers;
  for (int j = 1; j < threads; ++j) {
    workers.emplace_back(work);
  }
  work();
  for (std::thread& t : workers) {
    t.join();
  }
  run.rules = ReportedRules(run.known, options.selection, named);
  return run;
}

CheckReport RunCheck(const CompiledPack& pack, const std::vector<std::string>& paths,
                     const CheckOptions& options) {
  std::vector<FileResult> files;
  CheckReport report = CheckFiles(pack, paths, options,
                                  {nullptr, [&](FileResult f) { files.push_back(std::move(f)); }});
  report.files = std::move(files);
  return report;
}

}  // namespace s75
