// Progress of a sweep on stderr, only when stderr is a terminal and the run
// takes more than a moment (cli.md): "s75check: 1200 of 10000 files (410/s)".
// Silent in CI and pre-commit, where stderr is a pipe or a file.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace s75 {

class Progress {
 public:
  // Shows progress on `err` if `enabled` (use ShouldShowProgress).
  Progress(std::ostream& err, bool enabled);
  // The number of files the sweep will check.
  void Start(std::size_t total);
  // One more file is done; redraws at most ten times a second.
  void Step();
  // Clears the line, if anything was drawn.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool enabled_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

// True when stderr is a terminal and the user did not ask for quiet.
bool ShouldShowProgress(bool quiet);

// Why a report in `format` is not written to stdout when it is a terminal (a
// binary format, xlsx or docx, would only garble it), or "" when it may be: a
// file named by -o (`output`), a text format, or stdout a pipe or a file.
std::string TerminalRefusal(std::string_view format, const std::string& output);

}  // namespace s75
