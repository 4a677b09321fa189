// A shared library opened when an output first needs it, not at start-up.
//
// libxlsxwriter (Excel) and libzip (the Word package) each bring libcrypto with
// them. Linked into the binary, the dynamic loader resolved some 4,000 of their
// symbols at every start, about 4 ms that a one-file check (what a pre-commit
// hook waits for) paid though only `--format xlsx` and `render --format docx`
// use them (bench/latency.sh). So they are opened with dlopen on first use, and
// each function is typed from its own header's declaration:
//
//   #define S75_ZIP_FUNCTIONS(X) X(zip_close) X(zip_discard)
//   struct ZipFunctions { S75_ZIP_FUNCTIONS(S75_LATE_MEMBER) };
//   std::string BindZip(const LateLibrary& library, ZipFunctions& functions) {
//     S75_ZIP_FUNCTIONS(S75_LATE_BIND)
//     return "";
//   }
//   static const LateBound<ZipFunctions> zip(S75_LIBZIP_SONAME, "...", BindZip);
//   if (!zip.failure().empty()) ...;  zip.functions().zip_close(za);
//
// The library's file name is its SONAME as the build found it (CMake reads it
// from the library it would have linked), so the ABI is the one compiled against.
#pragma once

#include <string>
#include <utility>

namespace s75 {

class LateLibrary {
 public:
  // `soname` ("libzip.so.4"); `what` says what needs it and which Debian package
  // installs it, for the message if it cannot be opened.
  LateLibrary(const char* soname, const char* what) : soname_(soname), what_(what) {}
  LateLibrary(const LateLibrary&) = delete;
  LateLibrary& operator=(const LateLibrary&) = delete;

  // Opens the library if it is not open: "" or why not.
  std::string Open();

  // Points `fn` at the symbol `name` of the opened library; false if it has none.
  template <typename Fn>
  bool Bind(Fn& fn, const char* name) const {
    void* address = Symbol(name);
    fn = reinterpret_cast<Fn>(address);  // dlsym's contract: a function's address
    return address != nullptr;
  }

  // Why `name` could not be bound.
  std::string Missing(const char* name) const;

 private:
  void* Symbol(const char* name) const;

  const char* soname_;
  const char* what_;
  void* handle_ = nullptr;
};

// A library's function table, opened and bound once (construct it as a
// function's static, which C++ makes thread-safe).
template <typename Functions>
class LateBound {
 public:
  using BindAll = std::string (*)(const LateLibrary&, Functions&);

  LateBound(const char* soname, const char* what, BindAll bind_all) : library_(soname, what) {
    failure_ = library_.Open();
    if (failure_.empty()) {
      failure_ = bind_all(library_, functions_);
    }
  }

  // "" if every function is bound, else why not (the library or a function missing).
  const std::string& failure() const { return failure_; }
  // The functions; only when failure() is "".
  const Functions& functions() const { return functions_; }

 private:
  LateLibrary library_;
  Functions functions_;
  std::string failure_;
};

}  // namespace s75

// A member of a function table: a pointer typed as the header declares `fn`.
#define S75_LATE_MEMBER(fn) \
  decltype(&::fn) fn = nullptr;  // NOLINT(bugprone-macro-parentheses): a name
// In a BindAll(library, functions): binds `fn` or returns why it cannot.
#define S75_LATE_BIND(fn)                 \
  if (!library.Bind(functions.fn, #fn)) { \
    return library.Missing(#fn);          \
  }
