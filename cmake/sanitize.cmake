# Sanitizer and fuzzing builds (docs/development.md, "Sanitizers and fuzzing").
#
# S75_SANITIZE builds everything (our code, the generated parser, the tests
# and tools) with AddressSanitizer and UndefinedBehaviorSanitizer; any report
# stops the program. S75_FUZZ builds the libFuzzer targets of tests/fuzz as
# well, and needs clang++; it implies the sanitizers, and adds the coverage
# instrumentation libFuzzer steers by to every library.
option(S75_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(S75_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang++; implies S75_SANITIZE)" OFF)

if(S75_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "S75_FUZZ needs clang's libFuzzer: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(S75_FUZZ)
  set(S75_SANITIZE ON CACHE BOOL "" FORCE)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(S75_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12's flow analysis under ASan warns that libstdc++'s own std::regex
  # internals (std_function.h, via regex_automaton.h) may be used
  # uninitialized; the ordinary build has no such warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

# Gives every executable below `dir` the sanitizers' default options
# (cmake/sanitizer_options.cpp), so that a report aborts the program and no
# test can mistake it for an ordinary exit status.
function(s75_sanitizer_options dir)
  if(NOT S75_SANITIZE)
    return()
  endif()
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "EXECUTABLE")
      target_sources(${t} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/sanitizer_options.cpp)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    s75_sanitizer_options(${sub})
  endforeach()
endfunction()

# Debian's antlr4-runtime 4.9 headers do not compile with clang:
# misc/InterpreterDataReader.h gives InterpreterData a constructor that calls
# the deleted default constructor of dfa::Vocabulary (g++ lets it pass while
# unused). With clang the parser is compiled against a copy of the headers in
# the build tree where that constructor is defaulted, so deleted; nothing of
# ours uses it, and the runtime library itself is unchanged.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(S75_ANTLR4_HEADERS ${CMAKE_BINARY_DIR}/antlr4-runtime)
  # Written only when it changes, so that configuring again rebuilds nothing.
  file(COPY ${ANTLR4_INCLUDE_DIR}/ DESTINATION ${S75_ANTLR4_HEADERS} PATTERN InterpreterDataReader.h
       EXCLUDE)
  file(READ ${ANTLR4_INCLUDE_DIR}/misc/InterpreterDataReader.h header)
  string(REPLACE "InterpreterData() {};" "InterpreterData() = default;" header "${header}")
  set(patched ${S75_ANTLR4_HEADERS}/misc/InterpreterDataReader.h)
  set(written "")
  if(EXISTS ${patched})
    file(READ ${patched} written)
  endif()
  if(NOT written STREQUAL header)
    file(WRITE ${patched} "${header}")
  endif()
  set(ANTLR4_INCLUDE_DIR ${S75_ANTLR4_HEADERS})
endif()
