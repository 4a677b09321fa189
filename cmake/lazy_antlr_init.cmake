# Makes the ANTLR-generated lexer and parser build their ATN on first use
# rather than at program start.
#
#   cmake -DFILE=S75RulesLexer.cpp -P lazy_antlr_init.cmake
#
# The 4.7.2 generator defines a static `Initializer _init` per recogniser whose
# constructor deserialises the ATN: 2.7 million instructions at every start,
# though s75check reads its built-in packs from a snapshot and runs ANTLR only
# for --rules and `s75check test`. The definition of `_init` is removed and the
# recogniser's constructor builds a function-local static Initializer instead
# (C++ makes that thread-safe). A generator that writes something else fails
# the build here rather than starting slowly unnoticed.
set(file "${FILE}")
file(READ "${file}" text)
if(NOT text MATCHES "\n([A-Za-z0-9_]+)::Initializer ([A-Za-z0-9_]+)::_init;")
  message(FATAL_ERROR "${file}: no `X::Initializer X::_init;` to make lazy (has the ANTLR generator changed?)")
endif()
set(class "${CMAKE_MATCH_1}")
string(REPLACE "\n${class}::Initializer ${class}::_init;"
       "\n// _init: built on first use, in the constructor (cmake/lazy_antlr_init.cmake)." text "${text}")
string(REGEX MATCH "\n${class}::${class}\\([^)]*\\) : (Lexer|Parser)\\(input\\) {\n" ctor "${text}")
if(ctor STREQUAL "")
  message(FATAL_ERROR "${file}: no constructor of ${class} to build the ATN in")
endif()
string(REPLACE "${ctor}" "${ctor}  static const Initializer init;  // cmake/lazy_antlr_init.cmake\n"
       text "${text}")
file(WRITE "${file}" "${text}")
