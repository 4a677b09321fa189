// The compiled built-in program as bytes, made at build time (like the parse
// tree's snapshot, parse/snapshot.h), so that a check with only the built-in
// rules neither parses nor compiles them at start: compiling them was 40 per
// cent of a one-file check's instructions (docs/performance.md).
//
// It serves runs without --rules and --extra-rules only: a local pack may
// import the built-in files' definitions, which the program has inlined away,
// so those runs compile the parse tree's snapshot with their own files. The
// program's types (the compiler's own, for its messages and its loop-invariant
// pass) are not kept: nothing after compiling reads them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "compile/pack.h"

namespace s75 {

// The bytes of `pack`.
std::string SaveProgram(const CompiledPack& pack);

// The pack saved in `bytes`; null when the bytes are not a program of this
// version (a build mistake, not a user's).
std::unique_ptr<const CompiledPack> LoadProgram(std::string_view bytes);

}  // namespace s75
