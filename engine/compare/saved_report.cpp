#include "compare/saved_report.h"

#include <nlohmann/json.hpp>

#include "common/json_text.h"
#include "common/severity.h"
#include "report/facts_json.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

// `text` with each `from` written as `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); !from.empty() && at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// One finding as the JSON reporter wrote it; false when it is not one.
bool ReadFinding(const Json& j, const std::string& as_of, Finding& f) {
  if (!j.is_object() || !j.contains("rule") || !j["rule"].is_string() || !j.contains("message") ||
      !j["message"].is_string() || !j.contains("severity") || !j["severity"].is_string()) {
    return false;
  }
  std::optional<Severity> severity = ParseSeverity(j["severity"].get<std::string>());
  if (!severity) {
    return false;
  }
  f.rule = j["rule"].get<std::string>();
  f.severity = *severity;
  f.message = ReplaceAll(j["message"].get<std::string>(), as_of, "{as_of}");
  const Json& at = j.contains("location") ? j["location"] : Json();
  if (at.is_object() && at.contains("path") && at["path"].is_string()) {
    f.path = at["path"].get<std::string>();
  }
  if (j.contains("waived") && j["waived"].is_boolean() && j["waived"].get<bool>()) {
    f.waiver = WaiverInfo{};
  }
  return true;
}

// One file of the report; "" or what is wrong with it.
std::string ReadFile(const Json& j, const std::string& as_of, FileResult& file) {
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("findings") ||
      !j["findings"].is_array()) {
    return "a file without its path and findings";
  }
  file.path = j["path"].get<std::string>();
  if (j.contains("agreement_id") && j["agreement_id"].is_string()) {
    file.agreement_id = j["agreement_id"].get<std::string>();
  }
  file.checked = j.contains("checked") && j["checked"].is_boolean() && j["checked"].get<bool>();
  for (const Json& finding : j["findings"]) {
    Finding f;
    if (!ReadFinding(finding, as_of, f)) {
      return "a finding of " + file.path + " without its rule, severity and message";
    }
    file.findings.push_back(std::move(f));
  }
  if (j.contains("facts") && !j["facts"].is_null()) {
    AgreementFacts facts;
    if (std::string why = ReadFactsJson(j["facts"], facts); !why.empty()) {
      return "the facts of " + file.path + " (" + why + ")";
    }
    file.facts = std::move(facts);
  }
  return "";
}

}  // namespace

bool IsSavedReport(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
}

std::string ReadSavedReport(const std::string& path, const std::string& text, SavedReport& out) {
  std::string why = path + " is not a report saved with `s75check check --format json`: ";
  JsonProblem unreadable;
  std::optional<Json> parsed = ParseJson(text, unreadable);
  if (!parsed) {
    return why + "it is not valid JSON (line " + std::to_string(unreadable.line) + ", column " +
           std::to_string(unreadable.column) + ": " + unreadable.what +
           "); save one with `s75check check --format json --facts -o FILE DIR`";
  }
  const Json& j = *parsed;
  bool ours = j.is_object() && j.contains("tool") && j["tool"].is_object() &&
              j["tool"].value("name", "") == "s75check";
  if (!ours || !j.contains("files") || !j["files"].is_array() || !j.contains("as_of") ||
      !j["as_of"].is_string() || !Date::Parse(j["as_of"].get<std::string>())) {
    return why +
           "it has no tool s75check, as_of and files; save one with `s75check check "
           "--format json --facts -o FILE DIR`";
  }
  std::string as_of = j["as_of"].get<std::string>();
  out.as_of = *Date::Parse(as_of);
  int with_facts = 0;
  int checked = 0;
  for (const Json& file : j["files"]) {
    FileResult result;
    if (std::string problem = ReadFile(file, as_of, result); !problem.empty()) {
      return why + problem;
    }
    with_facts += result.facts ? 1 : 0;
    checked += result.checked ? 1 : 0;
    out.files.push_back(std::move(result));
  }
  out.facts = with_facts > 0 && with_facts == checked;
  return "";
}

}  // namespace s75
