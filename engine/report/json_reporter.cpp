#include "report/json_reporter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "report/facts_json.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

// Writes JSON a member or item at a time in exactly the layout nlohmann's
// dump(2) gives, so that a sweep's report need not build a tree per finding.
class Writer {
 public:
  // `indent`: the indentation of the line the first bracket is written on.
  Writer(std::string& out, int indent) : out_(out), indent_(indent) {}

  Writer& Open(char bracket) {
    out_ += bracket;
    open_.push_back({bracket == '{' ? '}' : ']', true});
    return *this;
  }
  Writer& Close() {
    if (!open_.back().empty) {
      NewLine(0);
    }
    out_ += open_.back().close;
    open_.pop_back();
    return *this;
  }
  // The next member of the innermost object, up to its value.
  Writer& Key(std::string_view key) {
    Item();
    String(key);
    out_ += ": ";
    return *this;
  }
  // The start of the next item of the innermost array.
  Writer& Item() {
    out_ += open_.back().empty ? "" : ",";
    open_.back().empty = false;
    NewLine(2);
    return *this;
  }
  Writer& String(std::string_view text) {
    bool plain = std::all_of(text.begin(), text.end(),
                             [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
    if (plain) {
      out_.append(1, '"').append(text).append(1, '"');
    } else {  // escapes and UTF-8 checks as nlohmann writes them
      out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return *this;
  }
  Writer& OptionalString(std::string_view text) {
    return text.empty() ? Raw("null") : String(text);
  }
  Writer& Int(long number) { return Raw(std::to_string(number)); }
  Writer& Bool(bool value) { return Raw(value ? "true" : "false"); }
  Writer& Raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // The indentation dump(2) gives the lines of a value written here.
  int Indent() const { return indent_ + 2 * static_cast<int>(open_.size()); }

 private:
  struct Level {
    char close;
    bool empty;
  };
  void NewLine(int more) {
    out_ += '\n';
    out_.append(static_cast<size_t>(indent_ + more) + 2 * open_.size() - 2, ' ');
  }
  std::string& out_;
  int indent_;
  std::vector<Level> open_;
};

void WriteFinding(Writer& w, const Finding& f) {
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
  std::string text = first_file_ ? "\n    " : ",\n    ";
  Writer w(text, 4);
  w.Open('{');
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
  w.Close();
  out << text;
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
