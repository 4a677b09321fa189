#include "compare/redline.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/join.h"
#include "compare/identity.h"
#include "report/render_model.h"

namespace s75 {

namespace {

// A provision of the rendered agreement, placed and identified.
struct Line {
  std::string identity;   // IdentityPath of its path, made unique in the draft
  ProvisionChange shown;  // clause, number, label, path; its text in new_text
};

std::string ClauseHeading(const Clause& c) {
  return c.number == 0 ? c.title : std::to_string(c.number) + ". " + c.title;
}

// A provision's whole text: its first paragraph and the others.
std::string WholeText(const Provision& p) {
  std::vector<std::string> parts = {p.text};
  parts.insert(parts.end(), p.paragraphs.begin(), p.paragraphs.end());
  return Join(parts, "\n\n");
}

// Entries that share an identity (two contributions by one partner) are told
// apart by their text, so reordering them changes nothing; identical ones by
// their order.
void DistinctIdentities(std::vector<Line>& lines) {
  std::map<std::string, int> count;
  for (const Line& l : lines) {
    ++count[l.identity];
  }
  std::map<std::string, int> seen;
  for (Line& l : lines) {
    if (count[l.identity] > 1) {
      l.identity += "#" + l.shown.new_text;
    }
    if (int n = seen[l.identity]++; n > 0) {
      l.identity += "#" + std::to_string(n + 1);
    }
  }
}

// The draft's provisions in order, each numbered in full ("1.1(c)(ii)") and
// labelled by its list when it is an entry. The format a file is written in
// is not compared: both formats are read into one model.
std::vector<Line> Lines(const Document& doc) {
  RenderedAgreement rendered = RenderAgreement(doc, {});
  std::vector<Line> out;
  for (const Clause& clause : rendered.clauses) {
    std::array<const Provision*, 2> parents = {nullptr, nullptr};
    for (const Provision& p : clause.provisions) {
      if (p.depth < 2) {
        parents[static_cast<size_t>(p.depth)] = &p;
      }
      if (p.path == "format") {
        continue;
      }
      std::string number = p.number;
      std::string label = p.label;
      for (int d = p.depth - 1; d >= 0; --d) {
        const Provision* parent = parents[static_cast<size_t>(d)];
        number.insert(0, parent != nullptr ? parent->number : "");
        if (d == 0 && parent != nullptr) {
          label.insert(0, label.empty() ? parent->label : parent->label + ", ");
        }
      }
      out.push_back({IdentityPath(doc, p.path),
                     {ProvisionChangeKind::kAdded, ClauseHeading(clause), number, label, p.path, "",
                      WholeText(p)}});
    }
  }
  DistinctIdentities(out);
  return out;
}

// True when `line`, which only `with` shows, is a field that `without`, a
// format 1 file, holds implicitly: its one fund is `main` with the
// arrangement the model reads (load/model.h), as its migration writes.
bool ImpliedByFormat1(const Line& line, const Document& with, const Document& without) {
  if (without.version != 1 || with.version == 1) {
    return false;
  }
  const Node* value = NodeAtPath(with, line.shown.path);
  if (line.identity == "funds[main].id") {
    return value != nullptr && value->text == "main";
  }
  if (line.identity == "funds[main].arrangement") {
    const Node* model = NodeAtPath(without, "funds[0].arrangement");
    return value != nullptr && model != nullptr && value->text == model->text;
  }
  return false;
}

// Builds the list of changes by walking the newer draft, putting each
// removed provision where it stood in the older one.
class Merge {
 public:
  Merge(const Document& before, const Document& after)
      : before_(before), after_(after), old_(Lines(before)), new_(Lines(after)) {
    for (size_t i = 0; i < old_.size(); ++i) {
      old_index_[old_[i].identity] = i;
    }
    for (const Line& l : new_) {
      in_new_[l.identity] = true;
    }
  }

  std::vector<ProvisionChange> Run() {
    for (const Line& line : new_) {
      auto it = old_index_.find(line.identity);
      if (it == old_index_.end()) {
        Added(line);
        continue;
      }
      Removals(it->second);
      const Line& was = old_[it->second];
      if (was.shown.new_text != line.shown.new_text) {
        ProvisionChange c = line.shown;
        c.kind = ProvisionChangeKind::kChanged;
        c.old_text = was.shown.new_text;
        out_.push_back(std::move(c));
      }
    }
    Removals(old_.size());
    return std::move(out_);
  }

