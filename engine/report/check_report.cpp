#include "report/check_report.h"

namespace s75 {

Summary SummarizeFile(const FileResult& file) {
  Summary s;
  s.files = 1;
  s.unreadable = file.checked ? 0 : 1;
  s.baselined = file.baselined;
  for (const Finding& f : file.findings) {
    if (f.waived()) {
      ++s.waived;
    } else if (f.severity == Severity::kError) {
      ++s.error;
    } else if (f.severity == Severity::kWarning) {
      ++s.warning;
    } else {
      ++s.info;
    }
  }
  return s;
}

Summary CheckReport::Summarize() const {
  Summary total;
  for (const FileResult& f : files) {
    Summary s = SummarizeFile(f);
    total.files += s.files;
    total.unreadable += s.unreadable;
    total.error += s.error;
    total.warning += s.warning;
    total.info += s.info;
    total.waived += s.waived;
    total.baselined += s.baselined;
  }
  return total;
}

std::string ReferencesText(const Finding& f) {
  std::string out;
  for (const std::string& r : f.references) {
    out += (out.empty() ? "" : "; ") + r;
  }
  return out.empty() ? "" : " [" + out + "]";
}

std::string WaiverText(const Finding& f) {
  if (!f.waiver) {
    return "";
  }
  std::string out = " (waived: " + f.waiver->reason + "; approved by " + f.waiver->approved_by;
  if (!f.waiver->expires.empty()) {
    out += "; expires " + f.waiver->expires;
  }
  return out + ")";
}

}  // namespace s75
