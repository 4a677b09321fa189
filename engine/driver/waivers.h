// Waivers: findings the partners have consciously accepted (the agreement's
// `waivers:` section; rule-catalogue.md, WAIVER family).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "common/builtin_rule.h"
#include "common/date.h"
#include "load/document.h"

namespace s75 {

// The WAIVER rules of the catalogue, WAIVER.01 to WAIVER.03, documented.
const std::vector<BuiltinRule>& WaiverRules();

struct WaiverContext {
  Date as_of;
  // True for a rule id the packs define (or DOC); false for an unknown id.
  std::function<bool(std::string_view)> known;
  // True for a rule that ran in this check (not removed by --select/--ignore).
  std::function<bool(std::string_view)> ran;
};

// Applies the waivers of `doc` to `findings` (one file's): a complete waiver
// that has not expired marks every finding of its rule as waived, with its
// reason, approver and expiry. Adds WAIVER.01 for an expired waiver (whose
// findings stay unwaived), WAIVER.02 for one that matches no finding, and
// WAIVER.03 for an incomplete one (which is ignored). DOC and WAIVER findings
// are never waived.
void ApplyWaivers(const Document& doc, const WaiverContext& context,
                  std::vector<Finding>& findings);

}  // namespace s75
