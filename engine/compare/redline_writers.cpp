#include <nlohmann/json.hpp>

#include "compare/compare_report.h"
#include "compare/format_dispatch.h"
#include "report/markdown_reporter.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

std::string_view KindName(ProvisionChangeKind k) {
  switch (k) {
    case ProvisionChangeKind::kAdded:
      return "added";
    case ProvisionChangeKind::kRemoved:
      return "removed";
    case ProvisionChangeKind::kChanged:
      return "changed";
  }
  return "";
}

// "2.1 Commencement", or the label alone in the particulars.
std::string Heading(const ProvisionChange& c) {
  std::string label = c.label.empty() ? c.path : c.label;
  return c.number.empty() ? label : c.number + " " + label;
}

// "file:line:col: severity: RULE slug: message", as `check` writes it.
std::string FindingLine(const Finding& f) {
  return f.range.ToString() + ": " + std::string(SeverityName(f.severity)) + ": " + f.rule + " " +
         f.slug + ": " + f.message;
}

// Text on one line, its paragraphs' breaks shown as " / ".
std::string OneLine(std::string text) {
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    size_t end = text.find_first_not_of('\n', at);
    text.replace(at, (end == std::string::npos ? text.size() : end) - at, " / ");
  }
  return text;
}

// The findings part: counts, then each introduced, resolved and unchanged.
template <typename Write>
void EachFindingGroup(const FindingChanges& f, Write write) {
  write("Introduced", f.introduced);
  write("Resolved", f.resolved);
  write("Unchanged", f.unchanged);
}

std::string FormatsText(const Redline& r) {
  return r.old_version == r.new_version
             ? ""
             : " (format " + std::to_string(r.old_version) + " and format " +
                   std::to_string(r.new_version) + ", read into one model)";
}

void WriteText(const Redline& r, std::ostream& out) {
  out << "Changes from " << r.old_file << " to " << r.new_file << FormatsText(r) << "\n";
  std::string clause;
  for (const ProvisionChange& c : r.changes) {
    if (c.clause != clause) {
      clause = c.clause;
      out << "\n" << clause << "\n";
    }
    out << "  " << KindName(c.kind) << " " << Heading(c) << ":";
    if (c.kind == ProvisionChangeKind::kChanged) {
      out << "\n      was: " << OneLine(c.old_text) << "\n      now: " << OneLine(c.new_text)
          << "\n";
    } else {
      const std::string& text = c.kind == ProvisionChangeKind::kAdded ? c.new_text : c.old_text;
      out << (text.empty() ? "" : " ") << OneLine(text) << "\n";
    }
  }
  if (r.changes.empty()) {
    out << "\nNo provision changed.\n";
  }
  const FindingChanges& f = r.findings;
  out << "\nFindings: " << f.introduced.size() << " introduced, " << f.resolved.size()
      << " resolved, " << f.unchanged.size() << " unchanged\n";
  EachFindingGroup(f, [&](std::string_view title, const std::vector<Finding>& list) {
    for (const Finding& finding : list) {
      out << "  " << title << ": " << FindingLine(finding) << "\n";
    }
  });
}

Json FindingJson(const Finding& f) {
  return Json{{"rule", f.rule},          {"severity", SeverityName(f.severity)},
              {"path", f.path},          {"message", f.message},
              {"file", f.range.file},    {"line", f.range.line},
              {"column", f.range.column}};
}

void WriteJson(const Redline& r, std::ostream& out) {
  Json changes = Json::array();
  for (const ProvisionChange& c : r.changes) {
    changes.push_back(
        Json{{"change", KindName(c.kind)},
             {"clause", c.clause},
             {"number", c.number},
             {"label", c.label},
             {"path", c.path},
             {"old", c.kind == ProvisionChangeKind::kAdded ? Json() : Json(c.old_text)},
             {"new", c.kind == ProvisionChangeKind::kRemoved ? Json() : Json(c.new_text)}});
  }
  Json findings = Json::object();
  EachFindingGroup(r.findings, [&](std::string_view title, const std::vector<Finding>& list) {
    Json group = Json::array();
    for (const Finding& f : list) {
      group.push_back(FindingJson(f));
    }
    std::string key(title);
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    findings[key] = std::move(group);
  });
  Json doc = {{"old", {{"file", r.old_file}, {"format", r.old_version}}},
              {"new", {{"file", r.new_file}, {"format", r.new_version}}},
              {"changes", std::move(changes)},
              {"findings", std::move(findings)}};
  out << doc.dump(2) << "\n";
}

// Markdown: a removed text struck through, an added one in bold, so the
// change reads without colour.
void WriteMarkdownChange(const ProvisionChange& c, std::ostream& out) {
  out << "- **" << MarkdownEscape(Heading(c)) << "** " << KindName(c.kind);
  auto marked = [](const std::string& text, std::string_view mark) {
    return text.empty() ? "" : std::string(mark) + MarkdownEscape(text) + std::string(mark);
  };
  std::string removed = c.kind == ProvisionChangeKind::kAdded ? "" : marked(c.old_text, "~~");
  std::string added = c.kind == ProvisionChangeKind::kRemoved ? "" : marked(c.new_text, "**");
  std::string arrow = !removed.empty() && !added.empty() ? " → " : "";
  out << (removed.empty() && added.empty() ? "" : ": ") << removed << arrow << added << "\n";
}

void WriteMarkdown(const Redline& r, std::ostream& out) {
  out << "# Changes from " << MarkdownEscape(r.old_file) << " to " << MarkdownEscape(r.new_file)
      << "\n\n";
  if (r.old_version != r.new_version) {
    out << "The older draft is in format " << r.old_version << ", the newer in format "
        << r.new_version
        << "; both are read into one model, so only changes of substance show.\n\n";
  }
  std::string clause;
  for (const ProvisionChange& c : r.changes) {
    if (c.clause != clause) {
      clause = c.clause;
      out << (c.clause == r.changes.front().clause ? "" : "\n") << "## " << MarkdownEscape(clause)
          << "\n\n";
    }
    WriteMarkdownChange(c, out);
  }
  out << (r.changes.empty() ? "No provision changed.\n" : "") << "\n## Findings\n";
  EachFindingGroup(r.findings, [&](std::string_view title, const std::vector<Finding>& list) {
    out << "\n### " << title << " (" << list.size() << ")\n\n" << (list.empty() ? "None.\n" : "");
    for (const Finding& f : list) {
      out << "- " << SeverityName(f.severity) << " **" << f.rule << "** `"
          << (f.path.empty() ? "(document)" : f.path) << "`: " << MarkdownEscape(f.message) << "\n";
    }
  });
}

}  // namespace

std::vector<std::string_view> CompareFormats() { return {"text", "json", "markdown"}; }

bool WriteRedline(const Redline& redline, std::string_view format, std::ostream& out) {
  return WriteInFormat(redline, format, out, WriteText, WriteJson, WriteMarkdown);
}

}  // namespace s75
