// A JSON document written piece by piece, laid out as nlohmann's dump(2) lays
// out the whole (the JSON report, report/json_reporter.h).
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace s75 {

// Writes JSON a member or item at a time in exactly the layout nlohmann's
// dump(2) gives the whole document, so that a sweep's report is written as it
// goes and need not build a tree per finding. WriteTo() hands over what is written.
class JsonWriter {
 public:
  // Writes the text written since the last WriteTo() to `out`. The buffer is
  // kept for the text that follows: a new one for each file would be memory
  // the allocator has not handed out lately, cold in the cache.
  void WriteTo(std::ostream& out) {
    out << out_;
    out_.clear();
  }

  JsonWriter& Open(char bracket) {
    out_ += bracket;
    open_.push_back({bracket == '{' ? '}' : ']', true});
    return *this;
  }
  JsonWriter& Close() {
    if (!open_.back().empty) {
      NewLine(0);
    }
    out_ += open_.back().close;
    open_.pop_back();
    return *this;
  }
  // The next member of the innermost object, up to its value.
  JsonWriter& Key(std::string_view key) {
    Item();
    String(key);
    out_ += ": ";
    return *this;
  }
  // The start of the next item of the innermost array.
  JsonWriter& Item() {
    out_ += open_.back().empty ? "" : ",";
    open_.back().empty = false;
    NewLine(2);
    return *this;
  }
  JsonWriter& String(std::string_view text) {
    bool plain = std::all_of(text.begin(), text.end(),
                             [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
    if (plain) {
      out_.append(1, '"').append(text).append(1, '"');
    } else {  // escapes and UTF-8 checks as nlohmann writes them
      out_ += nlohmann::json(std::string(text))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return *this;
  }
  JsonWriter& OptionalString(std::string_view text) {
    return text.empty() ? Raw("null") : String(text);
  }
  JsonWriter& Int(long number) { return Raw(std::to_string(number)); }
  JsonWriter& Bool(bool value) { return Raw(value ? "true" : "false"); }
  JsonWriter& Raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // The indentation dump(2) gives the lines of a value written here.
  int Indent() const { return 2 * static_cast<int>(open_.size()); }

 private:
  struct Level {
    char close;
    bool empty;
  };
  void NewLine(int more) {
    out_ += '\n';
    out_.append(static_cast<size_t>(more) + 2 * open_.size() - 2, ' ');
  }
  std::string out_;
  std::vector<Level> open_;
};

}  // namespace s75
