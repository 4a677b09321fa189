#include "report/agreement_filter.h"

#include <algorithm>

#include "common/join.h"
#include "schema/format.h"

namespace s75 {

bool AgreementFilter::Keeps(const AgreementFacts& facts, Date as_of) const {
  if (live && !facts.LiveOn(as_of)) {
    return false;
  }
  return statuses.empty() ||
         std::find(statuses.begin(), statuses.end(), facts.StatusOn(as_of)) != statuses.end();
}

std::string AgreementFilter::Describe() const {
  if (!Active()) {
    return "every status";
  }
  std::string text = statuses.empty() ? "" : "status: " + Join(statuses, ", ");
  if (live) {
    text += text.empty() ? "live" : "; live";
  }
  return text;
}

const std::vector<std::string>& AgreementStatuses() {
  static const std::vector<std::string> words = [] {
    const FieldSpec& root = AgreementFormat();
    const FieldSpec& agreement = root.fields[root.FieldIndex("agreement")];
    return agreement.fields[agreement.FieldIndex("status")].vocabulary;
  }();
  return words;
}

std::string CheckStatusWord(std::string_view word) {
  const std::vector<std::string>& words = AgreementStatuses();
  if (std::find(words.begin(), words.end(), word) != words.end()) {
    return "";
  }
  return "--status takes agreement statuses, comma-separated: " + Join(words, ", ") + "; not '" +
         std::string(word) + "'";
}

}  // namespace s75
