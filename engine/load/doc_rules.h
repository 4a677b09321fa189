// The DOC family: document errors the loader reports itself.
#pragma once

#include <string>
#include <string_view>

#include "common/finding.h"

namespace s75 {

struct DocRule {
  std::string_view id;
  std::string_view slug;
  Severity severity;
  std::string_view title;
};

// The DOC rules of the catalogue, DOC.01 to DOC.08.
const std::vector<DocRule>& DocRules();

// A finding of DOC rule `id` at a place in `file`.
Finding DocFinding(std::string_view id, const std::string& file, int line, int column,
                   std::string path, std::string message);

}  // namespace s75
