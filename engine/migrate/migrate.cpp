#include "migrate/migrate.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <variant>

#include "common/join.h"
#include "load/loader.h"
#include "load/model.h"
#include "load/yaml_text.h"
#include "migrate/layout.h"
#include "migrate/pieces.h"
#include "migrate/source_lines.h"
#include "schema/format.h"

namespace s75 {

namespace {

constexpr size_t kNone = std::string_view::npos;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Lines that replace lines [from, to) of the file; an insertion when from == to.
struct Edit {
  size_t from = 0;
  size_t to = 0;
  std::vector<std::string> lines;
  size_t seq = 0;      // edits at one place are applied in the order made
  bool funds = false;  // the section the funds section replaces
};

// A key of the fund as it is written there, and its place among the others.
struct Piece {
  size_t rank = 0;      // 2 × its index in Format1FundSources(); odd: a key format 1 lacks
  bool header = false;  // the comments of a section that is gone, before its keys
  size_t order = 0;     // the order found, within a rank
  std::vector<std::string> lines;
};

// Where a key of a format 1 section goes in the fund.
struct Destination {
  std::string name;  // the fund's key
  size_t rank = 0;
};

// True for a top-level field format 2 moves, or moves some keys of.
bool MovesKeys(const FieldSpec& field) {
  return !field.In(2) || std::any_of(field.fields.begin(), field.fields.end(),
                                     [](const FieldSpec& f) { return !f.In(2); });
}

// The rank of the first fund field that comes from `section`.
size_t FirstRank(std::string_view section) {
  auto sources = Format1FundSources();
  for (size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].section == section) {
      return 2 * i;
    }
  }
  return 2 * sources.size();
}

// Where key `key` of top-level section `section` goes in the fund; nullopt
// when format 2 keeps it where it is. A section format 2 moves whole (host)
// takes even keys format 1 does not know with it, under their own names.
std::optional<Destination> DestinationOf(const FieldSpec& section, const Node& key) {
  bool whole = !section.In(2);
  auto sources = Format1FundSources();
  size_t last = 0;
  for (size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].section != section.name) {
      continue;
    }
    last = i;
    if (sources[i].key != key.text) {
      continue;
    }
    int index = section.FieldIndex(key.text);
    bool moved = whole || (index >= 0 && !section.fields[static_cast<size_t>(index)].In(2));
    return moved ? std::optional(Destination{std::string(sources[i].fund_field), 2 * i})
                 : std::nullopt;
  }
  return whole ? std::optional(Destination{key.text, 2 * last + 1}) : std::nullopt;
}

// A scalar written for the fund (a copied host), quoted where YAML needs it.
std::string Scalar(const std::string& text) {
  YAML::Emitter out;
  if (text.find('\n') != std::string::npos) {
    out << YAML::DoubleQuoted;
  }
  out << text;
  return out.c_str();
}

// The comment on the part of `line` from `from` on, if any.
std::optional<std::string> CommentAfter(std::string_view line, size_t from) {
  for (size_t i = from; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return std::string(line.substr(i));
    }
  }
  return std::nullopt;
}

std::string TrimmedComment(std::string_view line) {
  return std::string(line.substr(line.find('#')));
}

// The arrangements a fund can have (agreement.arrangements may also hold
// care_trust and grant, which no fund has) that `listed` holds, each once,
// in the order listed.
std::vector<std::string> FundArrangementsListed(const Node* listed) {
  std::vector<std::string> found;
  if (listed == nullptr || listed->kind != NodeKind::kSeq || listed->invalid) {
    return found;
  }
  const FieldSpec& funds =
      AgreementFormat().fields[static_cast<size_t>(AgreementFormat().FieldIndex("funds"))];
  const std::vector<std::string>& kinds =
      funds.element->fields[static_cast<size_t>(funds.element->FieldIndex("arrangement"))]
          .vocabulary;
  for (const Node* item : listed->items) {
    bool fund = std::find(kinds.begin(), kinds.end(), item->text) != kinds.end();
    if (item->kind == NodeKind::kScalar && !item->invalid && fund &&
        std::find(found.begin(), found.end(), item->text) == found.end()) {
      found.push_back(item->text);
    }
  }
  return found;
}

