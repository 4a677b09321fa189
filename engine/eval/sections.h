// The absent-section reading (agreement-format-2.md, "all per-item rules"):
// when a whole mapping of the format is absent, a rule that would report two
// or more items inside it reports one finding instead, where those findings
// would have been, listing the items, at the most severe of their severities.
#pragma once

#include <cstddef>
#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// A mapping of the format that is absent: the node it would be written in,
// and its field.
struct AbsentSection {
  const Node* home = nullptr;
  const FieldSpec* field = nullptr;

  bool operator==(const AbsentSection&) const = default;
};

// A finding of one rule's run (its index in the findings) placed in an
// absent section.
struct SectionMark {
  size_t finding = 0;
  AbsentSection section;
};

// Replaces, in `findings`, each group of two or more findings marked with the
// same absent section by one finding at the first one's place.
void MergeAbsentSections(std::vector<Finding>& findings, const std::vector<SectionMark>& marks);

}  // namespace s75
