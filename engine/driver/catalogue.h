// The rule catalogue as documentation: every rule a check can report (the
// packs' rules, then DOC and WAIVER), in the catalogue's family order.
#pragma once

#include <vector>

#include "compile/pack.h"
#include "report/check_report.h"
#include "report/rule_docs.h"

namespace s75 {

// The documentation of every rule, ordered T1, AC, HFD, CF, REG, FIN, DATE,
// DOC, WAIVER, then any other family alphabetically; by id within a family.
std::vector<RuleDoc> RuleCatalogue(const CompiledPack& pack);

// Every rule a check with `pack` can report (the pack's, DOC and WAIVER), by
// id, as a report lists them: what RuleCatalogue gives, less the quotes and
// examples.
std::vector<RuleRef> AllRules(const CompiledPack& pack);

// The rule with `id`, or null.
const RuleDoc* FindRuleDoc(const std::vector<RuleDoc>& catalogue, const std::string& id);

}  // namespace s75
