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

void TextReporter::Begin(const CheckReport& /*run*/, std::ostream& /*out*/) {}

void TextReporter::File(const FileResult& file, std::ostream& out) {
  for (const Finding& f : file.findings) {
    WriteFinding(f, out);
  }
  if (!options_.quiet) {
    out << file.path << ": " << (file.checked ? "" : "not checked: ")
        << CountsText(SummarizeFile(file)) << "\n";
  }
}

void TextReporter::End(const CheckReport& run, const Summary& total, std::ostream& out) {
  if (options_.quiet || total.files < 2) {
    return;
  }
  out << Plural(total.files, "file") << " checked as of " << run.as_of.ToString() << ": "
      << CountsText(total);
  if (total.unreadable > 0) {
    out << "; " << total.unreadable << " could not be checked";
  }
  out << "\n";
}

}  // namespace s75
