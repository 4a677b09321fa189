#include "report/text_reporter.h"

namespace s75 {

namespace {

std::string Plural(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 || word == "info" ? "" : "s");
}

void WriteFinding(const Finding& f, std::ostream& out) {
  out << f.range.ToString() << ": " << SeverityName(f.severity) << ": " << f.rule << " " << f.slug
      << ": " << f.message << ReferencesText(f) << WaiverText(f) << "\n";
}

}  // namespace

std::string CountsText(const Summary& s) {
  std::string out = Plural(s.error, "error") + ", " + Plural(s.warning, "warning") + ", " +
                    Plural(s.info, "info");
  std::string aside;
  if (s.waived > 0) {
    aside = std::to_string(s.waived) + " waived";
  }
  if (s.baselined > 0) {
    aside += (aside.empty() ? "" : ", ") + std::to_string(s.baselined) + " in the baseline";
  }
  return aside.empty() ? out : out + " (" + aside + ")";
}

void TextReporter::Write(const CheckReport& report, std::ostream& out) const {
  for (const FileResult& file : report.files) {
    for (const Finding& f : file.findings) {
      WriteFinding(f, out);
    }
    if (options_.quiet) {
      continue;
    }
    out << file.path << ": " << (file.checked ? "" : "not checked: ")
        << CountsText(SummarizeFile(file)) << "\n";
  }
  if (options_.quiet || report.files.size() < 2) {
    return;
  }
  Summary total = report.Summarize();
  out << Plural(total.files, "file") << " checked as of " << report.as_of.ToString() << ": "
      << CountsText(total);
  if (total.unreadable > 0) {
    out << "; " << total.unreadable << " could not be checked";
  }
  out << "\n";
}

}  // namespace s75
