// The drafting commands: `init` (a model agreement), `schema` (the format
// as a JSON Schema for editors) and `migrate` (a format 1 agreement in format
// 2). Each returns the process exit status.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "load/limits.h"
#include "schema/model_agreement.h"

namespace s75 {

struct InitCommand {
  ModelOptions model;
  std::string output;  // "" for stdout
  bool force = false;  // replace an existing output file
};

// 0 written; 2 when the options do not fit together (CheckModelOptions), or
// the output file exists (without --force) or cannot be written, saying so on
// `err`.
int RunInitCommand(const InitCommand& cmd, std::ostream& out, std::ostream& err);

struct SchemaCommand {
  std::string output;  // "" for stdout
};

// 0 written; 2 when the output file cannot be written.
int RunSchemaCommand(const SchemaCommand& cmd, std::ostream& out, std::ostream& err);

struct MigrateCommand {
  std::string path;
  std::string output;  // "" for stdout
  bool force = false;  // replace an existing output file
  LoadLimits limits;
};

// 0 migrated (notes on what to check go to `err`), or already in format 2
// and printed unchanged; 2 when the file cannot be read as an agreement
// (DOC.01, DOC.06, DOC.07, reported as `check` reports them), cannot be
// rewritten (saying why), or the output exists (without --force) or cannot
// be written.
int RunMigrateCommand(const MigrateCommand& cmd, std::ostream& out, std::ostream& err);

// "" when `value` is one of `choices`, else a message naming them and the
// nearest one, for a command-line validator (CLI11 puts the option first).
std::string CheckChoice(const std::string& value, const std::vector<std::string>& choices);

// "" when `value` is a whole number of partners init can write, else why not.
std::string CheckPartnerCount(const std::string& value);

}  // namespace s75
