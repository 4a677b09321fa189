# Writes OUTPUT, a C++ file holding every rule file in RULES_DIR as data, so
# that the built-in packs are compiled into the binary.
file(GLOB_RECURSE rule_files RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.rules")
list(SORT rule_files)
set(body "")
foreach(name IN LISTS rule_files)
  file(READ "${RULES_DIR}/${name}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "  {\"rules/${name}\", std::string({${bytes}})},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from rules/*.rules by cmake/embed_rules.cmake; do not edit.
#include <string>
#include <vector>

#include \"driver/packs.h\"

namespace s75 {

std::vector<RuleSource> BuiltinRuleSources() {
  return {
${body}  };
}

}  // namespace s75
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
