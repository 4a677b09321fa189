#include "load/validate.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/join.h"
#include "common/rule_ids.h"
#include "load/doc_rules.h"

namespace s75 {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Text from the agreement as a message quotes it: whole up to 80 bytes, else
// its start and its length, so that a megabyte-long value gives a readable
// finding.
std::string Excerpt(std::string_view text) {
  constexpr size_t kMax = 80;
  if (text.size() <= kMax) {
    return std::string(text);
  }
  size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  return std::string(text.substr(0, cut)) + "... (" + std::to_string(text.size()) + " bytes)";
}

// "`agreement.title`", or "the top level" for the root.
std::string Where(const Node* node) {
  std::string p = NodePath(node);
  return p.empty() ? "the top level" : "`" + p + "`";
}

std::string KindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kMap:
      return "a mapping";
    case NodeKind::kSeq:
      return "a list";
    case NodeKind::kScalar:
      return "a single value";
    case NodeKind::kNull:
      return "nothing";
  }
  return "a value";
}

class Validator {
 public:
  Validator(Document& doc, int version, std::vector<Finding>& out)
      : doc_(doc), version_(version), out_(out) {}

  // Validates the node held in `slot` against `spec`. An alias already
  // validated under another spec is copied so that each use is typed.
  void Validate(Node*& slot, const FieldSpec& spec) {
    if (slot == nullptr || slot->IsNull()) {
      return;
    }
    if (slot->spec == &spec) {
      return;
    }
    if (slot->spec != nullptr) {
      Node* copy = doc_.NewNode();
      *copy = *slot;
      copy->spec = nullptr;
      copy->slots.clear();
      if (slot->spec->type == ValueType::kText) {
        copy->cut = -1;  // reported where the text was first used
      }
      slot = copy;
    }
    Node* node = slot;
    node->spec = &spec;
    if (node->tagged) {
      Report(kDocWrongType, node,
             Where(node) +
                 " has a YAML tag (such as !!binary or !!str); tags are "
                 "not part of the format: remove the tag");
      node->invalid = true;
      return;
    }
    switch (spec.type) {
      case ValueType::kObject:
        return ValidateObject(*node, spec);
      case ValueType::kList:
        return ValidateList(*node, spec);
      case ValueType::kMap:
        return ValidateMap(*node, spec);
      default:
        return ValidateScalar(*node, spec);
    }
  }

 private:
  void Report(std::string_view rule, const Node* node, std::string message) {
    out_.push_back(
        DocFinding(rule, doc_.file, node->line, node->column, NodePath(node), std::move(message)));
  }

  bool ExpectKind(Node& node, NodeKind kind, const FieldSpec& spec) {
    if (node.kind == kind) {
      return true;
    }
    std::string fix = kind == NodeKind::kSeq && node.kind == NodeKind::kScalar
                          ? ": write it as a list, e.g. `[" + Excerpt(node.text) + "]`"
                          : "";
    Report(kDocWrongType, &node,
           Where(&node) + " should be " + TypeDescription(spec) + " but is " + KindName(node.kind) +
               fix);
    node.invalid = true;
    return false;
  }

  // Reports each repeated key at the repeat, naming the first line. Linear
  // in the number of keys, so a hostile mapping cannot stall the loader.
  void CheckDuplicates(const Node& node) {
    // Most mappings have a handful of keys: compare those pairwise.
    constexpr size_t kSmall = 16;
    std::unordered_map<std::string_view, const Node*> first;
    if (node.entries.size() > kSmall) {
      first.reserve(node.entries.size());
    }
    for (size_t i = 0; i < node.entries.size(); ++i) {
      const Node* key = node.entries[i].first;
      const Node* earlier = nullptr;
      if (node.entries.size() <= kSmall) {
        for (size_t j = 0; j < i && earlier == nullptr; ++j) {
          if (node.entries[j].first->text == key->text) {
            earlier = node.entries[j].first;
          }
        }
      } else if (auto [it, fresh] = first.emplace(key->text, key); !fresh) {
        earlier = it->second;
      }
      if (earlier != nullptr) {
        Report(kDocDuplicateKey, key,
               "duplicate key `" + Excerpt(key->text) + "` in " + Where(&node) +
                   ": first given at line " + std::to_string(earlier->line) +
                   "; the first value is used, so merge the two or delete one");
      }
    }
  }

