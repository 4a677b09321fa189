// A redline of two drafts of an agreement: the provisions added, removed and
// changed, clause by clause in `render`'s numbering and words
// (report/render_model.h), with lists matched entry by entry by identity
// (compare/identity.h) so that inserting a partner does not show every later
// one as changed; a partner renamed is one change, the provisions that change
// only by its new name marked as such; then the findings introduced, resolved
// and unchanged.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "compare/finding_changes.h"
#include "load/document.h"

namespace s75 {

enum class ProvisionChangeKind { kAdded, kRemoved, kChanged };

// One provision of the rendered agreement that differs between the drafts.
struct ProvisionChange {
  ProvisionChangeKind kind = ProvisionChangeKind::kChanged;
  std::string clause;    // "2. Term", "Particulars": where it stands in the draft shown
  std::string number;    // "2.1", "1.1(c)", "1.1(c)(ii)"; "" in the particulars
  std::string label;     // "Commencement"; an entry's: its list's ("The parties")
  std::string path;      // its YAML path in the draft shown
  std::string old_text;  // as render writes it; "" when added
  std::string new_text;  // "" when removed
  // Changed only by a renamed partner's new name (Redline::renames): its old
  // text with the new names is its new text. The partners' own entries never are.
  bool renamed_only = false;
};

// A partner (matched by id) the drafts name differently.
struct PartnerRename {
  std::string id;
  std::string old_name;
  std::string new_name;
};

struct Redline {
  std::string old_file;
  std::string new_file;
  int old_version = 0;  // the format each is written in
  int new_version = 0;
  Date as_of;  // the date both were checked on
  // In the newer draft's order, each removed provision where it stood in the
  // older draft. The draft shown is the newer one, the older for a removal.
  std::vector<ProvisionChange> changes;
  std::vector<PartnerRename> renames;  // in the newer draft's order
  FindingChanges findings;
};

// The redline from `before` to `after` (both loaded and checked: their roots
// validated mappings), with the findings of each (from the pipeline) matched
// as a baseline matches them, their paths read by identity (and, for drafts
// in different formats, then on rule and path alone, since the formats' rules
// word some findings differently).
Redline CompareAgreements(const Document& before, const std::vector<Finding>& before_findings,
                          const Document& after, const std::vector<Finding>& after_findings,
                          Date as_of);

}  // namespace s75
