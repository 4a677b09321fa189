#include "driver/outturn_run.h"

#include "common/rule_ids.h"
#include "driver/collect.h"
#include "driver/sweep.h"

namespace s75 {

namespace {

// Why a file could not be read, from the loader's findings: the first that
// stopped it, as `file:line:col: cannot be read as an agreement: ... [DOC.01]`.
std::string UnreadableText(const std::vector<Finding>& findings) {
  const Finding* stop = findings.empty() ? nullptr : &findings.front();
  for (const Finding& f : findings) {
    if (f.rule == kDocYamlSyntax || f.rule == kDocUnsupportedFormat || f.rule == kDocUnreadable) {
      stop = &f;
      break;
    }
  }
  if (stop == nullptr) {
    return "cannot be read as an agreement";
  }
  return stop->range.ToString() + ": cannot be read as an agreement: " + stop->message + " [" +
         stop->rule + "]";
}

AgreementOutturn Unreadable(const std::string& path, const std::vector<Finding>& findings) {
  AgreementOutturn out;
  out.path = path;
  out.unreadable = UnreadableText(findings);
  return out;
}

}  // namespace

AgreementOutturn OutturnOfLoaded(const std::string& path, const LoadResult& loaded,
                                 const OutturnOptions& options) {
  if (!loaded.checked) {
    return Unreadable(path, loaded.findings);
  }
  return ComputeOutturn(*loaded.document, options);
}

void SweepOutturns(const OutturnRun& run,
                   const std::function<void(const AgreementOutturn&)>& emit) {
  std::vector<SweepEntry> entries = CollectEntries(run.paths, PathExclusion());
  SweepAgreements(
      entries, SweepScope{run.limits, run.jobs, run.options.as_of, run.filter},
      [&](const std::string& path, const LoadResult& loaded) {
        return OutturnOfLoaded(path, loaded, run.options);
      },
      [](const SweepEntry& e) { return Unreadable(e.path, e.unreadable->findings); },
      [&](const AgreementOutturn& a) { emit(a); });
}

}  // namespace s75
