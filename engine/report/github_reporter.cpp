#include "report/github_reporter.h"

namespace s75 {

namespace {

std::string_view Command(const Finding& f) {
  if (f.waived() || f.severity == Severity::kInfo) {
    return "notice";
  }
  return f.severity == Severity::kError ? "error" : "warning";
}

// A waived finding is a notice: the message keeps its own severity.
std::string Message(const Finding& f) {
  std::string waived = f.waived() ? " (" + std::string(SeverityName(f.severity)) + ")" : "";
  return f.message + ReferencesText(f) + WaiverText(f) + waived;
}

}  // namespace

std::string GithubEscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string GithubEscapeProperty(std::string_view text) {
  std::string out;
  for (char c : GithubEscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

void GithubReporter::File(const FileResult& file, std::ostream& out) {
  for (const Finding& f : file.findings) {
    out << "::" << Command(f) << " file=" << GithubEscapeProperty(file.path);
    if (f.range.line > 0) {
      out << ",line=" << f.range.line << ",col=" << f.range.column;
    }
    out << ",title=" << GithubEscapeProperty(f.rule + " " + f.slug)
        << "::" << GithubEscapeData(Message(f)) << "\n";
  }
}

}  // namespace s75
