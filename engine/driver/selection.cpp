#include "driver/selection.h"

#include <algorithm>
#include <set>

#include "report/rule_docs.h"
#include "schema/format.h"

namespace s75 {

namespace {

bool Matches(std::string_view entry, std::string_view id) {
  return entry == id || entry == RuleFamily(id);
}

bool AnyMatches(const std::vector<std::string>& entries, std::string_view id) {
  return std::any_of(entries.begin(), entries.end(),
                     [id](const std::string& e) { return Matches(e, id); });
}

// Splits "T1, DATE.04" into its entries, trimmed; empty entries dropped.
std::vector<std::string> Entries(const std::vector<std::string>& lists) {
  std::vector<std::string> out;
  for (const std::string& list : lists) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = std::min(list.find(',', start), list.size());
      std::string entry = list.substr(start, end - start);
      entry.erase(0, entry.find_first_not_of(" \t"));
      entry.erase(entry.find_last_not_of(" \t") + 1);
      if (!entry.empty()) {
        out.push_back(entry);
      }
      start = end + 1;
    }
  }
  return out;
}

// Empty when every entry names a known id or family, else the message.
std::string Unknown(const std::vector<std::string>& entries, const std::string& option,
                    const std::vector<std::string>& known_ids) {
  std::set<std::string> names;
  for (const std::string& id : known_ids) {
    names.insert(id);
    names.insert(std::string(RuleFamily(id)));
  }
  for (const std::string& e : entries) {
    if (names.count(e) > 0) {
      continue;
    }
    std::vector<std::string> candidates(names.begin(), names.end());
    std::string message = option;
    message += ": no rule or family '" + e + "'";
    if (std::string near = ClosestName(e, candidates); !near.empty()) {
      message += "; did you mean '" + near + "'?";
    } else {
      message += " (see `s75check rules`)";
    }
    return message;
  }
  return "";
}

}  // namespace

std::optional<RuleSelection> RuleSelection::Parse(const std::vector<std::string>& select,
                                                  const std::vector<std::string>& ignore,
                                                  const std::vector<std::string>& known_ids,
                                                  std::string& error,
                                                  const std::string& select_label,
                                                  const std::string& ignore_label) {
  RuleSelection s;
  s.select_ = Entries(select);
  s.ignore_ = Entries(ignore);
  error = Unknown(s.select_, select_label, known_ids);
  if (error.empty()) {
    error = Unknown(s.ignore_, ignore_label, known_ids);
  }
  if (!error.empty()) {
    return std::nullopt;
  }
  return s;
}

bool RuleSelection::Selected(std::string_view id) const {
  return (select_.empty() || AnyMatches(select_, id)) && !AnyMatches(ignore_, id);
}

}  // namespace s75