  void ValidateObject(Node& node, const FieldSpec& spec) {
    if (!ExpectKind(node, NodeKind::kMap, spec)) {
      return;
    }
    CheckDuplicates(node);
    node.slots.assign(spec.fields.size(), nullptr);
    for (auto& [key, value] : node.entries) {
      int index = key->kind == NodeKind::kScalar ? spec.FieldIndex(key->text) : -1;
      if (index < 0) {
        UnknownKey(node, *key, spec);
        continue;
      }
      if (!spec.fields[static_cast<size_t>(index)].In(version_)) {
        OtherVersionKey(*key, spec.fields[static_cast<size_t>(index)]);
        continue;
      }
      if (node.slots[static_cast<size_t>(index)] != nullptr) {
        continue;  // a duplicate
      }
      Validate(value, spec.fields[static_cast<size_t>(index)]);
      node.slots[static_cast<size_t>(index)] = value;
    }
    for (size_t i = 0; i < spec.fields.size(); ++i) {
      const Node* v = node.slots[i];
      if (spec.fields[i].required && spec.fields[i].In(version_) && (v == nullptr || v->IsNull())) {
        std::string where = NodePath(&node);
        Report(kDocMissingRequired, &node,
               "missing required key `" + (where.empty() ? "" : where + ".") + spec.fields[i].name +
                   "`: add `" + spec.fields[i].name + ":` (" + spec.fields[i].description + ")");
      }
    }
  }

  void UnknownKey(const Node& map, const Node& key, const FieldSpec& spec) {
    if (key.kind != NodeKind::kScalar) {
      Report(kDocUnknownKey, &key,
             "a key in " + Where(&map) + " is not a plain word; use a field name");
      return;
    }
    if (key.text == "<<") {
      Report(kDocUnknownKey, &key, "YAML merge keys (`<<`) are not supported: write the keys out");
      return;
    }
    std::vector<std::string> names;
    for (const FieldSpec& f : spec.fields) {
      if (f.In(version_)) {
        names.push_back(f.name);
      }
    }
    std::string hint = ClosestName(key.text, names);
    std::string in = NodePath(&map).empty() ? "at the top level" : "in `" + NodePath(&map) + "`";
    Report(kDocUnknownKey, &key,
           "unknown key `" + Excerpt(key.text) + "` " + in +
               (hint.empty() ? "; known keys: " + Join(names, ", ")
                             : "; did you mean `" + hint + "`?"));
  }

  // A key of the other version of the format: where it belongs in this one.
  void OtherVersionKey(const Node& key, const FieldSpec& field) {
    Report(kDocUnknownKey, &key, OtherVersionKeyMessage(field, version_));
  }

  void ValidateList(Node& node, const FieldSpec& spec) {
    if (!ExpectKind(node, NodeKind::kSeq, spec)) {
      return;
    }
    if (node.items.size() < spec.min_items) {
      Report(
          kDocMissingRequired, &node,
          Where(&node) + " needs at least " + std::to_string(spec.min_items) + " entry: add one");
    }
    for (Node*& item : node.items) {
      Validate(item, *spec.element);
    }
  }

  void ValidateMap(Node& node, const FieldSpec& spec) {
    if (!ExpectKind(node, NodeKind::kMap, spec)) {
      return;
    }
    CheckDuplicates(node);
    for (auto& [key, value] : node.entries) {
      if (!IsId(key->text)) {
        Report(kDocWrongType, key,
               "`" + Excerpt(key->text) + "` in " + Where(&node) +
                   " is not an id (lower-case letters, digits, _ and -)");
      }
      Validate(value, *spec.element);
    }
  }

  static bool IsId(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
  }

  void TypeError(Node& node, const std::string& why) {
    Report(kDocWrongType, &node, Where(&node) + " is '" + Excerpt(node.text) + "', " + why);
    node.invalid = true;
  }

  // A number Decimal refuses only for its size: too many digits before or
  // after the point.
  static bool OutOfRange(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      text.remove_prefix(1);
    }
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    auto digits = [](std::string_view s) {
      return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return !whole.empty() && digits(whole) && digits(frac) &&
           (dot == std::string_view::npos || !frac.empty());
  }

