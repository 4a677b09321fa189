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

// Checks files so that each comes after the files it imports.
class PackChecker {
 public:
  PackChecker(std::vector<std::unique_ptr<RuleFile>>& files, Diagnostics& diags)
      : files_(files), diags_(diags) {
    for (auto& f : files_) {
      by_name_[ImportName(f->path)] = f.get();
    }
  }

  void CheckAll() {
    for (auto& f : files_) {
      Visit(*f);
    }
  }

 private:
  enum class State { kNew, kActive, kDone };

  void Visit(RuleFile& file) {
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
    exports_[&file] = CheckRuleFile(file, imported, diags_);
    state_[&file] = State::kDone;
  }

  std::vector<std::unique_ptr<RuleFile>>& files_;
  Diagnostics& diags_;
  std::map<std::string, RuleFile*> by_name_;
  std::map<const RuleFile*, State> state_;
  std::map<const RuleFile*, DefScope> exports_;
};

}  // namespace

const RuleDecl* CompiledPack::Find(const std::string& id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleDecl* r, const std::string& v) { return r->id < v; });
  return it != rules_.end() && (*it)->id == id ? *it : nullptr;
}

std::unique_ptr<const CompiledPack> CompilePack(std::vector<RuleSource> sources,
                                                Diagnostics& diags) {
  return CompilePack(RuleFiles(), std::move(sources), diags);
}

std::unique_ptr<const CompiledPack> CompilePack(RuleFiles parsed, std::vector<RuleSource> sources,
                                                Diagnostics& diags) {
  auto pack = std::unique_ptr<CompiledPack>(new CompiledPack());
  // Files are taken in the order given (built-in or --rules packs first, then
  // --extra-rules), so a clash is reported on the file that came later.
  std::map<std::string, std::string> names;
  for (auto& file : parsed) {
    names.emplace(ImportName(file->path), file->path);
    pack->files_.push_back(std::move(file));
  }
  for (RuleSource& s : sources) {
    auto [it, fresh] = names.emplace(ImportName(s.path), s.path);
    if (!fresh) {
      diags.Error({s.path, 0, 0}, "two rule files are both named \"" + it->first + "\" (" +
                                      it->second + "); rename one");
    }
    if (auto file = ParseRuleFile(s.path, std::move(s.text), diags)) {
      pack->files_.push_back(std::move(file));
    }
  }
  if (diags.HasErrors()) {
    return nullptr;
  }
  PackChecker(pack->files_, diags).CheckAll();
  std::map<std::string, const RuleDecl*> ids;
  for (const auto& f : pack->files_) {
    for (const RuleDecl& r : f->rules) {
      auto [it, fresh] = ids.emplace(r.id, &r);
      if (!fresh) {
        diags.Error(r.range, "duplicate rule id " + r.id + ": already defined at " +
                                 it->second->range.ToString());
        continue;
      }
      pack->rules_.push_back(&r);
    }
  }
  std::sort(pack->rules_.begin(), pack->rules_.end(),
            [](const RuleDecl* a, const RuleDecl* b) { return a->id < b->id; });
  diags.Sort();
  if (diags.HasErrors()) {
    return nullptr;
  }
  return pack;
}

}  // namespace s75
