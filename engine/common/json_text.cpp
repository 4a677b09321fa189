#include "common/json_text.h"

#include <algorithm>

namespace s75 {

namespace {

// nlohmann's message without its "[json.exception...] parse error at ...: " prefix.
std::string ParseErrorText(const std::string& what) {
  size_t at = what.find("parse error");
  size_t colon = at == std::string::npos ? at : what.find(": ", at);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// The number of nlohmann's "number overflow parsing '1e400'", or "".
std::string OverflowedNumber(const std::string& what) {
  size_t open = what.find("parsing '");
  size_t close = open == std::string::npos ? open : what.find('\'', open + 9);
  return close == std::string::npos ? "" : what.substr(open + 9, close - open - 9);
}

// The 1-based line and byte column of `offset` in `text`.
std::pair<int, int> LineAndColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  return {line, static_cast<int>(offset - line_start) + 1};
}

}  // namespace

std::optional<nlohmann::ordered_json> ParseJson(std::string_view text, JsonProblem& problem) {
  try {
    return nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    std::tie(problem.line, problem.column) = LineAndColumn(text, e.byte == 0 ? 0 : e.byte - 1);
    problem.what = ParseErrorText(e.what());
  } catch (const nlohmann::ordered_json::out_of_range& e) {  // 1e400
    std::string number = OverflowedNumber(e.what());
    size_t at = number.empty() ? std::string_view::npos : text.find(number);
    std::tie(problem.line, problem.column) =
        at == std::string_view::npos ? std::pair{0, 0} : LineAndColumn(text, at);
    problem.what = "the number " + number + " is too large to read";
  }
  return std::nullopt;
}

}  // namespace s75
