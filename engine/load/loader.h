// The load stage: a file (or text) in, a validated Document and its DOC
// findings out.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "load/document.h"
#include "load/limits.h"

namespace s75 {

struct LoadResult {
  std::unique_ptr<Document> document;  // always set; root may be null
  std::vector<Finding> findings;       // DOC findings
  bool checked = false;                // false: the rules cannot run at all
  std::string agreement_id;            // `agreement.id` when valid, else ""
};

// Reads and validates the agreement at `path`. Never throws for bad input:
// an unreadable file is a DOC.07 finding. With `text_out`, the file's text as it
// was read and loaded is also put there (when it could be read), for a
// command that rewrites it: the file is read once, so text and document
// cannot disagree.
LoadResult LoadAgreementFile(const std::string& path, const LoadLimits& limits,
                             std::string* text_out = nullptr);

// Why `path`, which is not a regular file that can be read, cannot be
// checked: a dangling symbolic link, a loop of them, a FIFO or device, a
// directory, or `error` from looking it up.
std::string NotAFile(const std::string& path, const std::filesystem::file_status& status,
                     const std::error_code& error);

// Validates agreement text that claims to come from `file`.
LoadResult LoadAgreementText(std::string_view text, const std::string& file,
                             const LoadLimits& limits);

}  // namespace s75
