// `s75check compare OLD NEW`: what changed between two drafts of an
// agreement (a redline), or between two sweeps of a directory.
#pragma once

#include <ostream>
#include <string>

#include "common/date.h"
#include "driver/packs.h"
#include "driver/pipeline.h"
#include "load/limits.h"
#include "report/agreement_filter.h"

namespace s75 {

struct CompareCommand {
  PackOptions pack;
  RuleChoice rules;        // --select, --ignore: the findings compared
  AgreementFilter filter;  // --status, --live: the agreements two sweeps compare
  std::string old_path;    // two agreement files, or two directories
  std::string new_path;
  std::string format = "text";
  std::string output;       // "" for stdout
  std::string fail_on_new;  // error, warning or info; "" never fails
  Date as_of;
  int jobs = 1;
  LoadLimits limits;
};

// Exit status 0; 1 when NEW introduces a finding at or above --fail-on-new;
// 2 when an input cannot be read as an agreement (said with file:line:col),
// the rules do not compile, or the output cannot be written.
int RunCompareCommand(const CompareCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace s75
