#include "driver/collect.h"

#include <algorithm>
#include <filesystem>

#include "common/rule_ids.h"
#include "load/doc_rules.h"
#include "load/loader.h"

namespace s75 {

namespace fs = std::filesystem;

namespace {

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool AgreementExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// A path that cannot be checked: a DOC.07 result saying why.
FileResult Unreadable(const std::string& path, std::string message) {
  FileResult r;
  r.path = path;
  r.findings.push_back(DocFinding(kDocUnreadable, path, 0, 0, "", std::move(message)));
  return r;
}

// Adds the agreement files below `root` to `out`, one directory at a time (no
// recursion, so no depth of directories can exhaust the stack). Symbolic
// links to directories are not followed, so a link loop cannot trap the walk.
// An agreement-named entry that is not a readable file (a dangling link, a
// link loop, a FIFO) and a directory that cannot be read are DOC.07 results
// in `missing`: a sweep never drops a file silently.
void Walk(const fs::path& root, const PathExclusion& exclude, std::vector<std::string>& out,
          std::vector<FileResult>& missing) {
  std::vector<fs::path> dirs{root};
  while (!dirs.empty()) {
    fs::path dir = std::move(dirs.back());
    dirs.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (Hidden(p) || exclude.Excludes(p.string())) {
        continue;
      }
      std::error_code entry_error;
      if (fs::is_directory(it->symlink_status(entry_error))) {
        dirs.push_back(p);
        continue;
      }
      if (!AgreementExtension(p)) {
        continue;
      }
      fs::file_status target = it->status(entry_error);
      if (fs::is_regular_file(target)) {
        out.push_back(p.string());
      } else if (!fs::is_directory(target)) {
        missing.push_back(Unreadable(p.string(), NotAFile(p.string(), target, entry_error)));
      }
    }
    if (ec) {
      missing.push_back(Unreadable(dir.string(), "cannot read the directory: " + ec.message()));
    }
  }
}

}  // namespace

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>& missing,
                                      const PathExclusion& exclude) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (exclude.Excludes(p)) {
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(p, ec);
    if (fs::is_directory(status)) {
      Walk(p, exclude, files, missing);
    } else if (fs::exists(status)) {
      files.push_back(p);
    } else {
      missing.push_back(Unreadable(p, NotAFile(p, status, ec)));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::vector<SweepEntry> CollectEntries(const std::vector<std::string>& paths,
                                       const PathExclusion& exclude) {
  std::vector<FileResult> missing;
  std::vector<SweepEntry> entries;
  const std::vector<std::string> here{"."};
  for (std::string& f : CollectFiles(paths.empty() ? here : paths, missing, exclude)) {
    entries.push_back({std::move(f), std::nullopt});
  }
  for (FileResult& m : missing) {
    entries.push_back({m.path, std::move(m)});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const SweepEntry& a, const SweepEntry& b) { return a.path < b.path; });
  return entries;
}

}  // namespace s75
