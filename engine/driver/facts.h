// The register's view of an agreement, read while its document is loaded (the
// document is freed per file; the facts are small and kept for the report).
#pragma once

#include "load/document.h"
#include "report/check_report.h"

namespace s75 {

// The facts of a validated agreement; empty fields where values are absent
// or invalid.
AgreementFacts ReadFacts(const Document& doc);

// Adds the agreement's latest outturn (outturn/outturn.h, with the outturns
// known on `as_of`) and its outcomes by status (scorecard/scorecard.h, as of
// `as_of`) to `facts`: the register's figures, from the document loaded.
void ReadFigures(const Document& doc, Date as_of, AgreementFacts& facts);

}  // namespace s75
