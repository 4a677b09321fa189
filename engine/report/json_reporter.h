// The JSON report of cli.md: tool, as_of, files with their findings (and,
// with --facts, their facts), summary.
#pragma once

#include "report/json_writer.h"
#include "report/reporter.h"

namespace s75 {

class JsonReporter : public Reporter {
 public:
  // With `facts`, each checked file's facts follow its findings (a saved sweep
  // `compare` reads with its money and outcomes).
  explicit JsonReporter(bool facts = false) : facts_(facts) {}
  void Begin(const CheckReport& run, std::ostream& out) override;
  void File(const FileResult& file, std::ostream& out) override;
  void End(const CheckReport& run, const Summary& total, std::ostream& out) override;

 private:
  bool facts_;
  JsonWriter writer_;  // the document so far: what is open, and where
};

}  // namespace s75
