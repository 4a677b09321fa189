#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

Json FindingJson(const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["slug"] = f.slug;
  j["severity"] = SeverityName(f.severity);
  j["message"] = f.message;
  j["location"] = {{"line", f.range.line}, {"column", f.range.column}, {"path", f.path}};
  j["references"] = f.references;
  j["waived"] = f.waived();
  if (f.waiver) {
    j["waiver"] = {
        {"reason", f.waiver->reason},
        {"approved_by", f.waiver->approved_by},
        {"expires", f.waiver->expires.empty() ? Json(nullptr) : Json(f.waiver->expires)}};
  }
  return j;
}

}  // namespace

void JsonReporter::Write(const CheckReport& report, std::ostream& out) const {
  Json j;
  j["tool"] = {{"name", "s75check"}, {"version", report.tool_version}};
  j["as_of"] = report.as_of.ToString();
  j["files"] = Json::array();
  for (const FileResult& file : report.files) {
    Json f;
    f["path"] = file.path;
    f["agreement_id"] = file.agreement_id.empty() ? Json(nullptr) : Json(file.agreement_id);
    f["checked"] = file.checked;
    f["findings"] = Json::array();
    for (const Finding& finding : file.findings) {
      f["findings"].push_back(FindingJson(finding));
    }
    j["files"].push_back(std::move(f));
  }
  Summary s = report.Summarize();
  j["summary"] = {{"files", s.files}, {"unreadable", s.unreadable},
                  {"error", s.error}, {"warning", s.warning},
                  {"info", s.info},   {"waived", s.waived}};
  if (report.baseline_used) {
    j["summary"]["baselined"] = s.baselined;
  }
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace s75
