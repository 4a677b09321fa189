#include "report/check_report.h"

#include <algorithm>

namespace s75 {

Signatures AgreementFacts::Signed() const {
  int n = 0;
  for (const PartnerFacts& p : partners) {
    n += p.has_signed ? 1 : 0;
  }
  if (n == 0) {
    return Signatures::kNone;
  }
  return n == static_cast<int>(partners.size()) ? Signatures::kAll : Signatures::kSome;
}

bool AgreementFacts::ExpiredOn(Date as_of) const {
  return status == "expired" || (status != "terminated" && expiry && *expiry < as_of);
}

std::string AgreementFacts::StatusOn(Date as_of) const {
  return ExpiredOn(as_of) ? "expired" : status;
}

bool AgreementFacts::LiveOn(Date as_of) const {
  bool started =
      status == "in_force" || (status == "signed" && commencement && *commencement <= as_of);
  return started && !ExpiredOn(as_of);
}

Summary SummarizeFile(const FileResult& file) {
  Summary s;
  s.files = 1;
  s.unreadable = file.checked ? 0 : 1;
  s.baselined = file.baselined;
  for (const Finding& f : file.findings) {
    CountFinding(f, s);
  }
  return s;
}

void CountFinding(const Finding& f, Summary& s) {
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

Summary& Summary::operator+=(const Summary& other) {
  files += other.files;
  unreadable += other.unreadable;
  error += other.error;
  warning += other.warning;
  info += other.info;
  waived += other.waived;
  baselined += other.baselined;
  return *this;
}

Summary CheckReport::Summarize() const {
  Summary total;
  for (const FileResult& f : files) {
    total += SummarizeFile(f);
  }
  return total;
}

bool CheckReport::Ran(std::string_view id) const {
  return std::any_of(rules.begin(), rules.end(), [id](const RuleRef& r) { return r.id == id; });
}

std::string ReferencesText(const Finding& f) {
  std::string out;
  for (const std::string& r : f.references) {
    out += (out.empty() ? "" : "; ") + r;
  }
  return out.empty() ? "" : " [" + out + "]";
}

std::string WaiverJustification(const WaiverInfo& w) {
  std::string out = w.reason + "; approved by " + w.approved_by;
  if (!w.expires.empty()) {
    out += "; expires " + w.expires;
  }
  return out;
}

std::string WaiverText(const Finding& f) {
  return f.waiver ? " (waived: " + WaiverJustification(*f.waiver) + ")" : "";
}

}  // namespace s75
