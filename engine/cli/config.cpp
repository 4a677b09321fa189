#include "cli/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "common/paths.h"
#include "common/read_file.h"
#include "report/reporter.h"
#include "schema/format.h"

namespace s75 {

namespace fs = std::filesystem;

namespace {

// What is wrong with the settings, and where.
struct Problem {
  YAML::Mark mark;
  std::string message;
};

// `key: value` as read: the key's name and position, and the value.
struct Setting {
  std::string key;
  YAML::Mark key_mark;
  YAML::Node value;
};

// Where to point for `value`: its own position, or its key's for a null value
// (yaml-cpp places an empty value at the next token).
YAML::Mark MarkOf(const Setting& s) {
  return s.value.IsNull() || s.value.Mark().is_null() ? s.key_mark : s.value.Mark();
}

std::string Joined(const std::vector<std::string>& words, const std::string& last) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == words.size() ? " " + last + " " : ", ") + words[i];
  }
  return out;
}

// A scalar that must be one of `choices`.
std::optional<std::string> OneOf(const Setting& s, const std::vector<std::string>& choices,
                                 Problem& problem) {
  std::string text = s.value.IsScalar() ? s.value.Scalar() : "";
  if (std::find(choices.begin(), choices.end(), text) != choices.end()) {
    return text;
  }
  std::string near = s.value.IsScalar() ? ClosestName(text, choices) : "";
  problem = {MarkOf(s), "`" + s.key + "` takes " + Joined(choices, "or") +
                            (s.value.IsScalar() ? ", not '" + text + "'" : "") +
                            (near.empty() ? "" : "; did you mean '" + near + "'?")};
  return std::nullopt;
}

// A non-empty string, or a list of them; `what` names one ("a path glob").
std::optional<std::vector<std::string>> OneOrMany(const Setting& s, const std::string& what,
                                                  Problem& problem) {
  std::string takes = "`" + s.key + "` takes " + what + ", or a list of them";
  std::vector<YAML::Node> items;
  if (s.value.IsScalar()) {
    items.push_back(s.value);
  } else if (s.value.IsSequence()) {
    for (const YAML::Node& item : s.value) {
      items.push_back(item);
    }
  } else {
    problem = {MarkOf(s), takes};
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const YAML::Node& item : items) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      problem = {item.Mark().is_null() ? MarkOf(s) : item.Mark(),
                 takes + (item.IsScalar() ? "; this one is empty" : "; this item is not one")};
      return std::nullopt;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

// A whole number from 1 to `max`, for a limit of the loader.
template <typename T>
std::optional<T> Limit(const Setting& s, T max, Problem& problem) {
  std::string text = s.value.IsScalar() ? s.value.Scalar() : "";
  bool digits = !text.empty() && text.size() <= 19 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  unsigned long long n = digits ? std::stoull(text) : 0;
  if (n < 1 || n > static_cast<unsigned long long>(max)) {
    problem = {MarkOf(s), "`" + s.key + "` takes a whole number from 1 to " + std::to_string(max) +
                              (s.value.IsScalar() ? ", not '" + text + "'" : "")};
    return std::nullopt;
  }
  return static_cast<T>(n);
}

constexpr size_t kMaxBytes = size_t{1} << 40;  // far above any file, and no overflow

// `value` (a path in the settings file) resolved against the file's directory.
std::string Resolved(const std::string& dir, const std::string& value) {
  return (fs::path(dir) / value).lexically_normal().string();
}

std::vector<std::string> ResolvedAll(const std::string& dir, std::vector<std::string> values) {
  for (std::string& v : values) {
    v = Resolved(dir, v);
  }
  return values;
}

std::string Label(const std::string& file, const YAML::Mark& mark, const std::string& key) {
  return SourceRange{file, mark.line + 1, mark.column + 1}.ToString() + ": " + key;
}

std::vector<std::string> FormatNames() {
  std::vector<std::string> names;
  for (std::string_view f : ReportFormats()) {
    names.emplace_back(f);
  }
  return names;
}

// Reads one setting's value into the config; false with `problem` when bad.
using Reader = bool (*)(const Setting& s, const std::string& file, CheckConfig& config,
                        Problem& problem);

const std::string kRuleIds = "a rule id or family, a comma-separated string of them";

// The keys, in the order docs/baselines-and-settings.md lists them, and how each is read.
const std::vector<std::pair<std::string, Reader>> kReaders = {
    {"fail-on",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.fail_on = OneOf(s, {"error", "warning", "info", "never"}, p);
       return c.fail_on.has_value();
     }},
    {"select",
     [](const Setting& s, const std::string& file, CheckConfig& c, Problem& p) {
       c.select = OneOrMany(s, kRuleIds, p);
       c.select_label = Label(file, MarkOf(s), s.key);
       return c.select.has_value();
     }},
    {"ignore",
     [](const Setting& s, const std::string& file, CheckConfig& c, Problem& p) {
       c.ignore = OneOrMany(s, kRuleIds, p);
       c.ignore_label = Label(file, MarkOf(s), s.key);
       return c.ignore.has_value();
     }},
    {"extra-rules",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.extra_rules = OneOrMany(s, "a directory of rule files", p);
       if (c.extra_rules) {
         c.extra_rules = ResolvedAll(c.dir, *c.extra_rules);
       }
       return c.extra_rules.has_value();
     }},
    {"exclude",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.exclude = OneOrMany(s, "a path glob", p);
       return c.exclude.has_value();
     }},
    {"format",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.format = OneOf(s, FormatNames(), p);
       return c.format.has_value();
     }},
    {"baseline",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       if (!s.value.IsScalar() || s.value.Scalar().empty()) {
         p = {MarkOf(s), "`baseline` takes the path of a baseline file"};
         return false;
       }
       c.baseline = Resolved(c.dir, s.value.Scalar());
       return true;
     }},
    {"max-file-size",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.max_file_size = Limit(s, kMaxBytes, p);
       return c.max_file_size.has_value();
     }},
    {"max-depth",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.max_depth = Limit(s, kMaxDepthLimit, p);
       return c.max_depth.has_value();
     }},
    {"max-nodes",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.max_nodes = Limit(s, kMaxBytes, p);
       return c.max_nodes.has_value();
     }},
    {"max-string-length",
     [](const Setting& s, const std::string&, CheckConfig& c, Problem& p) {
       c.max_string_length = Limit(s, kMaxBytes, p);
       return c.max_string_length.has_value();
     }},
};

