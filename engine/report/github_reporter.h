// GitHub Actions workflow commands: one `::error file=...,line=...,col=...,
// title=ID slug::message` line per finding, which GitHub shows as an
// annotation on that line of the pull request. Warnings are `::warning`,
// info and waived findings `::notice` (a waived one says so and why).
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace s75 {

class GithubReporter : public Reporter {
 public:
  void Begin(const CheckReport& /*run*/, std::ostream& /*out*/) override {}
  void File(const FileResult& file, std::ostream& out) override;
  void End(const CheckReport& /*run*/, const Summary& /*total*/, std::ostream& /*out*/) override {}
};

// Escapes a workflow command's message (`%`, CR, LF).
std::string GithubEscapeData(std::string_view text);

// Escapes a workflow command's property value (as data, plus `:` and `,`).
std::string GithubEscapeProperty(std::string_view text);

}  // namespace s75
