#include "driver/waivers.h"

#include <string>
#include <vector>

#include "common/rule_ids.h"
#include "compile/placeholder.h"

namespace s75 {

namespace {

constexpr std::string_view kCatalogue = "s75check rule catalogue v1";

#define S75_WAIVER_HEAD                                      \
  "format: s75check/1\nagreement: {id: demo, title: Demo}\n" \
  "partners: [{id: a, name: A, kind: icb}]\n"                \
  "capital: {ownership: The host owns minor capital items}\n"

enum WaiverRule { kExpired, kUnused, kIncomplete };

// One entry of `waivers:`, read from the document.
struct Waiver {
  const Node* node = nullptr;
  int index = 0;
  const Node* rule = nullptr;
  const Node* reason = nullptr;
  const Node* approved_by = nullptr;
  const Node* expires = nullptr;
};

bool Described(const Node* n) {
  return n != nullptr && n->kind == NodeKind::kScalar && !IsBlank(n->text) &&
         !IsPlaceholder(n->text, false);
}

bool AnyInvalid(const Waiver& w) {
  for (const Node* n : {w.rule, w.reason, w.approved_by, w.expires}) {
    if (n != nullptr && n->invalid) {
      return true;
    }
  }
  return false;
}

bool IsPlaceholderNode(const Node* n) {
  return n != nullptr && n->kind == NodeKind::kScalar && IsPlaceholder(n->text, false);
}

// What is wrong with part `name` of a waiver ("no reason", "an empty reason",
// "a placeholder reason ('TBC')"), or "" when it is described.
std::string PartFault(const char* name, const Node* n) {
  if (Described(n)) {
    return "";
  }
  if (IsPlaceholderNode(n)) {
    return "a placeholder " + std::string(name) + " ('" + n->text + "')";
  }
  return (n == nullptr ? "no " : "an empty ") + std::string(name);
}

// The parts that make a waiver incomplete, joined: "" when it is complete. A
// placeholder rule is not one of them: it is an id that names no rule.
std::string MissingParts(const Waiver& w) {
  std::string rule_fault = w.rule == nullptr       ? "no rule"
                           : IsBlank(w.rule->text) ? "an empty rule"
                                                   : "";
  std::vector<std::string> faults = {rule_fault, PartFault("reason", w.reason),
                                     PartFault("approved_by", w.approved_by)};
  std::erase(faults, "");
  std::string out;
  for (size_t i = 0; i < faults.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == faults.size() ? " and " : ", ") + faults[i];
  }
  return out;
}

// The waiver as a message names it: "the waiver of T1.08", or "a waiver whose
// rule is a placeholder ('TBC')".
std::string WaiverName(const Waiver& w) {
  if (w.rule == nullptr || IsBlank(w.rule->text)) {
    return "a waiver";
  }
  if (IsPlaceholderNode(w.rule)) {
    return "a waiver whose rule is a placeholder ('" + w.rule->text + "')";
  }
  return "the waiver of " + w.rule->text;
}

Finding WaiverFinding(WaiverRule rule, const Document& doc, const Waiver& w, std::string message) {
  return MakeFinding(WaiverRules()[rule], doc.file, w.node->line, w.node->column,
                     "waivers[" + std::to_string(w.index) + "]", std::move(message));
}

WaiverInfo InfoOf(const Waiver& w) {
  return {w.reason->text, w.approved_by->text, w.expires != nullptr ? w.expires->text : ""};
}

bool Waivable(std::string_view id) {
  return !InFamily(id, kDocFamily) && !InFamily(id, kWaiverFamily);
}

// Applies one complete waiver; returns the WAIVER finding it gives, if any.
std::optional<Finding> Apply(const Document& doc, const Waiver& w, const WaiverContext& context,
                             std::vector<Finding>& findings) {
  const std::string& id = w.rule->text;
  std::string what = "the waiver of " + id;
  if (!Waivable(id)) {
    return WaiverFinding(kUnused, doc, w,
                         what +
                             " is ignored: DOC and WAIVER findings cannot be waived; "
                             "correct the document instead");
  }
  if (!context.known(id)) {
    return WaiverFinding(
        kUnused, doc, w,
        IsPlaceholderNode(w.rule)
            ? WaiverName(w) +
                  ", so it matches no finding: give the id of the rule it waives "
                  "(waivers[].rule), e.g. T1.08"
            : what + " matches no finding: no rule " + id + " is in the rule packs");
  }
  if (!context.ran(id)) {
    return std::nullopt;
  }
  size_t matched = 0;
  for (const Finding& f : findings) {
    matched += f.rule == id && !f.waived() ? 1 : 0;
  }
  const auto* expires = w.expires != nullptr ? std::get_if<Date>(&w.expires->typed) : nullptr;
  if (expires != nullptr && *expires < context.as_of) {
    return WaiverFinding(kExpired, doc, w,
                         what + " expired on " + w.expires->text + ": its " +
                             std::to_string(matched) +
                             " finding(s) are reported again; renew or remove the waiver");
  }
  if (matched == 0) {
    return WaiverFinding(kUnused, doc, w,
                         what + " matches no finding in this agreement: remove it");
  }
  for (Finding& f : findings) {
    if (f.rule == id && !f.waived()) {
      f.waiver = InfoOf(w);
    }
  }
  return std::nullopt;
}

}  // namespace