 private:
  void Added(const Line& line) {
    if (!ImpliedByFormat1(line, after_, before_)) {
      out_.push_back(line.shown);
    }
  }

  // The older draft's provisions up to `end` that the newer one lacks.
  void Removals(size_t end) {
    for (; next_old_ < end; ++next_old_) {
      const Line& line = old_[next_old_];
      if (in_new_.count(line.identity) == 0 && !ImpliedByFormat1(line, before_, after_)) {
        ProvisionChange c = line.shown;
        c.kind = ProvisionChangeKind::kRemoved;
        c.old_text = std::move(c.new_text);
        c.new_text.clear();
        out_.push_back(std::move(c));
      }
    }
    next_old_ = std::max(next_old_, end == old_.size() ? end : end + 1);
  }

  const Document& before_;
  const Document& after_;
  std::vector<Line> old_;
  std::vector<Line> new_;
  std::map<std::string, size_t> old_index_;
  std::map<std::string, bool> in_new_;
  std::vector<ProvisionChange> out_;
  size_t next_old_ = 0;
};

// id -> name of each partner of `doc` that has both.
std::vector<std::pair<std::string, std::string>> PartnerNames(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  const Node* partners = FieldOf(doc.root, "partners");
  for (const Node* p : partners != nullptr ? partners->items : std::vector<Node*>()) {
    const Node* id = FieldOf(p, "id");
    const Node* name = FieldOf(p, "name");
    if (id != nullptr && name != nullptr && !id->text.empty() && !name->text.empty()) {
      out.emplace_back(id->text, name->text);
    }
  }
  return out;
}

// The partners both drafts give (by id) with different names.
std::vector<PartnerRename> Renames(const Document& before, const Document& after) {
  std::map<std::string, std::string> old_names;
  for (auto& [id, name] : PartnerNames(before)) {
    old_names.emplace(id, name);
  }
  std::vector<PartnerRename> out;
  for (auto& [id, name] : PartnerNames(after)) {
    auto was = old_names.find(id);
    if (was != old_names.end() && was->second != name) {
      out.push_back({id, was->second, name});
    }
  }
  return out;
}

// `text` with each old name of `renames` written as its new name, in one
// pass (the longest old name first where several start at one place).
std::string WithNewNames(const std::string& text, const std::vector<PartnerRename>& renames) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const PartnerRename* found = nullptr;
    for (const PartnerRename& r : renames) {
      if (text.compare(i, r.old_name.size(), r.old_name) == 0 &&
          (found == nullptr || r.old_name.size() > found->old_name.size())) {
        found = &r;
      }
    }
    out += found != nullptr ? found->new_name : std::string(1, text[i]);
    i += found != nullptr ? found->old_name.size() : 1;
  }
  return out;
}

// Marks the changes outside the partners' own entries whose old text, with
// the new names, is their new text.
void MarkRenamedOnly(std::vector<ProvisionChange>& changes,
                     const std::vector<PartnerRename>& renames) {
  for (ProvisionChange& c : changes) {
    c.renamed_only = !renames.empty() && c.kind == ProvisionChangeKind::kChanged &&
                     !c.path.starts_with("partners[") &&
                     WithNewNames(c.old_text, renames) == c.new_text;
  }
}

}  // namespace

Redline CompareAgreements(const Document& before, const std::vector<Finding>& before_findings,
                          const Document& after, const std::vector<Finding>& after_findings,
                          Date as_of) {
  Redline out;
  out.old_file = before.file;
  out.new_file = after.file;
  out.old_version = before.version;
  out.new_version = after.version;
  out.as_of = as_of;
  out.changes = Merge(before, after).Run();
  out.renames = Renames(before, after);
  MarkRenamedOnly(out.changes, out.renames);
  out.findings = CompareFindings(
      before_findings, [&](const Finding& f) { return IdentityPath(before, f.path); },
      after_findings, [&](const Finding& f) { return IdentityPath(after, f.path); }, as_of,
      before.version != after.version);
  return out;
}

}  // namespace s75
