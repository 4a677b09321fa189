// The migrate stage: a format 1 agreement rewritten in format 2
// (agreement-format-2.md, "Format 1 keeps working"). The text of the file is
// edited, not re-emitted from the tree, because yaml-cpp drops comments and a
// lawyer's comments are part of the draft: `host`,
// `management.pooled_fund_manager` and the fund keys of `finance` are cut out
// with their comments and written, re-indented, as the fund `main` of a new
// `funds` section, and `format` becomes `s75check/2`. Every other byte stays.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"
#include "load/limits.h"

namespace s75 {

// Something about a migration the user should know, at a place in the
// original file (line 0 when it concerns the whole file).
struct MigrationNote {
  int line = 0;
  int column = 0;
  std::string message;
};

struct Migration {
  bool migrated = false;             // false: nothing to write; `failure` says why
  bool unchanged = false;            // already format 2: `text` is the file as it is
  std::string text;                  // the agreement in format 2 (when migrated)
  MigrationNote failure;             // why it could not be migrated
  std::vector<MigrationNote> notes;  // what was added or reads differently; check these
};

// Migrates the agreement file whose whole text (a byte order mark allowed)
// is `text` and which the loader read, checked, as `doc`. A format 2 `doc`
// is returned unchanged. The result is loaded again before it is returned:
// text that would not read as a format 2 agreement is never returned.
Migration MigrateToFormat2(std::string_view text, const Document& doc, const LoadLimits& limits);

}  // namespace s75