// The comments of `flow` that start at or after `at`, the first of them.
std::vector<TextSpan>::const_iterator CommentsFrom(const FlowMapping& flow, size_t at) {
  return std::lower_bound(flow.comments.begin(), flow.comments.end(), at,
                          [](const TextSpan& c, size_t offset) { return c.begin < offset; });
}

// The spans in order, those that overlap or touch made one.
std::vector<TextSpan> Merged(std::vector<TextSpan> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  std::vector<TextSpan> out;
  for (const TextSpan& span : spans) {
    if (!out.empty() && span.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, span.end);
    } else {
      out.push_back(span);
    }
  }
  return out;
}

// The index of the last span of `spans` (in order) that begins at or before
// `at`, or kNone.
size_t LastBeginningBy(const std::vector<TextSpan>& spans, size_t at) {
  auto after = std::upper_bound(spans.begin(), spans.end(), at,
                                [](size_t offset, const TextSpan& s) { return offset < s.begin; });
  return after == spans.begin() ? kNone : static_cast<size_t>(after - spans.begin()) - 1;
}

// The fund ids of the extra funds: the arrangement, with hyphens.
std::string FundId(std::string_view arrangement) {
  std::string id(arrangement);
  std::replace(id.begin(), id.end(), '_', '-');
  return id;
}

}  // namespace

namespace {

class Migrator {
 public:
  Migrator(std::string_view text, const Document& doc)
      : bom_(text.substr(0, 3) == kBom), src_(bom_ ? text.substr(3) : text), doc_(doc) {}

  Migration Run(const LoadLimits& limits);

 private:
  bool Fail(const Node* at, std::string message);
  bool LayOutRoot();
  bool MoveSections();
  bool MoveSection(const BlockEntry& section, const FieldSpec& spec);
  bool MoveBlockSection(const BlockEntry& section, const Node& map, const FieldSpec& spec);
  bool MoveFlowSection(const BlockEntry& section, const Node& map, size_t open,
                       const FieldSpec& spec);
  const TextSpan* CommentAfterEntry(const FlowMapping& flow, size_t end, size_t limit) const;
  size_t PastBlankRest(size_t at) const;
  std::vector<TextSpan> FlowCuts(const FlowMapping& flow, const std::vector<bool>& moved) const;
  void AssignFlowComments(const FlowMapping& flow, const std::vector<bool>& moved,
                          const std::vector<TextSpan>& cuts, std::vector<FlowComments>& out) const;
  void KeepFlowRest(const FlowMapping& flow, const std::vector<TextSpan>& cuts);
  std::vector<std::string> FlowSectionComments(const BlockEntry& section,
                                               const FlowMapping& flow) const;
  std::vector<std::string> LeftoverComments(const BlockEntry& section,
                                            const std::vector<BlockEntry>& children) const;
  void AddPiece(size_t rank, std::vector<std::string> lines, bool header = false);
  void RemoveSection(const BlockEntry& section, const std::vector<std::string>& comments,
                     size_t rank);
  void Remove(size_t from, size_t to, bool first_in_parent, bool funds = false);
  bool ChangeFormat();
  void ChooseArrangements();
  void NoteReadingOfMain(const Node* at);
  std::vector<std::string> FundsLines();
  void PlaceFunds();
  std::string Assemble() const;
  void Verify(const std::string& text, const LoadLimits& limits);

