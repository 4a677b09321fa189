// What every command that sweeps agreements (check, register, outturn,
// scorecard) is given, declared once: where to look, which agreements, as of
// when, how many at once, and where to write what.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "load/limits.h"
#include "report/agreement_filter.h"

namespace s75 {

struct SweepOptions {
  std::vector<std::string> paths;  // files and directories; none for the current directory
  std::string format = "text";
  std::string output;  // "" for stdout
  Date as_of;
  int jobs = 1;
  LoadLimits limits;
  AgreementFilter filter;  // --status, --live
};

}  // namespace s75
