// Which rules a check runs and reports: --select and --ignore, each a list of
// rule ids (`DATE.04`) or family prefixes (`T1`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace s75 {

class RuleSelection {
 public:
  // Everything selected.
  RuleSelection() = default;

  // Reads comma-separated `select` and `ignore` lists. Each entry must name a
  // rule of `known_ids` or a family of them; otherwise returns nullopt and sets
  // `error` (with the nearest known id or family), beginning with the label
  // of the list at fault: where it came from ("--select", or a settings file's
  // "file:line:column: select").
  static std::optional<RuleSelection> Parse(const std::vector<std::string>& select,
                                            const std::vector<std::string>& ignore,
                                            const std::vector<std::string>& known_ids,
                                            std::string& error,
                                            const std::string& select_label = "--select",
                                            const std::string& ignore_label = "--ignore");

  // True when rule `id` is selected and not ignored.
  bool Selected(std::string_view id) const;

 private:
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
};

}  // namespace s75
