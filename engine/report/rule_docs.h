// Rule documentation: the rule list (`s75check rules`, in text, JSON or
// Markdown, the last committed as docs/rules.md) and one rule in full
// (`s75check explain ID`). Rules written in the rule language and rules built
// into the engine (DOC, WAIVER) are documented alike.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"

namespace s75 {

struct RuleDocQuote {
  std::string reference;  // "MTAE para 37"
  std::string text;       // verbatim from the source
};

// A test snippet shown as an example.
struct RuleDocExample {
  std::string yaml;
  std::vector<ExpectedFinding> findings;  // for a failing example: what it gives
  std::string as_of;                      // "" when the example needs no date
};

struct RuleDoc {
  std::string id;
  std::string slug;
  std::string title;
  std::string severity;       // "error"
  std::string severity_text;  // "error; warning if non_statutory"
  std::vector<std::string> references;
  std::string description;
  std::vector<RuleDocQuote> quotes;
  std::string verification;  // REG rules: verified or secondary
  std::string remediation;
  RuleDocExample failing;
  RuleDocExample passing;
  std::string source;  // where the rule is defined
};

// Writes the list in `format` (text, json or markdown); false for another format.
bool WriteRuleList(const std::vector<RuleDoc>& rules, const std::string& format, std::ostream& out);

// `text` with the hard-wrapped lines of each paragraph joined by spaces;
// paragraphs (and "- " items) on lines of their own; no trailing newline.
std::string Unwrap(const std::string& text);

// Writes one rule in full, for a reader at a terminal.
void WriteExplanation(const RuleDoc& rule, std::ostream& out);

// The family of a rule id: "T1" for "T1.07".
std::string_view RuleFamily(std::string_view id);

// A family's heading ("Herefordshire audit recommendations"); a generic one
// for a family the catalogue does not define.
std::string FamilyTitle(const std::string& family);

// True when family `a` comes before `b` in the catalogue's order: T1, AC, HFD,
// CF, REG, FIN, DATE, DOC, WAIVER, then any other alphabetically.
bool FamilyBefore(std::string_view a, std::string_view b);

}  // namespace s75
