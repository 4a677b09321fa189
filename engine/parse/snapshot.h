// Parsed rule files as bytes, so that the built-in packs are parsed once at
// build time rather than by ANTLR at every start (a pre-commit run checks one
// file; parsing the packs would cost more than the check).
//
// A snapshot holds the parser's output exactly, and compiling it gives the
// same pack as parsing the sources (tests/unit/driver_test.cpp). A run with
// only the built-in packs starts from the compiled program's snapshot instead
// (compile/program_snapshot.h); this one serves runs with --rules or
// --extra-rules, as a local pack may import the built-in files' definitions,
// which the program has inlined away. The bytes are read and written by
// parse/snapshot_io.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/ast.h"

namespace s75 {

// The bytes of `files`, as parsed (before compiling).
std::string SaveSnapshot(const RuleFiles& files);

// The files saved in `bytes`; nullopt when the bytes are not a snapshot of
// this version (a build mistake, not a user's).
std::optional<RuleFiles> LoadSnapshot(std::string_view bytes);

}  // namespace s75
