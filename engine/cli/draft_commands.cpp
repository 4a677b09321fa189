#include "cli/draft_commands.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "common/atomic_file.h"
#include "load/loader.h"
#include "migrate/migrate.h"
#include "report/text_reporter.h"
#include "schema/format.h"
#include "schema/json_schema.h"

namespace s75 {

namespace {

// Prints `text`, or writes it whole to `path` (replacing a file there only
// if `replace`); false, having said why on `err`, when it cannot.
bool WriteOutput(const std::string& path, const std::string& text, bool replace, std::ostream& out,
                 std::ostream& err) {
  if (path.empty()) {
    out << text;
    return true;
  }
  std::string failure =
      replace ? WriteFileAtomically(path, text) : WriteNewFileAtomically(path, text);
  if (!failure.empty()) {
    err << "s75check: " << failure << "\n";
  }
  return failure.empty();
}

// True, having said so on `err`, when `path` exists and may not be replaced.
bool RefuseToReplace(const std::string& path, bool force, std::ostream& err) {
  std::error_code ec;
  if (path.empty() || force || !std::filesystem::exists(path, ec)) {
    return false;
  }
  err << "s75check: " << path
      << " already exists; nothing was written: give --force to replace it, or name "
         "another file\n";
  return true;
}

void PrintNote(const std::string& path, const MigrationNote& note, std::string_view kind,
               std::ostream& err) {
  err << path;
  if (note.line > 0) {
    err << ":" << note.line << ":" << note.column;
  }
  err << ": " << kind << ": " << note.message << "\n";
}

}  // namespace

int RunInitCommand(const InitCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string problem = CheckModelOptions(cmd.model); !problem.empty()) {
    err << "s75check: " << problem << "\n";
    return 2;
  }
  if (RefuseToReplace(cmd.output, cmd.force, err)) {
    return 2;
  }
  return WriteOutput(cmd.output, ModelAgreement(cmd.model), cmd.force, out, err) ? 0 : 2;
}

int RunSchemaCommand(const SchemaCommand& cmd, std::ostream& out, std::ostream& err) {
  return WriteOutput(cmd.output, AgreementJsonSchema(), true, out, err) ? 0 : 2;
}

int RunMigrateCommand(const MigrateCommand& cmd, std::ostream& out, std::ostream& err) {
  if (RefuseToReplace(cmd.output, cmd.force, err)) {
    return 2;
  }
  std::string text;
  LoadResult loaded = LoadAgreementFile(cmd.path, cmd.limits, &text);
  if (!loaded.checked) {
    FileResult file{cmd.path, loaded.agreement_id, false, loaded.findings, {}, 0};
    TextReporter(ReporterOptions{true, {}}).File(file, err);
    err << "s75check: " << cmd.path
        << " cannot be read as an agreement, so nothing was migrated: correct the error above\n";
    return 2;
  }
  Migration migration = MigrateToFormat2(text, *loaded.document, cmd.limits);
  if (!migration.migrated && !migration.unchanged) {
    PrintNote(cmd.path, migration.failure, "error", err);
    err << "s75check: " << cmd.path << " was not migrated; nothing was written\n";
    return 2;
  }
  for (const MigrationNote& note : migration.notes) {
    PrintNote(cmd.path, note, "note", err);
  }
  if (migration.unchanged) {
    err << "s75check: " << cmd.path << " is already in format 2 (" << kFormatVersion2
        << "): " << (cmd.output.empty() ? "printed" : "written to " + cmd.output) << " unchanged\n";
  } else if (!loaded.findings.empty()) {
    err << "s75check: " << cmd.path << " has " << loaded.findings.size()
        << " document finding(s) (DOC rules), migrated as written: see `s75check check " << cmd.path
        << "`\n";
  }
  return WriteOutput(cmd.output, migration.text, cmd.force, out, err) ? 0 : 2;
}

std::string CheckChoice(const std::string& value, const std::vector<std::string>& choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
    return "";
  }
  std::string message = "must be one of ";
  for (size_t i = 0; i < choices.size(); ++i) {
    message += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  }
  message += ", not '" + value + "'";
  std::string near = ClosestName(value, choices);
  for (const std::string& c : choices) {  // `pooled` for pooled_fund
    if (near.empty() && !value.empty() && c.rfind(value, 0) == 0) {
      near = c;
    }
  }
  return near.empty() ? message : message + "; did you mean " + near + "?";
}

std::string CheckPartnerCount(const std::string& value) {
  int n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n < kMinModelPartners ||
      n > kMaxModelPartners) {
    return "must be a whole number from " + std::to_string(kMinModelPartners) + " to " +
           std::to_string(kMaxModelPartners) + ", not '" + value +
           "': a section 75 agreement has at least one NHS body and one local authority";
  }
  return "";
}

}  // namespace s75
