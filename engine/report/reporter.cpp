#include "report/reporter.h"

#include "report/github_reporter.h"
#include "report/html_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/markdown_reporter.h"
#include "report/text_reporter.h"

namespace s75 {

std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options) {
  if (format == "text") {
    return std::make_unique<TextReporter>(options);
  }
  if (format == "json") {
    return std::make_unique<JsonReporter>();
  }
  if (format == "junit") {
    return std::make_unique<JunitReporter>(options);
  }
  if (format == "github") {
    return std::make_unique<GithubReporter>();
  }
  if (format == "html") {
    return std::make_unique<HtmlReporter>();
  }
  if (format == "markdown") {
    return std::make_unique<MarkdownReporter>();
  }
  return nullptr;
}

std::vector<std::string_view> ReportFormats() {
  return {"text", "json", "junit", "github", "html", "markdown"};
}

}  // namespace s75
