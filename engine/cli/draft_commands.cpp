#include "cli/draft_commands.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "common/atomic_file.h"
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

}  // namespace

int RunInitCommand(const InitCommand& cmd, std::ostream& out, std::ostream& err) {
  if (std::string problem = CheckModelOptions(cmd.model); !problem.empty()) {
    err << "s75check: " << problem << "\n";
    return 2;
  }
  std::error_code ec;
  if (!cmd.output.empty() && !cmd.force && std::filesystem::exists(cmd.output, ec)) {
    err << "s75check: " << cmd.output
        << " already exists; nothing was written: give --force to replace it, or name "
           "another file\n";
    return 2;
  }
  return WriteOutput(cmd.output, ModelAgreement(cmd.model), cmd.force, out, err) ? 0 : 2;
}

int RunSchemaCommand(const SchemaCommand& cmd, std::ostream& out, std::ostream& err) {
  return WriteOutput(cmd.output, AgreementJsonSchema(), true, out, err) ? 0 : 2;
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
