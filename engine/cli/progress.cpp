#include "cli/progress.h"

#include <unistd.h>

namespace s75 {

namespace {

// "A moment": a run shorter than this shows no progress at all.
constexpr auto kMoment = std::chrono::milliseconds(500);
constexpr auto kRedraw = std::chrono::milliseconds(100);

}  // namespace

Progress::Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

void Progress::Start(std::size_t total) {
  total_ = total;
  done_ = 0;
  start_ = Clock::now();
  last_draw_ = start_;
}

void Progress::Step() {
  ++done_;
  if (!enabled_) {
    return;
  }
  Clock::time_point now = Clock::now();
  if (now - start_ < kMoment || now - last_draw_ < kRedraw) {
    return;
  }
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  err_ << "\rs75check: " << done_ << " of " << total_ << " files ("
       << static_cast<long long>(static_cast<double>(done_) / seconds) << "/s)\x1b[K" << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) {
    err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
  }
}

bool ShouldShowProgress(bool quiet) { return !quiet && isatty(STDERR_FILENO) == 1; }

std::string TerminalRefusal(std::string_view format, const std::string& output) {
  if ((format != "xlsx" && format != "docx") || !output.empty() || isatty(STDOUT_FILENO) != 1) {
    return "";
  }
  return std::string(format == "xlsx" ? "an xlsx workbook" : "a Word document") +
         " is not written to a terminal: name a file with -o FILE." + std::string(format) +
         ", or redirect stdout to one";
}

}  // namespace s75
