// The outturn's run: collect the agreement files, then per file load and
// compute its outturns (outturn/outturn.h) on several threads, handed on in
// path order. No rules are compiled or run: the outturn reads the model the
// loader builds, as the evaluator does.
//
//   collect     the agreement files, in path order          CollectEntries (collect.h)
//   per file    load and validate, filter (--status,        SweepAgreements (sweep.h)
//               --live), then the outturn                   OutturnOfLoaded
//   report      each agreement as soon as it is ready       `emit`
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "load/limits.h"
#include "load/loader.h"
#include "outturn/outturn.h"
#include "report/agreement_filter.h"

namespace s75 {

struct OutturnRun {
  std::vector<std::string> paths;  // files and directories; none for the current directory
  LoadLimits limits;
  int jobs = 1;
  OutturnOptions options;  // its as_of is also the date the filter judges on
  AgreementFilter filter;  // agreements left out: not reported or counted
};

// Hands each collected file's outturn (those the filter keeps, and every
// file that cannot be read) to `emit` in path order, one at a
// time, as soon as it and every one before it are done (a few are held at
// most, so memory does not grow with the sweep).
void SweepOutturns(const OutturnRun& run, const std::function<void(const AgreementOutturn&)>& emit);

// Per file: the outturns of the file loaded from `path`; a file that cannot
// be read as an agreement says why in `unreadable`.
AgreementOutturn OutturnOfLoaded(const std::string& path, const LoadResult& loaded,
                                 const OutturnOptions& options);

}  // namespace s75