const std::vector<std::string> kKeys = [] {
  std::vector<std::string> keys;
  keys.reserve(kReaders.size());
  for (const auto& [key, reader] : kReaders) {
    keys.push_back(key);
  }
  return keys;
}();

// Reads one setting into `config`; false with `problem` when its value is bad.
bool ReadSetting(const Setting& s, const std::string& file, CheckConfig& config, Problem& problem) {
  if (s.value.IsNull()) {
    problem = {MarkOf(s), "`" + s.key + "` has no value: give one or remove the key"};
    return false;
  }
  for (const auto& [key, reader] : kReaders) {
    if (key == s.key) {
      return reader(s, file, config, problem);
    }
  }
  return false;  // Settings() admits only the keys of kReaders
}

// The message for a key that is not one of kKeys.
std::string UnknownKey(const std::string& name) {
  std::string near = ClosestName(name, kKeys);
  return "unknown key `" + name + "`" +
         (near.empty() ? " (the keys are " + Joined(kKeys, "and") + ")"
                       : "; did you mean `" + near + "`?");
}

// The settings of a top-level mapping, each key known and given once.
std::optional<std::vector<Setting>> Settings(const YAML::Node& root, Problem& problem) {
  if (!root.IsMap()) {
    problem = {root.Mark(), "the settings file is a mapping of keys: " + Joined(kKeys, "and")};
    return std::nullopt;
  }
  std::vector<Setting> out;
  std::map<std::string, int> first_line;
  for (const auto& pair : root) {
    const YAML::Node& key = pair.first;
    std::string name = key.IsScalar() ? key.Scalar() : "";
    if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
      problem = {key.Mark(), UnknownKey(name)};
      return std::nullopt;
    }
    if (auto [it, fresh] = first_line.emplace(name, key.Mark().line + 1); !fresh) {
      problem = {key.Mark(), "`" + name + "` is given twice (first at line " +
                                 std::to_string(it->second) + ")"};
      return std::nullopt;
    }
    out.push_back({name, key.Mark(), pair.second});
  }
  return out;
}

