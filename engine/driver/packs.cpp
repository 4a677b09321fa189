#include "driver/packs.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "common/read_file.h"
#include "compile/program_snapshot.h"
#include "driver/waivers.h"
#include "load/doc_rules.h"
#include "parse/snapshot.h"

namespace s75 {

namespace fs = std::filesystem;

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

// The rule files of --rules and --extra-rules, in that order.
std::vector<RuleSource> ChosenSources(const PackOptions& options, Diagnostics& diags) {
  std::vector<RuleSource> sources;
  if (!options.rules_dir.empty()) {
    sources = RuleSourcesFromDirectory(options.rules_dir, diags);
  }
  for (const std::string& dir : options.extra_dirs) {
    for (RuleSource& s : RuleSourcesFromDirectory(dir, diags)) {
      sources.push_back(std::move(s));
    }
  }
  return sources;
}

// Writes `diags` with excerpts of the files they point into: `sources`, and
// the built-in packs' unless --rules replaced them.
void WriteDiagnostics(const Diagnostics& diags, std::vector<RuleSource> sources,
                      const PackOptions& options, std::ostream& err) {
  if (!diags.items().empty() && options.rules_dir.empty()) {
    for (RuleSource& s : BuiltinRuleSources()) {
      sources.push_back(std::move(s));
    }
  }
  for (const Diagnostic& d : diags.items()) {
    err << FormatDiagnostic(d, SourceText(d.range.file, sources));
  }
}

}  // namespace

std::string ToolVersion() { return S75CHECK_VERSION; }

std::string ToolInformationUri() { return S75CHECK_HOMEPAGE_URL; }

std::unique_ptr<const CompiledPack> CompileBuiltinPacks(std::vector<RuleSource> extra,
                                                        Diagnostics& diags) {
  if (extra.empty()) {
    if (std::unique_ptr<const CompiledPack> pack = LoadProgram(BuiltinProgram())) {
      return pack;
    }
  }
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

std::unique_ptr<const CompiledPack> CompileRules(const PackOptions& options, std::ostream& err) {
  Diagnostics diags;
  std::vector<RuleSource> sources = ChosenSources(options, diags);
  std::vector<RuleSource> copy = sources;
  std::unique_ptr<const CompiledPack> pack;
  if (!diags.HasErrors()) {
    pack = options.rules_dir.empty() ? CompileBuiltinPacks(std::move(sources), diags)
                                     : CompilePack(sources, diags);
  }
  WriteDiagnostics(diags, std::move(copy), options, err);
  if (!pack) {
    err << "s75check: the rule files do not compile; no agreement was checked\n";
  }
  return pack;
}

std::vector<BuiltinRule> BuiltinRules() {
  std::vector<BuiltinRule> rules = DocRules();
  rules.insert(rules.end(), WaiverRules().begin(), WaiverRules().end());
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

}  // namespace s75
