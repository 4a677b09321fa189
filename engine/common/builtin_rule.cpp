#include "common/builtin_rule.h"

namespace s75 {

Finding MakeFinding(const BuiltinRule& rule, const std::string& file, int line, int column,
                    std::string path, std::string message) {
  Finding f;
  f.rule = std::string(rule.id);
  f.slug = std::string(rule.slug);
  f.severity = rule.severity;
  f.message = std::move(message);
  f.range = SourceRange{file, line, column};
  f.path = std::move(path);
  f.references = {std::string(rule.reference)};
  return f;
}

ExpectedFinding ExpectFinding(std::string_view rule, std::string path, int line) {
  ExpectedFinding e;
  e.rule = std::string(rule);
  e.path = std::move(path);
  e.line = line;
  return e;
}

}  // namespace s75
