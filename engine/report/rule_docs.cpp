#include "report/rule_docs.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/join.h"

namespace s75 {

namespace {

constexpr size_t kWidth = 88;

std::string Trim(const std::string& s) {
  size_t start = s.find_first_not_of(" \t\n");
  if (start == std::string::npos) {
    return "";
  }
  return s.substr(start, s.find_last_not_of(" \t\n") - start + 1);
}

// Reflows `text` into lines of at most `width`, each prefixed by `indent`.
// Blank lines separate paragraphs; a line starting "- " starts a new line.
std::string Wrap(const std::string& text, const std::string& indent, size_t width = kWidth) {
  std::istringstream in(text);
  std::string out;
  std::string line;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) {
      out += indent + current + "\n";
    }
    current.clear();
  };
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty()) {
      flush();
      if (!out.empty() && out.substr(out.size() - 2) != "\n\n") {
        out += "\n";
      }
      continue;
    }
    if (line.rfind("- ", 0) == 0) {
      flush();
    }
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      if (!current.empty() && indent.size() + current.size() + 1 + word.size() > width) {
        flush();
      }
      current += (current.empty() ? "" : " ") + word;
    }
  }
  flush();
  while (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") {
    out.pop_back();
  }
  return out;
}

std::string Indent(const std::string& text, const std::string& indent) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    out += (line.empty() ? "" : indent) + line + "\n";
  }
  return out;
}

std::string ExampleHeading(const RuleDocExample& e, bool failing) {
  std::string out = failing ? "Failing example" : "Passing example";
  if (failing) {
    size_t n = e.findings.size();
    out += " (" + std::to_string(n) + (n == 1 ? " finding" : " findings");
  }
  if (!e.as_of.empty()) {
    out += std::string(failing ? ", " : " (") + "--as-of " + e.as_of;
  }
  if (failing || !e.as_of.empty()) {
    out += ")";
  }
  return out;
}

// Where an expected finding is: "`finance.pool_total`", "line 4" or "the
// document as a whole", the path between `quote`s.
std::string ExpectedPlace(const ExpectedFinding& f, const std::string& quote) {
  std::string line = "line " + std::to_string(f.line);
  if (f.path.empty()) {
    return f.line > 0 ? line : "the document as a whole";
  }
  std::string place = quote;
  place.append(f.path).append(quote);
  if (f.line > 0) {
    place.append(" (").append(line).append(")");
  }
  return place;
}

// Where a failing example's findings are, each place once with how many are
// there: "Findings at `term` (3), `term.renewal`."
std::string FindingPlaces(const RuleDocExample& e, const std::string& quote) {
  std::vector<std::string> places;
  std::map<std::string, int> count;
  for (const ExpectedFinding& f : e.findings) {
    std::string place = ExpectedPlace(f, quote);
    if (count[place]++ == 0) {
      places.push_back(place);
    }
  }
  std::vector<std::string> shown;
  shown.reserve(places.size());
  for (const std::string& place : places) {
    int n = count[place];
    shown.push_back(n > 1 ? place + " (" + std::to_string(n) + ")" : place);
  }
  return "Findings at " + Join(shown, ", ") + ".";
}

nlohmann::ordered_json ExampleJson(const RuleDocExample& e) {
  nlohmann::ordered_json at = nlohmann::ordered_json::array();
  for (const ExpectedFinding& f : e.findings) {
    at.push_back({{"rule", f.rule}, {"path", f.path}, {"line", f.line}});
  }
  return {{"yaml", e.yaml}, {"findings", e.findings.size()}, {"at", at}, {"as_of", e.as_of}};
}

void WriteJson(const std::vector<RuleDoc>& rules, std::ostream& out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const RuleDoc& r : rules) {
    nlohmann::ordered_json quotes = nlohmann::ordered_json::array();
    for (const RuleDocQuote& q : r.quotes) {
      quotes.push_back({{"reference", q.reference}, {"text", q.text}});
    }
    list.push_back(
        {{"id", r.id},
         {"slug", r.slug},
         {"severity", r.severity},
         {"conditional_severity", r.severity_text != r.severity},
         {"severity_text", r.severity_text},
         {"title", r.title},
         {"references", r.references},
         {"description", r.description},
         {"quotes", quotes},
         {"verification", r.verification},
         {"remediation", r.remediation},
         {"examples", {{"failing", ExampleJson(r.failing)}, {"passing", ExampleJson(r.passing)}}},
         {"source", r.source}});
  }
  out << nlohmann::ordered_json{{"rules", list}}.dump(2, ' ', false,
                                                      nlohmann::json::error_handler_t::replace)
      << "\n";
}

void WriteText(const std::vector<RuleDoc>& rules, std::ostream& out) {
  for (const RuleDoc& r : rules) {
    out << r.id << "  " << r.severity_text << "  " << r.slug << ": " << r.title << " ["
        << Join(r.references, "; ") << "]\n";
  }
}

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  }
  return out;
}