const std::vector<BuiltinRule>& WaiverRules() {
  static const std::vector<BuiltinRule> kRules = {
      {kWaiverExpired,
       "waiver-expired",
       Severity::kWarning,
       "Waivers in use have not expired",
       kCatalogue,
       "A waiver whose `expires` date is before the evaluation date no longer applies: the "
       "findings it waived are reported again, and this warning says so.",
       "a waiver's `expires` is before as-of: the waived finding is reported again as well",
       "Either correct the agreement so that the finding goes away and delete the waiver, or, "
       "if the partners still accept the finding, have it approved again and give a new "
       "`expires` date.",
       S75_WAIVER_HEAD
       "waivers:\n  - {rule: T1.08, reason: No capital items are bought, approved_by: Board,"
       " expires: 2020-03-31}\n",
       S75_WAIVER_HEAD
       "waivers:\n  - {rule: T1.08, reason: No capital items are bought, approved_by: Board,"
       " expires: 2099-03-31}\n",
       {ExpectFinding(kWaiverExpired, "waivers[0]")}},
      {kWaiverUnused,
       "waiver-unused",
       Severity::kInfo,
       "Every waiver matches a finding",
       kCatalogue,
       "A waiver that matches no finding of the file (the fault was fixed, or the rule id is "
       "wrong) is advice to tidy up. DOC and WAIVER findings cannot be waived, so a waiver "
       "of one matches nothing.",
       "a waiver matches no finding",
       "Delete the waiver, or correct its `rule` to the id of the finding it is meant for.",
       S75_WAIVER_HEAD
       "waivers:\n  - {rule: AC.12, reason: The agreement is non-statutory, approved_by: "
       "Board}\n",
       S75_WAIVER_HEAD
       "waivers:\n  - {rule: T1.08, reason: No capital items are bought, approved_by: Board}\n",
       {ExpectFinding(kWaiverUnused, "waivers[0]")}},
      {kWaiverIncomplete,
       "waiver-incomplete",
       Severity::kError,
       "Every waiver names its rule, reason and approver",
       kCatalogue,
       "A waiver must give the `rule` it waives, a described `reason` and who `approved_by` it. "
       "An incomplete waiver is ignored, so the finding it meant to waive is reported too.",
       "a waiver without `rule`, a described `reason` or `approved_by` (the waiver is ignored)",
       "Complete the waiver: `rule` (the finding's id), `reason` (why the partners accept it) "
       "and `approved_by` (the body or officer, with the minute reference).",
       S75_WAIVER_HEAD "waivers:\n  - {rule: T1.08, reason: TBC}\n",
       S75_WAIVER_HEAD
       "waivers:\n  - {rule: T1.08, reason: No capital items are bought, approved_by: Board}\n",
       {ExpectFinding(kWaiverIncomplete, "waivers[0]")}},
  };
  return kRules;
}

void ApplyWaivers(const Document& doc, const WaiverContext& context,
                  std::vector<Finding>& findings) {
  const Node* list = FieldOf(doc.root, "waivers");
  if (list == nullptr || list->kind != NodeKind::kSeq) {
    return;
  }
  std::vector<Finding> added;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node* entry = list->items[i];
    if (entry->kind != NodeKind::kMap || entry->invalid) {
      continue;  // DOC.04 already
    }
    Waiver w{entry,
             static_cast<int>(i),
             FieldOf(entry, "rule"),
             FieldOf(entry, "reason"),
             FieldOf(entry, "approved_by"),
             FieldOf(entry, "expires")};
    if (AnyInvalid(w)) {
      continue;  // DOC.04 already; an unreadable waiver waives nothing
    }
    if (std::string missing = MissingParts(w); !missing.empty()) {
      std::string message = WaiverName(w) + " has " + missing +
                            ", so it is ignored: a waiver needs rule (the id it waives), reason "
                            "(why the partners accept the finding) and approved_by (who "
                            "approved it, with the minute)";
      added.push_back(WaiverFinding(kIncomplete, doc, w, std::move(message)));
      continue;
    }
    if (auto f = Apply(doc, w, context, findings)) {
      added.push_back(std::move(*f));
    }
  }
  for (Finding& f : added) {
    findings.push_back(std::move(f));
  }
}

}  // namespace s75