  // A value of a number field as a drafter would write it.
  static std::string Example(const FieldSpec& spec) {
    switch (spec.type) {
      case ValueType::kMoney:
        return "17400000 or 17400000.50";
      case ValueType::kShare:
        return "0.76";
      case ValueType::kInteger:
        return spec.min_integer > 1 ? std::to_string(spec.min_integer) : "36";
      default:
        return "12.5";
    }
  }

  // Money, shares and numbers: a plain, exact decimal.
  std::optional<Decimal> PlainNumber(Node& node, const FieldSpec& spec) {
    if (!node.plain) {
      bool number = Decimal::Parse(node.text).has_value();
      TypeError(node,
                "in quotes: " + TypeDescription(spec) + " is written without quotes" +
                    (number ? "; drop the quotes" : ", £ signs or commas, e.g. " + Example(spec)));
      return std::nullopt;
    }
    std::string_view text = node.text;
    if (text.find_first_of("eE") != std::string::npos && text.find_first_of("0123456789") == 0) {
      TypeError(node, "which has an exponent: write the number out in full");
      return std::nullopt;
    }
    if (text.find_first_of("iInN") != std::string::npos &&
        (Lower(text).find(".inf") != std::string::npos || Lower(text) == ".nan")) {
      TypeError(node, "which is not a finite number: write " + TypeDescription(spec));
      return std::nullopt;
    }
    if (node.text.find(',') != std::string::npos || node.text.find('_') != std::string::npos) {
      TypeError(node, "which has thousands separators: write the digits only, e.g. 17400000");
      return std::nullopt;
    }
    std::optional<Decimal> d = Decimal::Parse(node.text);
    if (!d) {
      TypeError(node,
                OutOfRange(node.text)
                    ? "which has more than " + std::to_string(Decimal::kMaxIntegerDigits) +
                          " digits before the decimal point or " +
                          std::to_string(Decimal::kMaxPlaces) +
                          " after it: no agreement's figures are that "
                          "large or that precise"
                    : "which is not " + TypeDescription(spec) + ": write e.g. " + Example(spec));
    }
    return d;
  }

  void ValidateScalar(Node& node, const FieldSpec& spec) {
    if (!ExpectKind(node, NodeKind::kScalar, spec)) {
      return;
    }
    switch (spec.type) {
      case ValueType::kText:
        return ReportCut(node);
      case ValueType::kId:
        if (!IsId(node.text)) {
          TypeError(node, "which is " + TypeMistake(spec));
        }
        return;
      case ValueType::kDate:
        if (auto d = Date::Parse(node.text)) {
          node.typed = *d;
        } else {
          TypeError(node, "which is " + TypeMistake(spec));
        }
        return;
      case ValueType::kYear:
        if (auto y = FinancialYear::Parse(node.text)) {
          node.typed = *y;
        } else {
          TypeError(node, "which is " + TypeMistake(spec));
        }
        return;
      case ValueType::kYearOrDate:
        if (auto d = Date::Parse(node.text)) {
          node.typed = *d;
        } else if (auto y = FinancialYear::Parse(node.text)) {
          node.typed = *y;
        } else {
          TypeError(node, "which is " + TypeMistake(spec));
        }
        return;
      case ValueType::kBool:
        return ValidateBool(node, spec);
      case ValueType::kEnum:
        return ValidateEnum(node, spec);
      default:
        return ValidateNumber(node, spec);
    }
  }

  // DOC.09: words of unquoted text that YAML read as a comment.
  void ReportCut(const Node& node) {
    if (node.cut < 0) {
      return;
    }
    const CutComment& cut = doc_.cuts[static_cast<size_t>(node.cut)];
    out_.push_back(DocFinding(
        kDocTextCutByComment, doc_.file, cut.line, cut.column, NodePath(&node),
        Where(&node) + " reads only '" + Excerpt(node.text) +
            "': YAML takes the ` #` and what follows it on the line, '" + Excerpt(cut.words) +
            "', for a comment and drops it. If those words belong to the text, put the whole "
            "value in quotes; if they are a comment, write two spaces before the `#` and one "
            "after it (`  # `)"));
  }

