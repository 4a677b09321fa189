#include "report/markdown_reporter.h"

#include "report/text_reporter.h"

namespace s75 {

namespace {

// Characters that Markdown (CommonMark and GitHub's tables, strikethrough and
// maths) or inline HTML could read as syntax; a backslash makes each literal.
constexpr std::string_view kSyntax = "\\`*_[]<>|~#&$";

std::string Esc(std::string_view text) { return MarkdownEscape(text); }

std::string FileHeading(const FileResult& file) {
  if (file.facts && !file.facts->title.empty()) {
    return file.facts->title;
  }
  return file.agreement_id.empty() ? file.path : file.agreement_id;
}

void WriteSummary(const CheckReport& report, std::ostream& out) {
  Summary s = report.Summarize();
  out << "# Section 75 agreement check\n\nChecked as of " << report.as_of.ToLongString()
      << " against " << report.rules.size() << " rules with s75check " << Esc(report.tool_version)
      << ".\n\n## Summary\n\n"
      << "| Files | Could not be checked | Errors | Warnings | Info | Waived |\n"
      << "|---:|---:|---:|---:|---:|---:|\n"
      << "| " << s.files << " | " << s.unreadable << " | " << s.error << " | " << s.warning << " | "
      << s.info << " | " << s.waived << " |\n\n"
      << "Errors, warnings and info count the findings no waiver accepts.\n\n";
}

void WriteAgreementTable(const CheckReport& report, std::ostream& out) {
  out << "| Agreement | File | Errors | Warnings | Info | Waived |\n"
      << "|---|---|---:|---:|---:|---:|\n";
  for (const FileResult& file : report.files) {
    Summary s = SummarizeFile(file);
    out << "| " << Esc(FileHeading(file)) << (file.checked ? "" : " (could not be checked)")
        << " | " << Esc(file.path) << " | " << s.error << " | " << s.warning << " | " << s.info
        << " | " << s.waived << " |\n";
  }
  out << "\n";
}

std::string References(const Finding& f) {
  std::string out;
  for (const std::string& r : f.references) {
    out += (out.empty() ? "" : "; ") + Esc(r);
  }
  return out;
}

std::string Waiver(const Finding& f) {
  if (!f.waiver) {
    return "";
  }
  std::string out =
      " — *waived: " + Esc(f.waiver->reason) + "; approved by " + Esc(f.waiver->approved_by);
  if (!f.waiver->expires.empty()) {
    out += "; expires " + Esc(f.waiver->expires);
  }
  return out + "*";
}

void WriteFinding(const Finding& f, std::ostream& out) {
  out << "| ";
  if (f.range.line > 0) {
    out << f.range.line << ":" << f.range.column;
  }
  out << " | " << SeverityName(f.severity) << (f.waived() ? ", waived" : "") << " | " << Esc(f.rule)
      << " " << Esc(f.slug) << " | " << Esc(f.message) << Waiver(f) << " | " << References(f)
      << " |\n";
}

void WriteFile(const FileResult& file, std::ostream& out) {
  out << "### " << Esc(FileHeading(file)) << "\n\nFile " << Esc(file.path);
  if (!file.agreement_id.empty()) {
    out << ", agreement " << Esc(file.agreement_id);
  }
  out << (file.checked ? ": " : ": could not be checked; ") << CountsText(SummarizeFile(file))
      << ".\n\n";
  if (file.findings.empty()) {
    out << "No findings.\n\n";
    return;
  }
  out << "| Line | Severity | Rule | Message | References |\n|---:|---|---|---|---|\n";
  for (const Finding& f : file.findings) {
    WriteFinding(f, out);
  }
  out << "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
      i += crlf ? 1 : 0;
      out += ' ';
      continue;
    }
    if (kSyntax.find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

void MarkdownReporter::WriteWhole(const CheckReport& report, std::ostream& out) const {
  WriteSummary(report, out);
  WriteAgreementTable(report, out);
  out << "## Findings by agreement\n\n";
  for (const FileResult& file : report.files) {
    WriteFile(file, out);
  }
}

}  // namespace s75