// Parses the YAML of the settings; false with `problem` on a syntax error.
bool LoadYaml(std::string_view text, YAML::Node& root, Problem& problem) {
  try {
    root = YAML::Load(std::string(text));
    return true;
  } catch (const YAML::Exception& e) {
    problem = {e.mark, "not valid YAML: " + e.msg};
    return false;
  }
}

}  // namespace

std::optional<fs::path> FindConfigFile(const fs::path& start) {
  for (fs::path dir = AbsoluteDirectory(start);; dir = dir.parent_path()) {
    std::error_code ec;
    fs::path candidate = dir / kConfigFileName;
    if (fs::exists(candidate, ec) && !fs::is_directory(candidate, ec)) {
      return candidate;
    }
    if (dir == dir.parent_path()) {
      return std::nullopt;
    }
  }
}

std::optional<CheckConfig> ParseConfig(std::string_view text, const std::string& file,
                                       Diagnostic& error) {
  CheckConfig config;
  config.dir = fs::path(file).parent_path().string();
  Problem problem;
  YAML::Node root;
  bool ok = LoadYaml(text, root, problem);
  if (ok && !root.IsNull()) {  // null: empty, or comments only
    std::optional<std::vector<Setting>> settings = Settings(root, problem);
    ok = settings.has_value();
    for (size_t i = 0; ok && i < settings->size(); ++i) {
      ok = ReadSetting((*settings)[i], file, config, problem);
    }
  }
  if (!ok) {
    error = {
        {file, problem.mark.line + 1, problem.mark.column + 1}, Severity::kError, problem.message};
    return std::nullopt;
  }
  return config;
}

void ApplyConfig(const CheckConfig& config, const std::function<bool(std::string_view)>& given,
                 CheckCommand& cmd) {
  if (config.fail_on && !given("fail-on")) {
    cmd.fail_on = *config.fail_on;
  }
  if (config.format && !given("format")) {
    cmd.format = *config.format;
  }
  if (config.select && !given("select")) {
    cmd.select = *config.select;
    cmd.select_label = config.select_label;
  }
  if (config.ignore && !given("select") && !given("ignore")) {
    cmd.ignore = *config.ignore;
    cmd.ignore_label = config.ignore_label;
  }
  if (config.extra_rules && !given("extra-rules")) {
    cmd.pack.extra_dirs = *config.extra_rules;
  }
  if (config.exclude && !given("exclude")) {
    cmd.exclude = *config.exclude;
    cmd.exclude_dir = config.dir;
  }
  if (config.baseline && !given("baseline") && !given("write-baseline")) {
    cmd.baseline = *config.baseline;
  }
  if (config.max_file_size && !given("max-file-size")) {
    cmd.limits.max_file_bytes = *config.max_file_size;
  }
  if (config.max_depth && !given("max-depth")) {
    cmd.limits.max_depth = *config.max_depth;
  }
  if (config.max_nodes && !given("max-nodes")) {
    cmd.limits.max_nodes = *config.max_nodes;
  }
  if (config.max_string_length && !given("max-string-length")) {
    cmd.limits.max_string_bytes = *config.max_string_length;
  }
}

bool LoadConfig(const ConfigChoice& choice, const std::function<bool(std::string_view)>& given,
                CheckCommand& cmd, std::ostream& err) {
  if (choice.none) {
    return true;
  }
  std::string file = choice.file;
  if (file.empty()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    std::optional<fs::path> found = ec ? std::nullopt : FindConfigFile(cwd);
    if (!found) {
      return true;
    }
    file = RelativePath(*found, cwd);  // so that paths in it resolve from here
  }
  std::string text;
  if (std::string failure = ReadWholeFile(file, text); !failure.empty()) {
    err << "s75check: cannot read the settings file " << file << ": " << failure << "\n";
    return false;
  }
  Diagnostic error;
  std::optional<CheckConfig> config = ParseConfig(text, file, error);
  if (!config) {
    err << FormatDiagnostic(error, text)
        << "s75check: correct the settings file, or run with --no-config to ignore it\n";
    return false;
  }
  ApplyConfig(*config, given, cmd);
  return true;
}

}  // namespace s75
