#include "report/sarif_reporter.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "report/rule_docs.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kFingerprintKey = "findingHash/v1";

// SARIF's levels are the severities' names, but for info, which is "note".
std::string_view Level(Severity s) { return s == Severity::kInfo ? "note" : SeverityName(s); }

// "1.2.3", optionally with a pre-release or build suffix (Semantic Versioning 2.0).
bool IsSemanticVersion(const std::string& v) {
  return std::regex_match(v, std::regex(R"(\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?)"));
}

std::string HelpMarkdown(const RuleRef& r) {
  std::string refs;
  for (const std::string& ref : r.references) {
    refs += (refs.empty() ? "" : "; ") + ref;
  }
  return Unwrap(r.remediation) + "\n\n**References:** " + refs + "\n\n`s75check explain " + r.id +
         "` quotes the passages of the sources the rule rests on.";
}

Json RuleJson(const RuleRef& r) {
  Json props;
  props["tags"] = Json::array({r.family});
  props["slug"] = r.slug;
  props["references"] = r.references;
  if (r.severity_text != SeverityName(r.severity)) {
    props["severity"] = r.severity_text;  // a conditional severity, as `s75check rules` shows it
  }
  Json j;
  j["id"] = r.id;
  j["name"] = PascalCase(r.slug);
  j["shortDescription"] = {{"text", Unwrap(r.title)}};
  j["fullDescription"] = {{"text", Unwrap(r.description)}};
  j["help"] = {{"text", Unwrap(r.remediation)}, {"markdown", HelpMarkdown(r)}};
  j["defaultConfiguration"] = {{"level", Level(r.severity)}};
  j["properties"] = std::move(props);
  return j;
}

Json DriverJson(const CheckReport& report) {
  Json j;
  j["name"] = "s75check";
  j["version"] = report.tool_version;
  if (IsSemanticVersion(report.tool_version)) {
    j["semanticVersion"] = report.tool_version;
  }
  if (!report.tool_information_uri.empty()) {
    j["informationUri"] = report.tool_information_uri;
  }
  j["rules"] = Json::array();
  for (const RuleRef& r : report.rules) {
    j["rules"].push_back(RuleJson(r));
  }
  return j;
}

// SARIF lines start at 1: a finding about the whole document (line 0) is
// placed at its start.
Json LocationJson(const std::string& uri, const Finding& f) {
  Json artifact = {{"uri", uri}};
  if (!uri.starts_with("file:")) {
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  bool placed = f.range.line > 0;
  Json region = {{"startLine", placed ? f.range.line : 1},
                 {"startColumn", placed ? std::max(1, f.range.column) : 1}};
  Json j;
  j["physicalLocation"] = {{"artifactLocation", std::move(artifact)},
                           {"region", std::move(region)}};
  if (!f.path.empty()) {
    j["logicalLocations"] = Json::array({Json{{"fullyQualifiedName", f.path}}});
  }
  return j;
}

// No "status": a suppression without one is accepted, and the published 2.1.0
// schema misspells that property "state" (oasis-tcs/sarif-spec issue 449).
Json SuppressionJson(const WaiverInfo& w) {
  Json j;
  j["kind"] = "external";
  j["justification"] = WaiverJustification(w);
  j["properties"] = {{"reason", w.reason},
                     {"approvedBy", w.approved_by},
                     {"expires", w.expires.empty() ? Json(nullptr) : Json(w.expires)}};
  return j;
}

Json ResultJson(const Finding& f, const std::map<std::string, size_t, std::less<>>& rule_index,
                const std::string& uri, const std::string& fingerprint) {
  Json j;
  j["ruleId"] = f.rule;
  if (auto it = rule_index.find(f.rule); it != rule_index.end()) {
    j["ruleIndex"] = it->second;
  }
  j["level"] = Level(f.severity);
  j["message"] = {{"text", f.message}};
  j["locations"] = Json::array({LocationJson(uri, f)});
  j["partialFingerprints"] = {{kFingerprintKey, fingerprint}};
  if (f.waiver) {
    j["suppressions"] = Json::array({SuppressionJson(*f.waiver)});
  }
  return j;
}

// A file that could not be checked: an error about the run as well as a result.
Json NotificationJson(const FileResult& file, const std::string& uri) {
  Json j;
  j["level"] = "error";
  std::string why = file.findings.empty() ? "" : ": " + file.findings.front().message;
  j["message"] = {{"text", file.path + " could not be checked" + why}};
  if (!file.findings.empty()) {
    j["locations"] = Json::array({LocationJson(uri, file.findings.front())});
    j["associatedRule"] = {{"id", file.findings.front().rule}};
  }
  return j;
}

// The results, in report order, and a notification per file not checked.
void AddFiles(const CheckReport& report, Json& results, Json& notifications) {
  std::map<std::string, size_t, std::less<>> rule_index;
  for (size_t i = 0; i < report.rules.size(); ++i) {
    rule_index.emplace(report.rules[i].id, i);
  }
  std::map<std::string, int> occurrences;  // of each hash, so that fingerprints are unique
  fs::path cwd = fs::current_path();
  for (const FileResult& file : report.files) {
    std::string uri = ArtifactUri(file.path, cwd);
    for (const Finding& f : file.findings) {
      std::string hash = FindingHash(uri, f);
      std::string fingerprint = hash + ":" + std::to_string(++occurrences[hash]);
      results.push_back(ResultJson(f, rule_index, uri, fingerprint));
    }
    if (!file.checked) {
      notifications.push_back(NotificationJson(file, uri));
    }
  }
}

// The tool ran to completion whenever there is a report to write; files it
// could not check are notifications (and exit status 2), not a failed run.
Json InvocationJson(const CheckReport& report, Json notifications) {
  Json j;
  j["executionSuccessful"] = true;
  if (!notifications.empty()) {
    j["toolExecutionNotifications"] = std::move(notifications);
  }
  j["properties"] = {{"asOf", report.as_of.ToString()}};
  return j;
}

}  // namespace

std::string PercentEncodePath(std::string_view path) {
  constexpr std::string_view kKept = "-._~!$&'()*+,;=@/";
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kKept.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string ArtifactUri(const std::string& path, const fs::path& cwd) {
  fs::path absolute = (cwd / path).lexically_normal();
  fs::path relative = absolute.lexically_relative(cwd.lexically_normal());
  bool below = !relative.empty() && *relative.begin() != ".." && relative != ".";
  if (below) {
    return PercentEncodePath(relative.generic_string());
  }
  return "file://" + PercentEncodePath(absolute.generic_string());
}

std::string FindingHash(std::string_view uri, const Finding& finding) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffsetBasis;
  for (std::string_view field :
       {uri, std::string_view(finding.rule), std::string_view(finding.path),
        std::string_view(finding.message)}) {
    for (char c : field) {
      hash = (hash ^ static_cast<unsigned char>(c)) * kPrime;
    }
    hash *= kPrime;  // a NUL byte after each field, so ("ab", "c") and ("a", "bc") differ
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) {
    out[i] = kHex[hash & 0xF];
  }
  return out;
}

std::string PascalCase(std::string_view slug) {
  std::string out;
  bool start = true;
  for (char c : slug) {
    if (c == '-' || c == '_' || c == ' ') {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

void SarifReporter::WriteWhole(const CheckReport& report, std::ostream& out) const {
  Json results = Json::array();
  Json notifications = Json::array();
  AddFiles(report, results, notifications);
  Json run;
  run["tool"] = {{"driver", DriverJson(report)}};
  run["invocations"] = Json::array({InvocationJson(report, std::move(notifications))});
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = kSchemaUri;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace s75
