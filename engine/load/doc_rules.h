// The DOC family: document errors the loader reports itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/builtin_rule.h"

namespace s75 {

// The DOC rules of the catalogue, DOC.01 to DOC.09, documented.
const std::vector<BuiltinRule>& DocRules();

// A finding of DOC rule `id` at a place in `file`.
Finding DocFinding(std::string_view id, const std::string& file, int line, int column,
                   std::string path, std::string message);

}  // namespace s75