  bool bom_;
  SourceLines src_;
  const Document& doc_;
  std::vector<BlockEntry> root_;
  size_t funds_at_ = kNone;  // the top-level entry the funds section goes before (or replaces)
  std::vector<Piece> pieces_;
  std::vector<Edit> edits_;
  std::string arrangement_;         // of the fund `main`; "" when none can be told
  std::vector<std::string> extra_;  // the other fund arrangements listed: a fund each
  std::vector<MigrationNote> notes_;
  std::optional<MigrationNote> failure_;
};

bool Migrator::Fail(const Node* at, std::string message) {
  failure_ = MigrationNote{at != nullptr ? at->line : 0, at != nullptr ? at->column : 0,
                           std::move(message)};
  return false;
}

Migration Migrator::Run(const LoadLimits& limits) {
  Migration m;
  if (doc_.version == 2) {
    m.unchanged = true;
    m.text = std::string(bom_ ? kBom : "") + std::string(src_.text());
    return m;
  }
  if (LayOutRoot() && MoveSections() && ChangeFormat()) {
    ChooseArrangements();
    PlaceFunds();
    m.text = Assemble();
    Verify(m.text, limits);
  }
  if (failure_) {
    m.failure = *failure_;
    m.text.clear();
    return m;
  }
  m.migrated = true;
  std::stable_sort(notes_.begin(), notes_.end(),
                   [](const MigrationNote& a, const MigrationNote& b) { return a.line < b.line; });
  m.notes = std::move(notes_);
  return m;
}

bool Migrator::LayOutRoot() {
  const Node& root = *doc_.root;
  size_t at = src_.ContentOffset(root);
  if (at < src_.text().size() && src_.text()[at] == '{') {
    return Fail(&root,
                "the top level is written as a flow mapping (`{...}`): migrate rewrites files "
                "written one key a line; write the top level that way, then migrate");
  }
  size_t to = src_.size();
  size_t last_key = root.entries.empty() ? 0 : static_cast<size_t>(root.entries.back().first->line);
  for (size_t i = last_key; i < src_.size(); ++i) {
    std::string_view line = src_.Line(i);
    if ((line.substr(0, 3) == "..." || line.substr(0, 3) == "---") &&
        (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) {
      to = i;
      break;
    }
  }
  std::optional<std::vector<BlockEntry>> entries = BlockEntries(src_, root, 0, to);
  if (!entries) {
    return Fail(&root,
                "cannot tell where each top-level key is written: migrate needs each at the start "
                "of its own line");
  }
  root_ = std::move(*entries);
  for (size_t i = 0; i < root_.size(); ++i) {
    const Node& key = *root.entries[root_[i].entry].first;
    if (key.text == "funds") {
      return Fail(&key,
                  "the file already has a `funds` key, which format 1 does not read (DOC.03): "
                  "remove it or move what it holds into host and finance, then migrate");
    }
    if (key.text == "finance" && funds_at_ == kNone) {
      funds_at_ = i;
    }
  }
  for (size_t i = 0; i < root_.size() && funds_at_ == kNone; ++i) {
    if (root.entries[root_[i].entry].first->text == "host") {
      funds_at_ = i;
    }
  }
  return true;
}

bool Migrator::MoveSections() {
  const FieldSpec& format = AgreementFormat();
  for (const BlockEntry& e : root_) {
    const Node& key = *doc_.root->entries[e.entry].first;
    int index = key.kind == NodeKind::kScalar ? format.FieldIndex(key.text) : -1;
    if (index >= 0 && MovesKeys(format.fields[static_cast<size_t>(index)]) &&
        !MoveSection(e, format.fields[static_cast<size_t>(index)])) {
      return false;
    }
  }
  return true;
}

bool Migrator::MoveSection(const BlockEntry& section, const FieldSpec& spec) {
  const auto& [key, value] = doc_.root->entries[section.entry];
  bool whole = !spec.In(2);
  if (value == nullptr || value->IsNull() || value->kind != NodeKind::kMap) {
    if (!whole) {
      return true;  // format 2 reads it where it is (a type error stays one)
    }
    bool empty = value == nullptr || value->IsNull();
    if (!empty) {  // `host: hpct`: the fund's host, most likely what was meant
      AddPiece(FirstRank(spec.name), BlockPiece(src_, section, *key, key->text));
    }
    RemoveSection(section, empty ? LeftoverComments(section, {}) : std::vector<std::string>{},
                  FirstRank(spec.name));
    return true;
  }
  if (value->parent != doc_.root || value->index != static_cast<int>(section.entry)) {
    return Fail(key, "`" + key->text +
                         "` is written as an alias (`*name`) of a mapping elsewhere: write its "
                         "keys out, then migrate");
  }
  size_t at = src_.ContentOffset(*value);
  if (at < src_.text().size() && src_.text()[at] == '{') {
    return MoveFlowSection(section, *value, at, spec);
  }
  return MoveBlockSection(section, *value, spec);
}

bool Migrator::MoveBlockSection(const BlockEntry& section, const Node& map, const FieldSpec& spec) {
  std::optional<std::vector<BlockEntry>> children =
      BlockEntries(src_, map, section.first + 1, section.end);
  if (!children) {
    return Fail(map.entries.empty() ? &map : map.entries.front().first,
                "cannot tell where each key of `" + spec.name +
                    "` is written: migrate needs each at the start of its own line");
  }
  std::vector<const BlockEntry*> moved;
  for (const BlockEntry& child : *children) {
    const Node& key = *map.entries[child.entry].first;
    if (std::optional<Destination> to = DestinationOf(spec, key)) {
      AddPiece(to->rank, BlockPiece(src_, child, key, to->name));
      moved.push_back(&child);
    }
  }
  if (!moved.empty() && moved.size() == children->size()) {
    RemoveSection(section, LeftoverComments(section, *children), FirstRank(spec.name));
    return true;
  }
  for (const BlockEntry* child : moved) {
    Remove(child->lead, child->end, child == &children->front());
  }
  return true;
}

// The comment on the line where `end` (an entry's end) is, after it and
// before `limit`, if any.
const TextSpan* Migrator::CommentAfterEntry(const FlowMapping& flow, size_t end,
                                            size_t limit) const {
  auto c = CommentsFrom(flow, end);
  bool found =
      c != flow.comments.end() && c->begin < limit && src_.LineOf(c->begin) == src_.LineOf(end - 1);
  return found ? &*c : nullptr;
}

// `at`, or the start of the next line when only blanks follow `at` on its line.
size_t Migrator::PastBlankRest(size_t at) const {
  size_t line = src_.LineOf(at - 1);
  std::string_view rest =
      src_.Line(line).substr(std::min(at - src_.LineStart(line), src_.Line(line).size()));
  bool blank = rest.find_first_not_of(" \t") == std::string_view::npos;
  return blank && line + 1 < src_.size() ? src_.LineStart(line + 1) : at;
}

// The text to take out of a flow mapping for its `moved` entries, some
// staying: each moved entry with the comment lines that lead it and its
// comma, up to the next entry (or up to the comment lines that lead the next
// when it stays); the last entry from the comma after the entry before it,
// leaving that entry the comment on its line.
std::vector<TextSpan> Migrator::FlowCuts(const FlowMapping& flow,
                                         const std::vector<bool>& moved) const {
  std::vector<TextSpan> cuts;
  size_t n = flow.entries.size();
  for (size_t k = 0; k < n; ++k) {
    const TextSpan& entry = flow.entries[k];
    if (!moved[k]) {
      continue;
    }
    if (k + 1 < n) {
      size_t begin = entry.begin;  // or the comment lines that lead it
      size_t prev_end = k > 0 ? flow.entries[k - 1].end : flow.open + 1;
      for (auto c = CommentsFrom(flow, prev_end); c != flow.comments.end() && c->begin < begin;
           ++c) {
        if (src_.LineOf(c->begin) != src_.LineOf(prev_end - 1)) {
          begin = c->begin;
          break;
        }
      }
      size_t end = flow.entries[k + 1].begin;
      for (auto c = CommentsFrom(flow, entry.end);
           !moved[k + 1] && c != flow.comments.end() && c->begin < end; ++c) {
        if (src_.LineOf(c->begin) != src_.LineOf(entry.end - 1)) {
          end = c->begin;
          break;
        }
      }
      cuts.push_back({begin, end});
      continue;
    }
    size_t kept = k;
    while (moved[kept]) {
      --kept;
    }
    size_t from = flow.entries[kept].end;
    const TextSpan* own = CommentAfterEntry(flow, entry.end, flow.close);
    size_t end = own != nullptr ? own->end : entry.end;
    auto comma = std::lower_bound(flow.commas.begin(), flow.commas.end(), from);
    const TextSpan* theirs = CommentAfterEntry(flow, from, entry.begin);
    if (theirs != nullptr && comma != flow.commas.end()) {
      // The comma only; the comment stays, and a line break after it.
      cuts.push_back({*comma, *comma + 1});
      from = src_.LineStart(src_.LineOf(theirs->begin) + 1);
      end = PastBlankRest(end);
    }
    cuts.push_back({from, end});
  }
  return cuts;
}

bool Migrator::MoveFlowSection(const BlockEntry& section, const Node& map, size_t open,
                               const FieldSpec& spec) {
  std::optional<FlowMapping> flow = ScanFlowMapping(src_, map, open);
  if (!flow) {
    return Fail(&map, "cannot tell where each key of `" + spec.name +
                          "` is written in its `{...}`: write it one key a line, then migrate");
  }
  size_t n = flow->entries.size();
  std::vector<std::optional<Destination>> to(n);
  std::vector<bool> moved(n);
  for (size_t k = 0; k < n; ++k) {
    to[k] = DestinationOf(spec, *map.entries[k].first);
    moved[k] = to[k].has_value();
  }
  size_t count = static_cast<size_t>(std::count(moved.begin(), moved.end(), true));
  if (count == 0) {
    return true;
  }
  std::vector<TextSpan> cuts = count < n ? FlowCuts(*flow, moved) : std::vector<TextSpan>{};
  std::vector<FlowComments> comments(n);
  AssignFlowComments(*flow, moved, cuts, comments);
  for (size_t k = 0; k < n; ++k) {
    if (moved[k]) {
      AddPiece(to[k]->rank, FlowPiece(src_.text(), flow->entries[k], *map.entries[k].first,
                                      to[k]->name, comments[k]));
    }
  }
  if (count == n) {
    RemoveSection(section, FlowSectionComments(section, *flow), FirstRank(spec.name));
  } else {
    KeepFlowRest(*flow, cuts);
  }
  return true;
}

// Gives each comment inside the braces that is not inside an entry, and
// that goes (it is in a cut, or every entry goes), to a moved entry: to the
// one before it when on the line that entry ends on or when the entry after
// stays, else to the first moved entry after it, as a comment line before it.
void Migrator::AssignFlowComments(const FlowMapping& flow, const std::vector<bool>& moved,
                                  const std::vector<TextSpan>& cuts,
                                  std::vector<FlowComments>& out) const {
  bool all = std::find(moved.begin(), moved.end(), false) == moved.end();
  std::vector<TextSpan> merged = Merged(cuts);
  for (const TextSpan& c : flow.comments) {
    size_t before = LastBeginningBy(flow.entries, c.begin);
    size_t cut = LastBeginningBy(merged, c.begin);
    bool in_entry = before != kNone && c.begin < flow.entries[before].end;
    bool in_cut = cut != kNone && c.begin < merged[cut].end;
    if (in_entry || !(all || in_cut)) {
      continue;
    }
    std::string text(src_.text().substr(c.begin, c.end - c.begin));
    bool same_line = before != kNone && c.begin >= flow.entries[before].end &&
                     src_.LineOf(c.begin) == src_.LineOf(flow.entries[before].end - 1);
    bool next_moved = before == kNone || (before + 1 < moved.size() && moved[before + 1]);
    if (before != kNone && moved[before] && (same_line || !next_moved)) {
      if (same_line && out[before].after_value.empty()) {
        out[before].after_value = text;
      } else {
        out[before].after.push_back(text);
      }
      continue;
    }
    size_t next = before == kNone ? 0 : before + 1;
    while (next < moved.size() && !moved[next]) {
      ++next;
    }
    out[std::min(next, moved.size() - 1)].before.push_back(text);
  }
}

// Rewrites the lines of a flow mapping some of whose entries go: the text
// of the cuts (merged where they overlap) is taken out, the rest kept as it is.
void Migrator::KeepFlowRest(const FlowMapping& flow, const std::vector<TextSpan>& cuts) {
  std::vector<TextSpan> merged = Merged(cuts);
  size_t first = src_.LineOf(flow.open);
  size_t last = src_.LineOf(flow.close);
  size_t at = src_.LineStart(first);
  size_t end = src_.LineStart(last) + src_.Line(last).size();
  std::string kept;
  for (const TextSpan& cut : merged) {
    if (cut.begin > at) {
      kept += src_.text().substr(at, cut.begin - at);
    }
    at = std::max(at, cut.end);
  }
  kept += src_.text().substr(at, end - at);
  Edit edit{first, last + 1, {}, edits_.size()};
  for (size_t from = 0; from <= kept.size();) {
    size_t brk = std::min(kept.find('\n', from), kept.size());
    std::string line = kept.substr(from, brk - from);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    edit.lines.push_back(line);
    from = brk + 1;
  }
  edits_.push_back(std::move(edit));
}

// The comments of a flow section that goes whole that are outside its
// braces: the comment lines leading it and any after the closing brace.
std::vector<std::string> Migrator::FlowSectionComments(const BlockEntry& section,
                                                       const FlowMapping& flow) const {
  std::vector<std::string> out;
  size_t open_line = src_.LineOf(flow.open);
  size_t close_line = src_.LineOf(flow.close);
  for (size_t i = section.lead; i < section.end; ++i) {
    if (src_.CommentOnly(i) && (i < open_line || i > close_line)) {
      out.push_back(TrimmedComment(src_.Line(i)));
    } else if (i == close_line) {
      if (auto c = CommentAfter(src_.Line(i), flow.close - src_.LineStart(i) + 1)) {
        out.push_back(*c);
      }
    } else if (i == section.first && i != open_line) {
      if (auto c = CommentAfter(src_.Line(i), 0)) {
        out.push_back(*c);
      }
    }
  }
  return out;
}

// The comments of a block section that goes whole that no key of it takes:
// those leading the section, the one on its key's line, and comment lines
// inside it that lead no key.
std::vector<std::string> Migrator::LeftoverComments(const BlockEntry& section,
                                                    const std::vector<BlockEntry>& children) const {
  std::vector<bool> taken(section.end - section.lead);
  for (const BlockEntry& child : children) {
    std::fill(taken.begin() + static_cast<std::ptrdiff_t>(child.lead - section.lead),
              taken.begin() + static_cast<std::ptrdiff_t>(child.end - section.lead), true);
  }
  std::vector<std::string> out;
  for (size_t i = section.lead; i < section.end; ++i) {
    if (taken[i - section.lead]) {
      continue;
    }
    std::string_view line = src_.Line(i);
    if (src_.CommentOnly(i)) {
      out.push_back(TrimmedComment(line));
    } else if (size_t hash = InlineComment(line); i == section.first && hash != kNone) {
      out.emplace_back(line.substr(hash));
    }
  }
  return out;
}

void Migrator::AddPiece(size_t rank, std::vector<std::string> lines, bool header) {
  pieces_.push_back(Piece{rank, header, pieces_.size(), std::move(lines)});
}

// Takes a section that no longer has any key out of the file; its own
// comments go into the fund before its keys.
void Migrator::RemoveSection(const BlockEntry& section, const std::vector<std::string>& comments,
                             size_t rank) {
  std::vector<std::string> lines(comments.size());
  std::transform(comments.begin(), comments.end(), lines.begin(), CommentLine);
  if (!lines.empty()) {
    AddPiece(rank, std::move(lines), true);
  }
  bool funds = funds_at_ != kNone && root_[funds_at_].entry == section.entry;
  Remove(section.lead, section.end, section.lead == root_.front().lead, funds);
}

// Takes lines [from, to) out. Blank lines after them go too when a blank
// line (or the start of their parent) is before them, so no gap doubles;
// not where the funds section takes their place.
void Migrator::Remove(size_t from, size_t to, bool first_in_parent, bool funds) {
  if (!funds && (first_in_parent || from == 0 || src_.Blank(from - 1))) {
    while (to < src_.size() && src_.Blank(to)) {
      ++to;
    }
  }
  edits_.push_back(Edit{from, to, {}, edits_.size(), funds});
}

bool Migrator::ChangeFormat() {
  const Node* format = FieldOf(doc_.root, "format");
  size_t at = format != nullptr ? src_.ContentOffset(*format) : kNone;
  size_t line = at != kNone ? src_.LineOf(at) : 0;
  std::string text(src_.Line(line));
  size_t found = at != kNone ? text.find(kFormatVersion1, at - src_.LineStart(line)) : kNone;
  if (found == kNone) {
    return Fail(format, "`format` is not written as " + std::string(kFormatVersion1) +
                            " on its line: write `format: " + std::string(kFormatVersion1) +
                            "`, then migrate");
  }
  text.replace(found, kFormatVersion1.size(), kFormatVersion2);
  edits_.push_back(Edit{line, line + 1, {text}, edits_.size()});
  return true;
}

// The fund `main` has the pooled_fund arrangement when the agreement lists
// it, else the first fund arrangement listed; each other one listed gets a
// fund of its own, since format 2 lists exactly the funds' arrangements.
void Migrator::ChooseArrangements() {
  const Node* agreement = FieldOf(doc_.root, "agreement");
  const Node* listed = FieldOf(agreement, "arrangements");
  std::vector<std::string> found = FundArrangementsListed(listed);
  const Node* at = listed != nullptr ? listed : agreement != nullptr ? agreement : doc_.root;
  if (found.empty()) {
    notes_.push_back({at->line, at->column,
                      "agreement.arrangements lists no arrangement a fund can have (pooled_fund, "
                      "aligned_budget, lead_commissioning or integrated_provision), so fund `main` "
                      "has no `arrangement`, which format 2 requires (DOC.05): add the one that "
                      "applies"});
    return;
  }
  bool pooled = std::find(found.begin(), found.end(), "pooled_fund") != found.end();
  arrangement_ = pooled ? "pooled_fund" : found.front();
  for (const std::string& a : found) {
    if (a != arrangement_) {
      extra_.push_back(a);
    }
  }
  if (!extra_.empty()) {
    std::vector<std::string> ids;
    for (const std::string& a : extra_) {
      ids.push_back("`" + FundId(a) + "`");
    }
    notes_.push_back(
        {at->line, at->column,
         "agreement.arrangements lists " + Join(extra_, ", ") + " besides " + arrangement_ +
             ": format 2 gives each arrangement a fund of its own (else DOC.04), so migrate adds " +
             (ids.size() == 1 ? "the fund " : "the funds ") + Join(ids, ", ") +
             ", with the host of fund `main` copied: move into each the contributions, manager "
             "and reports that are its own"});
  }
  if (!pooled) {
    NoteReadingOfMain(at);
  }
}

// Fund `main` is not a pooled_fund: format 2 reads it as a pooled fund all
// the same when `pooled: true`, and as a fund that is not pooled otherwise;
// format 1 read it as neither.
void Migrator::NoteReadingOfMain(const Node* at) {
  const Node* flag = FieldOf(FieldOf(doc_.root, "finance"), "pooled");
  if (flag != nullptr && std::holds_alternative<bool>(flag->typed) && std::get<bool>(flag->typed)) {
    notes_.push_back({flag->line, flag->column,
                      "finance.pooled is true and fund `main` is " + arrangement_ +
                          ": format 2 reads such a fund as a pooled fund (as a lead commissioner's "
                          "pool) where format 1 did not, so the pooled-fund rules now apply to it; "
                          "write `pooled: false` if its money is not pooled"});
    return;
  }
  notes_.push_back({at->line, at->column,
                    "fund `main` is " + arrangement_ +
                        ", not a pooled fund: format 2 asks of it only that the resources the "
                        "partners provide are stated (T1.07), where format 1 asked for "
                        "contributions and year-end approaches as of a pool"});
}

std::vector<std::string> Migrator::FundsLines() {
  std::vector<std::string> lines = {"funds:", "  - id: main"};
  if (!arrangement_.empty()) {
    lines.push_back("    arrangement: " + arrangement_);
  }
  std::stable_sort(pieces_.begin(), pieces_.end(), [](const Piece& a, const Piece& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.header && !b.header;
  });
  for (const Piece& p : pieces_) {
    lines.insert(lines.end(), p.lines.begin(), p.lines.end());
  }
  const Node* host = FieldOf(doc_.root, "host");
  for (const std::string& a : extra_) {
    lines.push_back("  - id: " + FundId(a));
    lines.push_back("    arrangement: " + a);
    for (auto [from, to] : {std::pair{"partner", "host"}, std::pair{"support", "host_support"}}) {
      const Node* value = FieldOf(host, from);
      if (value != nullptr && value->kind == NodeKind::kScalar && !value->invalid) {
        lines.push_back(std::string("    ") + to + ": " + Scalar(value->text));
      }
    }
  }
  return lines;
}

// The funds section goes where the finance section is (before it, or in its
// place when it is gone), else where host was, else after the last section.
void Migrator::PlaceFunds() {
  std::vector<std::string> lines = FundsLines();
  for (Edit& e : edits_) {
    if (e.funds) {
      e.lines = std::move(lines);
      return;
    }
  }
  if (funds_at_ != kNone) {
    size_t at = root_[funds_at_].lead;
    if (at > 0 && src_.Blank(at - 1)) {
      lines.emplace_back();
    }
    edits_.push_back(Edit{at, at, std::move(lines), edits_.size()});
    return;
  }
  size_t end = root_.empty() ? src_.size() : root_.back().end;
  if (end > 0 && !src_.Blank(end - 1)) {
    lines.insert(lines.begin(), "");
  }
  edits_.push_back(Edit{end, end, std::move(lines), edits_.size()});
}

std::string Migrator::Assemble() const {
  std::vector<Edit> edits = edits_;
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    bool a_inserts = a.from == a.to;  // an insertion goes before what replaces lines there
    bool b_inserts = b.from == b.to;
    return a.from != b.from ? a.from < b.from : a_inserts != b_inserts ? a_inserts : a.seq < b.seq;
  });
  struct OutLine {
    std::string_view text;
    std::string_view brk;  // the original line's break; "" for a new line
  };
  std::vector<OutLine> lines;
  size_t next = 0;
  for (const Edit& e : edits) {
    if (e.from < next) {
      throw std::logic_error("migrate: two edits of line " + std::to_string(e.from + 1));
    }
    for (; next < e.from; ++next) {
      lines.push_back({src_.Line(next), src_.Break(next)});
    }
    for (const std::string& line : e.lines) {
      lines.push_back({line, ""});
    }
    next = std::max(next, e.to);
  }
  for (; next < src_.size(); ++next) {
    lines.push_back({src_.Line(next), src_.Break(next)});
  }
  // Every line but the last ends with its own break, or the file's; the
  // last keeps its own, or ends as the file does.
  bool ends_with_break = !src_.text().empty() && src_.text().back() == '\n';
  std::string out(bom_ ? kBom : "");
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i].text;
    bool last = i + 1 == lines.size();
    if (!lines[i].brk.empty() || !last || ends_with_break) {
      out += lines[i].brk.empty() ? src_.FileBreak() : lines[i].brk;
    }
  }
  return out;
}

// Loads the result: it must read as a format 2 agreement.
void Migrator::Verify(const std::string& text, const LoadLimits& limits) {
  LoadLimits roomy = limits;
  roomy.max_file_bytes = std::max(limits.max_file_bytes, text.size());
  LoadResult again = LoadAgreementText(text, doc_.file, roomy);
  if (again.checked && again.document->version == 2) {
    return;
  }
  std::string why = again.findings.empty() ? "" : again.findings.front().message;
  if (why.find("anchor") != std::string::npos) {
    Fail(nullptr,
         "an alias (`*name`) would come before the anchor (`&name`) it refers to, which "
         "moves into the fund: write the value out where the alias is, then migrate");
    return;
  }
  Fail(nullptr, "the rewritten text would not read as a format 2 agreement" +
                    (why.empty() ? "" : " (" + why + ")") +
                    "; nothing was written: move host, management.pooled_fund_manager and "
                    "the fund keys of finance into `funds` by hand");
}

}  // namespace

Migration MigrateToFormat2(std::string_view text, const Document& doc, const LoadLimits& limits) {
  return Migrator(text, doc).Run(limits);
}

}  // namespace s75
