# Writes OUTPUT, a libFuzzer dictionary: the entries of the committed BASE
# dictionary, then the words the engine knows, taken from SOURCE, once each.
# KIND yaml: the agreement format's keys and vocabularies, the lower-case
# string literals of engine/schema/format.cpp. KIND rules: the grammar's
# keywords and operators, the quoted literals of grammar/S75Rules.g4.
if(KIND STREQUAL "yaml")
  set(regex "\"([a-z][a-z0-9_]*)\"")
else()
  set(regex "'([^'\\\\\n ]+)'")
endif()
file(READ "${BASE}" text)
file(READ "${SOURCE}" rest)
string(APPEND text "\n# Generated from ${SOURCE} by cmake/fuzz_dict.cmake.\n")
# Not a CMake list: the grammar's `[`, `]` and `;` would break one.
while(rest MATCHES "${regex}")
  set(word "${CMAKE_MATCH_1}")
  string(FIND "${rest}" "${CMAKE_MATCH_0}" at)
  string(LENGTH "${CMAKE_MATCH_0}" length)
  math(EXPR at "${at} + ${length}")
  string(SUBSTRING "${rest}" ${at} -1 rest)
  string(REPLACE "\\" "\\\\" word "${word}")
  string(REPLACE "\"" "\\\"" word "${word}")
  string(FIND "${text}" "\n\"${word}\"\n" seen)
  if(seen EQUAL -1)
    string(APPEND text "\"${word}\"\n")
  endif()
endwhile()
file(WRITE "${OUTPUT}.tmp" "${text}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
