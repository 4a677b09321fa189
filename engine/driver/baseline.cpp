#include "driver/baseline.h"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "common/json_text.h"
#include "common/paths.h"

namespace s75 {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::ordered_json;

using Key = BaselineKey;

constexpr std::string_view kAsOfMark = "{as_of}";

// The most identical findings one entry may absorb (counts are ints).
constexpr int kMaxCount = 1000000;

// `message` with each mention of the run's as-of date written {as_of}, so a
// finding such as "overdue at 2026-11-22" still matches on a later day.
std::string StableMessage(std::string message, const std::string& as_of) {
  for (size_t at = message.find(as_of); at != std::string::npos;
       at = message.find(as_of, at + kAsOfMark.size())) {
    message.replace(at, as_of.size(), kAsOfMark);
  }
  return message;
}

// True for a finding a baseline may hold: unwaived, in a file that was checked.
bool Baselinable(const FileResult& file, const Finding& f) { return file.checked && !f.waived(); }

Key KeyOf(const std::string& file, const Finding& f, const std::string& as_of) {
  return {file, f.rule, f.path, StableMessage(f.message, as_of)};
}

Baseline FromCounts(const std::map<Key, int>& counts) {
  Baseline b;
  for (const auto& [key, count] : counts) {
    const auto& [file, rule, path, message] = key;
    b.entries.push_back({file, rule, path, message, count});
  }
  return b;
}

// Empty when `entry` (findings[i]) is well formed, else what is wrong.
std::string EntryProblem(const Json& entry, const std::string& name) {
  if (!entry.is_object()) {
    return name + " is not an object with file, rule, path and message";
  }
  for (const char* key : {"file", "rule", "path", "message"}) {
    if (!entry.contains(key)) {
      return name + " has no `" + key + "` (each entry needs file, rule, path and message)";
    }
    if (!entry[key].is_string()) {
      return name + "." + key + " is not a string";
    }
  }
  if (entry.contains("count") &&
      (!entry["count"].is_number_integer() || entry["count"] < 1 || entry["count"] > kMaxCount)) {
    return name + ".count is not a whole number from 1 to " + std::to_string(kMaxCount);
  }
  return "";
}

// Empty when the top level is a version-1 baseline, else what is wrong.
std::string TopLevelProblem(const Json& j) {
  if (!j.is_object()) {
    return "a baseline is a JSON object with `version` and `findings`";
  }
  if (!j.contains("version")) {
    return "the baseline has no `version`";
  }
  if (j["version"] != kBaselineVersion) {
    return "baseline version " + j["version"].dump() + " is not one this s75check reads (version " +
           std::to_string(kBaselineVersion) + ")";
  }
  if (!j.contains("findings") || !j["findings"].is_array()) {
    return "the baseline's `findings` is not a list";
  }
  return "";
}

// Reads the entries of a well-formed top level into `counts`; "" or the problem.
std::string ReadEntries(const Json& findings, std::map<Key, int>& counts) {
  for (size_t i = 0; i < findings.size(); ++i) {
    const Json& e = findings[i];
    if (std::string problem = EntryProblem(e, "findings[" + std::to_string(i) + "]");
        !problem.empty()) {
      return problem;
    }
    Key key{e["file"], e["rule"], e["path"], e["message"]};
    counts[key] += e.contains("count") ? e["count"].get<int>() : 1;
  }
  return "";
}

}  // namespace

BaselineKey BaselineKeyOf(const std::string& file, const Finding& f, Date as_of) {
  return KeyOf(file, f, as_of.ToString());
}

BaselineRecorder::BaselineRecorder(fs::path dir, Date as_of)
    : dir_(std::move(dir)), as_of_(as_of.ToString()) {}

void BaselineRecorder::Add(const FileResult& file) {
  std::string relative = RelativePath(file.path, dir_);
  for (const Finding& f : file.findings) {
    if (Baselinable(file, f)) {
      ++counts_[KeyOf(relative, f, as_of_)];
    }
  }
}

Baseline BaselineRecorder::Finish() const { return FromCounts(counts_); }

Baseline MakeBaseline(const CheckReport& report, const fs::path& dir) {
  BaselineRecorder recorder(dir, report.as_of);
  for (const FileResult& file : report.files) {
    recorder.Add(file);
  }
  return recorder.Finish();
}

std::string BaselineJson(const Baseline& baseline) {
  Json j;
  j["tool"] = "s75check";
  j["version"] = kBaselineVersion;
  j["findings"] = Json::array();
  for (const BaselineEntry& e : baseline.entries) {
    j["findings"].push_back({{"file", e.file},
                             {"rule", e.rule},
                             {"path", e.path},
                             {"message", e.message},
                             {"count", e.count}});
  }
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Baseline> ParseBaseline(std::string_view text, const std::string& file,
                                      Diagnostic& error) {
  JsonProblem unreadable;
  std::optional<Json> parsed = ParseJson(text, unreadable);
  if (!parsed) {
    error = {{file, unreadable.line, unreadable.column},
             Severity::kError,
             "not valid JSON: " + unreadable.what};
    return std::nullopt;
  }
  Json& j = *parsed;
  std::map<Key, int> counts;
  std::string problem = TopLevelProblem(j);
  if (problem.empty()) {
    problem = ReadEntries(j["findings"], counts);
  }
  if (!problem.empty()) {
    error = {{file, 0, 0}, Severity::kError, problem};
    return std::nullopt;
  }
  return FromCounts(counts);
}

BaselineFilter::BaselineFilter(const Baseline& baseline, fs::path dir, Date as_of)
    : dir_(std::move(dir)), as_of_(as_of.ToString()) {
  for (const BaselineEntry& e : baseline.entries) {
    remaining_[{e.file, e.rule, e.path, e.message}] += e.count;
  }
}

void BaselineFilter::Apply(FileResult& file) {
  std::string relative = RelativePath(file.path, dir_);
  std::vector<Finding> kept;
  for (Finding& f : file.findings) {
    auto it = Baselinable(file, f) ? remaining_.find(KeyOf(relative, f, as_of_)) : remaining_.end();
    if (it != remaining_.end() && it->second > 0) {
      --it->second;
      ++file.baselined;
    } else {
      kept.push_back(std::move(f));
    }
  }
  file.findings = std::move(kept);
}

void BaselineWholeFile(FileResult& file) {
  file.baselined += static_cast<int>(
      std::erase_if(file.findings, [&](const Finding& f) { return Baselinable(file, f); }));
}

void ApplyBaseline(const Baseline& baseline, const fs::path& dir, CheckReport& report) {
  BaselineFilter filter(baseline, dir, report.as_of);
  report.baseline_used = true;
  for (FileResult& file : report.files) {
    filter.Apply(file);
  }
}

}  // namespace s75
