#include "report/json_reporter.h"

#include <nlohmann/json.hpp>
#include <string>

#include "report/facts_json.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

void WriteFinding(JsonWriter& w, const Finding& f) {
  w.Open('{');
  w.Key("rule").String(f.rule);
  w.Key("slug").String(f.slug);
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("message").String(f.message);
  w.Key("location").Open('{');
  w.Key("line").Int(f.range.line);
  w.Key("column").Int(f.range.column);
  w.Key("path").String(f.path).Close();
  w.Key("references").Open('[');
  for (const std::string& reference : f.references) {
    w.Item().String(reference);
  }
  w.Close();
  w.Key("waived").Bool(f.waived());
  if (f.waiver) {
    w.Key("waiver").Open('{');
    w.Key("reason").String(f.waiver->reason);
    w.Key("approved_by").String(f.waiver->approved_by);
    w.Key("expires").OptionalString(f.waiver->expires).Close();
  }
  w.Close();
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

void JsonReporter::Begin(const CheckReport& run, std::ostream& out) {
  writer_.Open('{');
  writer_.Key("tool").Open('{');
  writer_.Key("name").String("s75check");
  writer_.Key("version").String(run.tool_version).Close();
  writer_.Key("as_of").String(run.as_of.ToString());
  writer_.Key("files").Open('[');
  writer_.WriteTo(out);
}

void JsonReporter::File(const FileResult& file, std::ostream& out) {
  JsonWriter& w = writer_.Item().Open('{');
  w.Key("path").String(file.path);
  w.Key("agreement_id").OptionalString(file.agreement_id);
  w.Key("checked").Bool(file.checked);
  w.Key("findings").Open('[');
  for (const Finding& finding : file.findings) {
    WriteFinding(w.Item(), finding);
  }
  w.Close();
  if (facts_ && file.facts) {
    w.Key("facts").Raw(Dump(FactsJson(*file.facts), w.Indent()));
  }
  w.Close().WriteTo(out);
}

void JsonReporter::End(const CheckReport& run, const Summary& total, std::ostream& out) {
  JsonWriter& w = writer_.Close();  // the files
  w.Key("summary").Open('{');
  w.Key("files").Int(total.files);
  w.Key("unreadable").Int(total.unreadable);
  w.Key("error").Int(total.error);
  w.Key("warning").Int(total.warning);
  w.Key("info").Int(total.info);
  w.Key("waived").Int(total.waived);
  if (run.baseline_used) {
    w.Key("baselined").Int(total.baselined);
  }
  w.Close().Close().Raw("\n").WriteTo(out);
}

}  // namespace s75
