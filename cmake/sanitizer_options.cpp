// Default options of the sanitizer build (cmake/sanitize.cmake), linked into
// every executable: a report aborts (SIGABRT, never an exit status a test
// could expect, such as s75check's 1) with a stack trace. ASAN_OPTIONS and
// UBSAN_OPTIONS in the environment still override them.

// NOLINTBEGIN(bugprone-reserved-identifier): the names the runtimes look up
extern "C" const char* __asan_default_options() {
  return "abort_on_error=1:detect_leaks=1:strict_string_checks=1:"
         "detect_stack_use_after_return=1:check_initialization_order=1";
}

extern "C" const char* __ubsan_default_options() {
  return "abort_on_error=1:print_stacktrace=1:halt_on_error=1";
}
// NOLINTEND(bugprone-reserved-identifier)
