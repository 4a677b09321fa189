// The collect stage of the pipeline: the agreement files a sweep checks, and
// a DOC.07 result for each named or found path that cannot be checked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "driver/exclude.h"
#include "report/check_report.h"

namespace s75 {

// The agreement files named by `paths`: files as given, directories searched
// recursively for *.yaml and *.yml (hidden entries skipped), sorted. A path
// that does not exist, an agreement-named entry found in a directory that is
// not a readable file (a dangling link, a link loop, a FIFO), and a directory
// that cannot be read become DOC.07 results in `missing` (links to
// directories are not followed). Paths that `exclude` excludes, named or
// found, are left out silently.
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>& missing,
                                      const PathExclusion& exclude = PathExclusion());

// A path a sweep reports on: a file to check, or one that cannot be checked,
// its DOC.07 result already made.
struct SweepEntry {
  std::string path;
  std::optional<FileResult> unreadable;
};

// CollectFiles' files and missing paths together, in path order. No `paths`
// means the current directory.
std::vector<SweepEntry> CollectEntries(const std::vector<std::string>& paths,
                                       const PathExclusion& exclude);

}  // namespace s75