std::string Anchor(const RuleDoc& r) {
  std::string out;
  for (char c : r.id + "-" + r.slug) {
    if (c != '.') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

void WriteMarkdownRule(const RuleDoc& r, std::ostream& out) {
  out << "### " << r.id << " " << r.slug << "\n\n**" << r.title << "**\n\n";
  out << "- Severity: " << r.severity_text << "\n";
  out << "- References: " << Join(r.references, "; ") << "\n";
  out << "- Defined in: `" << r.source << "`\n\n";
  out << Wrap(r.description, "") << "\n";
  for (const RuleDocQuote& q : r.quotes) {
    out << "> **" << q.reference << ":**\n>\n" << Wrap(q.text, "> ") << "\n";
  }
  if (!r.verification.empty()) {
    out << "**Statutory basis.** " << Trim(Wrap(r.verification, "")) << "\n\n";
  }
  out << "**How to fix.** " << Trim(Wrap(r.remediation, "")) << "\n\n";
  for (bool failing : {true, false}) {
    const RuleDocExample& e = failing ? r.failing : r.passing;
    if (e.yaml.empty()) {
      continue;
    }
    out << "<details><summary>" << ExampleHeading(e, failing) << "</summary>\n\n```yaml\n"
        << e.yaml << (e.yaml.back() == '\n' ? "" : "\n") << "```\n\n";
    if (failing && !e.findings.empty()) {
      out << FindingPlaces(e, "`") << "\n\n";
    }
    out << "</details>\n\n";
  }
}

void WriteMarkdown(const std::vector<RuleDoc>& rules, std::ostream& out) {
  out << "# s75check rule reference\n\n"
      << "Generated by `s75check rules --format markdown`; do not edit by hand. A test fails\n"
      << "when this page is out of date: regenerate it with\n"
      << "`build/s75check rules --format markdown > docs/rules.md`. "
      << "`s75check explain ID` shows one rule.\n\n"
      << "The examples are the rules' own test cases (`s75check test` runs them). Most are\n"
      << "partial agreements: the test runner puts `format: s75check/1` in front and accepts\n"
      << "missing required keys. The DOC and WAIVER rules are built into the engine; their\n"
      << "examples are whole files.\n\n"
      << "| id | slug | severity | title |\n|---|---|---|---|\n";
  for (const RuleDoc& r : rules) {
    out << "| [" << r.id << "](#" << Anchor(r) << ") | " << r.slug << " | "
        << MarkdownCell(r.severity_text) << " | " << MarkdownCell(r.title) << " |\n";
  }
  std::string family;
  for (const RuleDoc& r : rules) {
    if (RuleFamily(r.id) != family) {
      family = RuleFamily(r.id);
      out << "\n## " << family << ": " << FamilyTitle(family) << "\n\n";
    }
    WriteMarkdownRule(r, out);
  }
}

}  // namespace

std::string Unwrap(const std::string& text) { return Trim(Wrap(text, "", std::string::npos)); }

std::string_view RuleFamily(std::string_view id) { return id.substr(0, id.find('.')); }

std::string FamilyTitle(const std::string& family) {
  static const std::map<std::string, std::string> kTitles = {
      {"T1", "Table 1 of Means to an end: elements of a sound joint funding agreement"},
      {"AC", "Other requirements and advice in Means to an end"},
      {"HFD", "Herefordshire audit recommendations"},
      {"CF", "CIPFA pooled budget models and governance"},
      {"REG", "Statute and regulations"},
      {"FIN", "Arithmetic and references"},
      {"DATE", "Time"},
      {"DOC", "Document errors (reported by the loader)"},
      {"WAIVER", "Accepted findings (waivers)"},
  };
  auto it = kTitles.find(family);
  return it != kTitles.end() ? it->second : "Rules of the " + family + " family";
}

bool FamilyBefore(std::string_view a, std::string_view b) {
  constexpr std::array<std::string_view, 9> kOrder = {"T1",  "AC",   "HFD", "CF",    "REG",
                                                      "FIN", "DATE", "DOC", "WAIVER"};
  auto rank = [&](std::string_view f) { return std::find(kOrder.begin(), kOrder.end(), f); };
  return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
}

bool WriteRuleList(const std::vector<RuleDoc>& rules, const std::string& format,
                   std::ostream& out) {
  if (format == "json") {
    WriteJson(rules, out);
  } else if (format == "text") {
    WriteText(rules, out);
  } else if (format == "markdown") {
    WriteMarkdown(rules, out);
  } else {
    return false;
  }
  return true;
}

void WriteExplanation(const RuleDoc& r, std::ostream& out) {
  out << r.id << " " << r.slug << ": " << r.title << "\n\n";
  out << "Severity:   " << r.severity_text << "\n";
  out << "References: " << Join(r.references, "; ") << "\n";
  out << "Defined in: " << r.source << "\n\n";
  out << "What it checks\n" << Wrap(r.description, "  ") << "\n";
  out << "Why: the sources\n";
  for (const RuleDocQuote& q : r.quotes) {
    out << "  " << q.reference << ":\n" << Wrap("\"" + Trim(q.text) + "\"", "    ") << "\n";
  }
  if (r.quotes.empty()) {
    out << "  (no passage quoted)\n\n";
  }
  if (!r.verification.empty()) {
    out << "Statutory basis: how firmly it is established\n" << Wrap(r.verification, "  ") << "\n";
  }
  out << "How to fix\n" << Wrap(r.remediation, "  ") << "\n";
  for (bool failing : {true, false}) {
    const RuleDocExample& e = failing ? r.failing : r.passing;
    if (e.yaml.empty()) {
      continue;
    }
    out << ExampleHeading(e, failing) << ":\n" << Indent(e.yaml, "  ");
    if (failing && !e.findings.empty()) {
      out << Wrap(FindingPlaces(e, ""), "  ");
    }
    out << (failing ? "\n" : "");
  }
}

}  // namespace s75
