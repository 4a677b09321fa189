// The s75check commands. Each returns the process exit status (cli.md):
// 0 clean, 1 findings at or above --fail-on, 2 bad usage or input.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/sweep_options.h"
#include "common/date.h"
#include "driver/packs.h"
#include "load/limits.h"
#include "report/agreement_filter.h"

namespace s75 {

// Writes a report to stdout (`path` empty), or whole to `path` (an atomic
// write: whole or not at all); false, said on `err`, when it cannot.
bool Emit(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err);

struct CheckCommand : SweepOptions {
  PackOptions pack;
  std::string fail_on = "error";
  bool quiet = false;
  std::vector<std::string> select;  // rule ids or families; empty for all
  std::vector<std::string> ignore;
  std::string select_label = "--select";  // where `select` came from, for messages
  std::string ignore_label = "--ignore";
  std::vector<std::string> exclude;  // globs of files left out
  std::string exclude_dir;           // the directory they are relative to; "" for the current one
  std::string baseline;              // report only findings not in this file; "" for none
  std::string write_baseline;        // record the current findings here; "" for none
  bool facts = false;                // json: each agreement's facts, for `compare`
};

int RunCheckCommand(const CheckCommand& cmd, std::ostream& out, std::ostream& err);

struct RegisterCommand : SweepOptions {
  RegisterCommand() { format = "markdown"; }
  PackOptions pack;
};

// Exit status 0, or 2 when a file could not be read (it is still a row).
int RunRegisterCommand(const RegisterCommand& cmd, std::ostream& out, std::ostream& err);

struct ScorecardCommand : SweepOptions {};

// The scorecard of every agreement named or found (shared/spec/scorecard.md).
// Exit status 0, or 2 when a file could not be read (it is listed, the
// others still scored) or the output could not be written.
int RunScorecardCommand(const ScorecardCommand& cmd, std::ostream& out, std::ostream& err);

struct RenderCommand {
  PackOptions pack;
  std::string path;
  std::string format = "markdown";
  std::string output;     // "" for stdout
  bool findings = false;  // run the check and show each finding beside its clause
  Date as_of;
  LoadLimits limits;
};

// Exit status 0 when rendered, 2 when the file cannot be read as an agreement
// (DOC.01, DOC.06, DOC.07), the rules do not compile or the output cannot be
// written. Findings do not change the status: `check` is the gate.
int RunRenderCommand(const RenderCommand& cmd, std::ostream& out, std::ostream& err);

struct RulesCommand {
  PackOptions pack;
  std::string format = "text";
};

int RunRulesCommand(const RulesCommand& cmd, std::ostream& out, std::ostream& err);

struct ExplainCommand {
  PackOptions pack;
  std::string id;
};

int RunExplainCommand(const ExplainCommand& cmd, std::ostream& out, std::ostream& err);

struct TestCommand {
  std::string dir;  // "" for the built-in packs
  Date as_of;
  std::string format = "text";  // or "json"
};

int RunTestCommand(const TestCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace s75
