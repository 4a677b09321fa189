// Baselines: the findings a repository has accepted for now, recorded so
// that a later check reports only new ones. A finding is matched on its file,
// rule, YAML path and message, never its line, so edits elsewhere in a file do
// not bring old findings back; matching counts, so a baseline entry with
// `count: 2` absorbs at most two identical findings.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/diagnostic.h"
#include "report/check_report.h"

namespace s75 {

// The baseline format this build reads and writes.
inline constexpr int kBaselineVersion = 1;

// One accepted finding (or several identical ones).
struct BaselineEntry {
  std::string file;     // relative to the baseline file's directory, forward slashes
  std::string rule;     // "T1.07"
  std::string path;     // the finding's YAML path; "" for the document
  std::string message;  // with the run's as-of date written as {as_of}
  int count = 1;        // how many identical findings it absorbs
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by file, rule, path, message; no two alike
};

// What a finding is matched on: file, rule, YAML path, message.
using BaselineKey = std::tuple<std::string, std::string, std::string, std::string>;

// The key a baseline records `f` under as a finding of `file` in a run as of
// `as_of`: its message with each mention of that date written {as_of}, so
// the same fault found on another day is the same finding.
BaselineKey BaselineKeyOf(const std::string& file, const Finding& f, Date as_of);

// Records a baseline a file at a time, as a sweep streams past.
class BaselineRecorder {
 public:
  BaselineRecorder(std::filesystem::path dir, Date as_of);
  // Adds the file's unwaived findings (none if it could not be checked).
  void Add(const FileResult& file);
  // The baseline of every file added.
  Baseline Finish() const;

 private:
  std::filesystem::path dir_;
  std::string as_of_;
  std::map<BaselineKey, int> counts_;
};

// Removes baselined findings a file at a time.
class BaselineFilter {
 public:
  BaselineFilter(const Baseline& baseline, std::filesystem::path dir, Date as_of);
  // Removes from `file` the findings the baseline holds, at most `count` per
  // entry over the whole run, and counts them in `file.baselined`.
  void Apply(FileResult& file);

 private:
  std::filesystem::path dir_;
  std::string as_of_;
  std::map<BaselineKey, int> remaining_;
};

// Removes from `file` every finding a baseline of it would record, counting
// them in `file.baselined`: what filtering by the baseline being written does.
void BaselineWholeFile(FileResult& file);

// The baseline of `report`: every unwaived finding of the files that were
// checked, with file paths relative to the absolute directory `dir`.
// Waived findings are already accepted, and a file that could not be checked
// is never baselined (it must keep failing).
Baseline MakeBaseline(const CheckReport& report, const std::filesystem::path& dir);

// The baseline as indented JSON ending in a newline; equal baselines give
// identical bytes.
std::string BaselineJson(const Baseline& baseline);

// Reads baseline JSON that came from `file`. On a syntax error, a wrong shape
// or an unknown version returns nullopt and sets `error` (located at the line
// and column where the JSON is malformed, otherwise naming the entry).
// Repeated entries are merged, their counts added.
std::optional<Baseline> ParseBaseline(std::string_view text, const std::string& file,
                                      Diagnostic& error);

// Removes from `report` the findings `baseline` holds (file paths resolved
// against the absolute directory `dir`), at most `count` per entry, and counts
// them in each FileResult's `baselined`. Waived findings and the findings of
// files that could not be checked are never removed.
void ApplyBaseline(const Baseline& baseline, const std::filesystem::path& dir, CheckReport& report);

}  // namespace s75
