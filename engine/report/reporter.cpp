#include "report/reporter.h"

#include "report/findings_table.h"
#include "report/github_reporter.h"
#include "report/html_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/markdown_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace s75 {

void Reporter::Write(const CheckReport& report, std::ostream& out) {
  CheckReport run = report;
  run.files.clear();
  Begin(run, out);
  for (const FileResult& file : report.files) {
    File(file, out);
  }
  End(run, report.Summarize(), out);
}

void WholeReporter::Begin(const CheckReport& run, std::ostream& /*out*/) { report_ = run; }

void WholeReporter::File(const FileResult& file, std::ostream& /*out*/) {
  report_.files.push_back(file);
}

void WholeReporter::End(const CheckReport& run, const Summary& /*total*/, std::ostream& out) {
  std::vector<FileResult> files = std::move(report_.files);
  report_ = run;
  report_.files = std::move(files);
  WriteWhole(report_, out);
  report_.files.clear();
}

std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options) {
  if (format == "text") {
    return std::make_unique<TextReporter>(options);
  }
  if (format == "json") {
    return std::make_unique<JsonReporter>(options.facts);
  }
  if (format == "junit") {
    return std::make_unique<JunitReporter>(options);
  }
  if (format == "github") {
    return std::make_unique<GithubReporter>();
  }
  if (format == "sarif") {
    return std::make_unique<SarifReporter>();
  }
  if (format == "html") {
    return std::make_unique<HtmlReporter>();
  }
  if (format == "markdown") {
    return std::make_unique<MarkdownReporter>();
  }
  if (format == "csv") {
    return MakeFindingsCsvReporter();
  }
  if (format == "xlsx") {
    return MakeFindingsXlsxReporter();
  }
  return nullptr;
}

std::vector<std::string_view> ReportFormats() {
  return {"text", "json", "junit", "github", "sarif", "html", "markdown", "csv", "xlsx"};
}

}  // namespace s75
