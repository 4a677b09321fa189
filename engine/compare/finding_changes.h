// The findings two runs have in common and those only one has, matched as a
// baseline matches them (driver/baseline.h): on rule, YAML path and message,
// never on line, so an edit elsewhere in a file changes no finding. Waived
// findings are accepted, so they are left out.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/finding.h"

namespace s75 {

struct FindingChanges {
  std::vector<Finding> introduced;  // the newer side's, not on the older side
  std::vector<Finding> resolved;    // the older side's, not on the newer side
  std::vector<Finding> unchanged;   // on both sides (the newer side's)
};

// How a side's finding path is read for matching: as given, or as the
// identity of the entry it is in (compare/identity.h).
using FindingPathOf = std::function<std::string(const Finding&)>;

// The unwaived findings of `before` and `after` sorted into introduced,
// resolved and unchanged, each in its side's order. Matching counts: two
// identical findings before and one after are one unchanged, one resolved.
// With `reworded`, findings left over are then matched on rule and path
// alone: for two files in different formats, whose rules word the same
// fault differently ("the pool total" and "the pool total of fund 'main'").
FindingChanges CompareFindings(const std::vector<Finding>& before, const FindingPathOf& before_path,
                               const std::vector<Finding>& after, const FindingPathOf& after_path,
                               Date as_of, bool reworded = false);

}  // namespace s75
