// The settings file `.s75check.yaml`: defaults for `check` (fail-on, select,
// ignore, extra-rules, exclude, format, baseline, the loader's limits) that command-line flags
// override. Found in the current directory or the nearest parent, or named
// with --config.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "common/diagnostic.h"

namespace s75 {

// The name of the settings file looked for.
inline constexpr std::string_view kConfigFileName = ".s75check.yaml";

// The settings a file gives; unset ones leave the command's defaults alone.
// Paths are already resolved against the file's directory.
struct CheckConfig {
  std::string dir;  // the file's directory ("" for the current one)
  std::optional<std::string> fail_on;
  std::optional<std::string> format;
  std::optional<std::vector<std::string>> select;  // ids or families, comma-separated or not
  std::optional<std::vector<std::string>> ignore;
  std::string select_label;  // "FILE:LINE:COL: select", for messages about an unknown id
  std::string ignore_label;
  std::optional<std::vector<std::string>> extra_rules;  // directories
  std::optional<std::vector<std::string>> exclude;      // globs relative to `dir`
  std::optional<std::string> baseline;                  // file
  // The loader's limits (max-file-size, max-depth, max-nodes, max-string-length).
  std::optional<size_t> max_file_size;
  std::optional<int> max_depth;
  std::optional<size_t> max_nodes;
  std::optional<size_t> max_string_length;
};

// The absolute path of the nearest settings file: in `start` or the closest
// directory above it, up to the filesystem root; nullopt when there is none.
std::optional<std::filesystem::path> FindConfigFile(const std::filesystem::path& start);

// Parses settings `text` read from `file` (relative paths in it are resolved
// against the directory of `file`). On a YAML syntax error, a key that is
// unknown or repeated, or a value of the wrong type or outside its choices,
// returns nullopt and sets `error` at the offending line and column.
std::optional<CheckConfig> ParseConfig(std::string_view text, const std::string& file,
                                       Diagnostic& error);

// Copies into `cmd` each setting of `config` whose flag was not given on the
// command line (`given("fail-on")`). `--select` replaces the file's select
// and drops its ignore; --baseline or --write-baseline drop its baseline.
void ApplyConfig(const CheckConfig& config, const std::function<bool(std::string_view)>& given,
                 CheckCommand& cmd);

// Which settings file `check` reads: --config FILE, --no-config, or the
// nearest `.s75check.yaml`.
struct ConfigChoice {
  std::string file;   // --config; "" to look for one
  bool none = false;  // --no-config
};

// Finds (unless named or refused), reads, parses and applies the settings
// file to `cmd` as ApplyConfig does. Returns false, having written the error
// with the file's name and line to `err`, when it is missing or bad.
bool LoadConfig(const ConfigChoice& choice, const std::function<bool(std::string_view)>& given,
                CheckCommand& cmd, std::ostream& err);

}  // namespace s75
