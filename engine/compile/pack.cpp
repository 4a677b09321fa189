#include "compile/pack.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "compile/checker.h"
#include "parse/parser.h"

namespace s75 {

namespace {

std::string ImportName(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

// Compiles files so that each comes after the files it imports.
class PackCompiler {
 public:
  PackCompiler(const RuleFiles& files, FileNames& names, Diagnostics& diags)
      : files_(files), names_(names), diags_(diags) {
    for (const auto& f : files_) {
      by_name_[ImportName(f->path)] = f.get();
    }
  }

  // Every file's compiled rules, in the order of the files.
  std::vector<std::vector<CheckedRule>> CompileAll() {
    for (const auto& f : files_) {
      Visit(*f);
    }
    std::vector<std::vector<CheckedRule>> out;
    for (const auto& f : files_) {
      out.push_back(std::move(rules_[f.get()]));
    }
    return out;
  }

 private:
  enum class State { kNew, kActive, kDone };

  void Visit(const RuleFile& file) {
    State& state = state_[&file];
    if (state != State::kNew) {
      return;
    }
    state = State::kActive;
    DefScope imported;
    for (const ImportDecl& imp : file.imports) {
      auto it = by_name_.find(imp.name);
      if (it == by_name_.end()) {
        diags_.Error(imp.range, "cannot import \"" + imp.name +
                                    "\": no rule file of that name in "
                                    "the pack");
        continue;
      }
      if (state_[it->second] == State::kActive) {
        diags_.Error(imp.range, "import cycle: \"" + imp.name + "\" imports this file");
        continue;
      }
      Visit(*it->second);
      for (const auto& [name, def] : exports_[it->second]) {
        imported[name] = def;
      }
    }
    exports_[&file] =
        CompileRuleFile(file, imported, compiled_defs_, names_, diags_, rules_[&file]);
    state_[&file] = State::kDone;
  }

  const RuleFiles& files_;
  FileNames& names_;
  Diagnostics& diags_;
  std::map<std::string, const RuleFile*> by_name_;
  std::map<const RuleFile*, State> state_;
  std::map<const RuleFile*, DefScope> exports_;
  CompiledDefs compiled_defs_;  // every file's parameterless defs, for its importers
  std::map<const RuleFile*, std::vector<CheckedRule>> rules_;
};

// Parses `sources` after `parsed`, refusing two files of one import name.
RuleFiles ParseAll(RuleFiles parsed, const std::vector<RuleSource>& sources, Diagnostics& diags) {
  // Files are taken in the order given (built-in or --rules packs first, then
  // --extra-rules), so a clash is reported on the file that came later.
  std::map<std::string, std::string> names;
  for (const auto& file : parsed) {
    names.emplace(ImportName(file->path), file->path);
  }
  for (const RuleSource& s : sources) {
    auto [it, fresh] = names.emplace(ImportName(s.path), s.path);
    if (!fresh) {
      diags.Error({s.path, 0, 0}, "two rule files are both named \"" + it->first + "\" (" +
                                      it->second + "); rename one");
    }
    if (auto file = ParseRuleFile(s.path, s.text, diags)) {
      parsed.push_back(std::move(file));
    }
  }
  return parsed;
}

}  // namespace

const CompiledRule* CompiledPack::Find(const std::string& id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const CompiledRule& r, const std::string& v) { return r.id < v; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

std::unique_ptr<const CompiledPack> CompilePack(const std::vector<RuleSource>& sources,
                                                Diagnostics& diags) {
  return CompilePack(RuleFiles(), sources, diags);
}

std::unique_ptr<const CompiledPack> CompilePack(RuleFiles parsed,
                                                const std::vector<RuleSource>& sources,
                                                Diagnostics& diags) {
  RuleFiles files = ParseAll(std::move(parsed), sources, diags);
  if (diags.HasErrors()) {
    return nullptr;
  }
  auto pack = std::unique_ptr<CompiledPack>(new CompiledPack());
  std::map<std::string, SourceRange> ids;
  std::vector<CheckedRule> rules;
  for (std::vector<CheckedRule>& file_rules :
       PackCompiler(files, pack->files_, diags).CompileAll()) {
    for (CheckedRule& r : file_rules) {
      auto [it, fresh] = ids.emplace(r.id, r.range);
      if (!fresh) {
        diags.Error(r.range,
                    "duplicate rule id " + r.id + ": already defined at " + it->second.ToString());
        continue;
      }
      rules.push_back(std::move(r));
    }
  }
  std::sort(rules.begin(), rules.end(),
            [](const CheckedRule& a, const CheckedRule& b) { return a.id < b.id; });
  diags.Sort();
  if (diags.HasErrors()) {
    return nullptr;
  }
  pack->rules_ = LayOut(std::move(rules), pack->code_, diags);
  if (diags.HasErrors()) {
    return nullptr;
  }
  pack->parsed_ = std::move(files);
  return pack;
}

}  // namespace s75
