#include "driver/pipeline.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

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

void Walk(const fs::path& dir, std::vector<std::string>& out, std::vector<FileResult>& missing) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    FileResult r;
    r.path = dir.string();
    r.findings.push_back(
        DocFinding("DOC.07", r.path, 0, 0, "", "cannot read the directory: " + ec.message()));
    missing.push_back(std::move(r));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      break;
    }
    const fs::directory_entry& entry = *it;
    if (Hidden(entry.path())) {
      if (entry.is_directory(ec)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (entry.is_regular_file(ec) && AgreementExtension(entry.path())) {
      out.push_back(entry.path().string());
    }
  }
}

}  // namespace

void AddDuplicateIdFindings(std::vector<FileResult>& files, const RuleSelection& selection) {
  std::map<std::string, const FileResult*> first;
  for (FileResult& f : files) {
    if (f.agreement_id.empty()) {
      continue;
    }
    auto [it, fresh] = first.emplace(f.agreement_id, &f);
    if (fresh) {
      continue;
    }
    if (!selection.Selected("DOC.08")) {
      continue;
    }
    f.findings.push_back(DocFinding("DOC.08", f.path, 1, 1, "agreement.id",
                                    "agreement id `" + f.agreement_id + "` is also the id of " +
                                        it->second->path + ": give each agreement its own id"));
    SortFindings(f.findings);
  }
}

std::string ToolVersion() { return S75CHECK_VERSION; }

std::unique_ptr<const CompiledPack> CompileBuiltinPacks(std::vector<RuleSource> extra,
                                                        Diagnostics& diags) {
  if (std::optional<RuleFiles> parsed = LoadSnapshot(BuiltinSnapshot())) {
    return CompilePack(std::move(*parsed), std::move(extra), diags);
  }
  // A snapshot from another build: parse the sources instead (slower, same pack).
  std::vector<RuleSource> sources = BuiltinRuleSources();
  for (RuleSource& s : extra) {
    sources.push_back(std::move(s));
  }
  return CompilePack(std::move(sources), diags);
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
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      diags.Error({it->path().string(), 0, 0}, "cannot read the rule file");
      continue;
    }
    out.push_back({it->path().string(), text.str()});
  }
  if (out.empty()) {
    diags.Error({dir, 0, 0}, "no .rules files in the directory");
  }
  std::sort(out.begin(), out.end(),
            [](const RuleSource& a, const RuleSource& b) { return a.path < b.path; });
  return out;
}

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>& missing) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(p, ec);
    if (fs::is_directory(status)) {
      Walk(p, files, missing);
    } else if (fs::exists(status)) {
      files.push_back(p);
    } else {
      FileResult r;
      r.path = p;
      r.findings.push_back(DocFinding("DOC.07", p, 0, 0, "", "no such file or directory"));
      missing.push_back(std::move(r));
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
  for (const RuleDecl* r : pack.rules()) {
    rules.push_back({r->id, r->slug, r->title});
  }
  for (const BuiltinRule& r : BuiltinRules()) {
    rules.push_back({std::string(r.id), std::string(r.slug), std::string(r.title)});
  }
  std::sort(rules.begin(), rules.end(),
            [](const RuleRef& a, const RuleRef& b) { return a.id < b.id; });
  return rules;
}

std::vector<std::string> KnownRuleIds(const CompiledPack& pack) {
  std::vector<std::string> ids;
  for (RuleRef& r : AllRules(pack)) {
    ids.push_back(std::move(r.id));
  }
  return ids;
}

FileResult CheckFile(const CompiledPack& pack, const std::string& path,
                     const CheckOptions& options) {
  return CheckLoaded(pack, LoadAgreementFile(path, options.limits), path, options);
}

FileResult CheckLoaded(const CompiledPack& pack, LoadResult loaded, const std::string& path,
                       const CheckOptions& options) {
  FileResult r;
  r.path = path;
  r.checked = loaded.checked;
  r.agreement_id = loaded.agreement_id;
  r.findings = std::move(loaded.findings);
  const RuleSelection& selection = options.selection;
  if (loaded.checked) {
    for (const RuleDecl* rule : pack.rules()) {
      if (selection.Selected(rule->id)) {
        EvaluateRule(*rule, *loaded.document, EvalOptions{options.as_of}, r.findings);
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

CheckReport RunCheck(const CompiledPack& pack, const std::vector<std::string>& paths,
                     const CheckOptions& options) {
  CheckReport report;
  report.tool_version = ToolVersion();
  report.as_of = options.as_of;
  std::vector<FileResult> missing;
  std::vector<std::string> files = CollectFiles(paths, missing);
  std::vector<FileResult> results(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      results[i] = CheckFile(pack, files[i], options);
    }
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(files.size())));
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) {
    workers.emplace_back(work);
  }
  work();
  for (std::thread& t : workers) {
    t.join();
  }
  for (FileResult& m : missing) {
    results.push_back(std::move(m));
  }
  std::sort(results.begin(), results.end(),
            [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  AddDuplicateIdFindings(results, options.selection);
  report.files = std::move(results);
  report.known = AllRules(pack);
  for (const RuleRef& r : report.known) {
    if (options.selection.Selected(r.id)) {
      report.rules.push_back(r);
    }
  }
  return report;
}

}  // namespace s75
