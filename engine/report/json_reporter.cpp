#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

#include "report/facts_json.h"

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

// `j` as dump(2) writes it, every line after the first indented `indent` more.
std::string Dump(const Json& j, int indent) {
  std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string pad = "\n" + std::string(static_cast<size_t>(indent), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t from = 0; from < text.size();) {
    size_t eol = text.find('\n', from);
    if (eol == std::string::npos) {
      out.append(text, from);
      break;
    }
    out.append(text, from, eol - from).append(pad);
    from = eol + 1;
  }
  return out;
}

}  // namespace

// Written a file at a time, in exactly the layout nlohmann's dump(2) gives the
// whole object, so the output is the same as building it all and dumping it.
void JsonReporter::Begin(const CheckReport& run, std::ostream& out) {
  Json head;
  head["tool"] = {{"name", "s75check"}, {"version", run.tool_version}};
  head["as_of"] = run.as_of.ToString();
  std::string text = Dump(head, 0);
  out << text.substr(0, text.size() - 2) << ",\n  \"files\": [";
  first_file_ = true;
}

void JsonReporter::File(const FileResult& file, std::ostream& out) {
  Json f;
  f["path"] = file.path;
  f["agreement_id"] = file.agreement_id.empty() ? Json(nullptr) : Json(file.agreement_id);
  f["checked"] = file.checked;
  f["findings"] = Json::array();
  for (const Finding& finding : file.findings) {
    f["findings"].push_back(FindingJson(finding));
  }
  if (facts_ && file.facts) {
    f["facts"] = FactsJson(*file.facts);
  }
  out << (first_file_ ? "\n    " : ",\n    ") << Dump(f, 4);
  first_file_ = false;
}

void JsonReporter::End(const CheckReport& run, const Summary& total, std::ostream& out) {
  Json s = {{"files", total.files}, {"unreadable", total.unreadable},
            {"error", total.error}, {"warning", total.warning},
            {"info", total.info},   {"waived", total.waived}};
  if (run.baseline_used) {
    s["baselined"] = total.baselined;
  }
  out << (first_file_ ? "]" : "\n  ]") << ",\n  \"summary\": " << Dump(s, 2) << "\n}\n";
}

}  // namespace s75