  void ValidateNumber(Node& node, const FieldSpec& spec) {
    std::optional<Decimal> d = PlainNumber(node, spec);
    if (!d) {
      return;
    }
    if (spec.type == ValueType::kMoney && d->Places() > 2) {
      std::string pence = node.text.substr(0, node.text.find('.') + 3);
      return TypeError(node,
                       "which has more than 2 decimal places: money is in pounds and pence, "
                       "e.g. " +
                           pence);
    }
    if (spec.type == ValueType::kShare && (d->IsNegative() || *d > Decimal::FromInt(1))) {
      return TypeError(node, "which is outside 0..1: a share is a fraction of 1, e.g. 0.76");
    }
    if ((spec.positive && (d->IsNegative() || d->IsZero())) ||
        (spec.non_negative && d->IsNegative())) {
      return TypeError(node, "which is not " + TypeDescription(spec) + ": write e.g. " +
                                 (spec.positive ? "2" : "50"));
    }
    if (spec.type == ValueType::kInteger && (!d->ToInt() || *d->ToInt() < spec.min_integer)) {
      return TypeError(node,
                       "which is not " + TypeDescription(spec) + ": write e.g. " + Example(spec));
    }
    node.typed = *d;
  }

  void ValidateBool(Node& node, const FieldSpec& spec) {
    std::string lower = Lower(node.text);
    bool yes = lower == "true" || lower == "yes" || lower == "on";
    bool no = lower == "false" || lower == "no" || lower == "off";
    if (!node.plain && (yes || no)) {
      return TypeError(node, "in quotes: write true or false without quotes");
    }
    if (!yes && !no) {
      return TypeError(node, "which is " + TypeMistake(spec));
    }
    node.typed = yes;
  }

  void ValidateEnum(Node& node, const FieldSpec& spec) {
    const auto& words = spec.vocabulary;
    if (std::find(words.begin(), words.end(), node.text) != words.end()) {
      return;
    }
    std::string hint = ClosestName(node.text, words);
    TypeError(node, "which is not one of: " + Join(words, ", ") +
                        (hint.empty() ? "" : " (did you mean `" + hint + "`?)"));
  }

  Document& doc_;
  int version_;
  std::vector<Finding>& out_;
};

// The value of the top-level `format:` key, or null.
const Node* FormatNode(const Node& root) {
  for (const auto& [key, value] : root.entries) {
    if (key->text == "format") {
      return value;
    }
  }
  return nullptr;
}

}  // namespace

int ValidateDocument(Document& doc, std::vector<Finding>& out) {
  const std::string fix = "an agreement file starts with `format: " + std::string(kFormatVersion2) +
                          "` (or `" + std::string(kFormatVersion1) +
                          "` for the first version of the format)";
  if (doc.root == nullptr || doc.root->IsNull()) {
    out.push_back(
        DocFinding(kDocUnsupportedFormat, doc.file, 1, 1, "", "the file is empty: " + fix));
    return 0;
  }
  if (doc.root->kind != NodeKind::kMap) {
    out.push_back(DocFinding(
        kDocUnsupportedFormat, doc.file, doc.root->line, doc.root->column, "",
        "the top level is " + KindName(doc.root->kind) + ", not a mapping of keys: " + fix));
    return 0;
  }
  const Node* format = FormatNode(*doc.root);
  if (format == nullptr || format->IsNull()) {
    out.push_back(DocFinding(kDocUnsupportedFormat, doc.file, doc.root->line, doc.root->column, "",
                             "no `format` key: " + fix));
    return 0;
  }
  int version = format->kind == NodeKind::kScalar ? FormatVersionOf(format->text) : 0;
  if (version == 0) {
    out.push_back(DocFinding(
        kDocUnsupportedFormat, doc.file, format->line, format->column, "format",
        "unsupported format '" + format->text + "': this version of " + "s75check reads `" +
            std::string(kFormatVersion2) + "` and `" + std::string(kFormatVersion1) + "`"));
    return 0;
  }
  Validator(doc, version, out).Validate(doc.root, AgreementFormat());
  return version;
}

}  // namespace s75
