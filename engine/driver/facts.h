// The register's view of an agreement, read while its document is loaded (the
// document is freed per file; the facts are small and kept for the report).
#pragma once

#include "load/document.h"
#include "report/check_report.h"

namespace s75 {

// The facts of a validated agreement; empty fields where values are absent
// or invalid.
AgreementFacts ReadFacts(const Document& doc);

}  // namespace s75
