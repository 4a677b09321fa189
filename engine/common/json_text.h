// Reading JSON that people and other tools wrote: baselines and saved reports.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace s75 {

// Where and why a text is not JSON that can be read.
struct JsonProblem {
  int line = 0;    // 1-based; 0 when the place is not known
  int column = 0;  // 1-based, in bytes
  std::string
      what;  // "syntax error while parsing value - ...", "the number 1e400 is too large to read"
};

// Parses `text` (keys kept in order); nullopt and `problem` when it is not
// JSON, or holds a number too large for a double (nlohmann throws
// out_of_range for 1e400, not parse_error: both are caught here, once).
std::optional<nlohmann::ordered_json> ParseJson(std::string_view text, JsonProblem& problem);

}  // namespace s75
