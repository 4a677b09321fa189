#include "cli/outturn_command.h"

#include <algorithm>
#include <filesystem>

#include "cli/progress.h"
#include "common/atomic_file.h"
#include "driver/outturn_run.h"
#include "driver/packs.h"
#include "report/outturn_report.h"

namespace s75 {

namespace {

// `text` with its thousands separators taken out, when they separate
// groups of three digits in the whole pounds (17,900,000.50); nullopt when
// one is misplaced.
std::optional<std::string> WithoutSeparators(std::string_view text) {
  size_t point = std::min(text.find('.'), text.size());
  std::string_view whole = text.substr(0, point);
  size_t first = whole.find(',');
  if (first == std::string_view::npos) {
    return std::string(text);
  }
  if (first == 0 || first > 3) {
    return std::nullopt;
  }
  std::string out(whole.substr(0, first));
  for (size_t i = first; i < whole.size(); i += 4) {
    if (whole[i] != ',' || i + 4 > whole.size() ||
        whole.substr(i + 1, 3).find(',') != std::string_view::npos) {
      return std::nullopt;
    }
    out += whole.substr(i + 1, 3);
  }
  return out + std::string(text.substr(point));
}

// True when a path names a directory: a sweep, not one agreement.
bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

// The outturn's options from the command line; --spend and --year are
// checked by the parser already.
OutturnOptions Options(const OutturnCommand& cmd) {
  OutturnOptions o;
  if (!cmd.spend.empty()) {
    o.spend = ParseSpend(cmd.spend);
  }
  if (!cmd.year.empty()) {
    o.year = FinancialYear::Parse(cmd.year);
  }
  o.fund = cmd.fund;
  o.scenarios = cmd.scenarios;
  o.as_of = cmd.as_of;
  return o;
}

// What the whole report is about: the run, and whether it is a sweep
// (several files or a directory, or none for the current one).
OutturnReport ReportOf(const OutturnCommand& cmd) {
  OutturnReport report;
  report.as_of = cmd.as_of;
  report.tool_version = ToolVersion();
  report.scenarios = cmd.scenarios;
  report.year = cmd.year.empty() ? std::nullopt : FinancialYear::Parse(cmd.year);
  report.sweep = cmd.paths.size() != 1 || IsDirectory(cmd.paths.front());
  return report;
}

// Why the command line cannot run, or "".
std::string UsageError(const OutturnCommand& cmd) {
  if (!cmd.spend.empty() && !ParseSpend(cmd.spend)) {
    return SpendError(cmd.spend);
  }
  if (!cmd.spend.empty() && (cmd.paths.size() != 1 || IsDirectory(cmd.paths.front()))) {
    return "--spend is the spend of one pool: give one agreement FILE (and --fund for an "
           "agreement with several funds)";
  }
  return "";
}

}  // namespace

std::optional<Decimal> ParseSpend(std::string_view text) {
  if (text.substr(0, 2) == "£") {
    text.remove_prefix(2);
  }
  std::optional<std::string> digits = WithoutSeparators(text);
  if (!digits || digits->empty() || (*digits)[0] == '-' || (*digits)[0] == '+') {
    return std::nullopt;
  }
  std::optional<Decimal> d = Decimal::Parse(*digits);
  if (!d || d->Places() > 2) {
    return std::nullopt;
  }
  return d;
}

std::string SpendError(std::string_view text) {
  return "--spend takes an amount of money in pounds, zero or more with at most 2 decimal "
         "places, such as 18140000, 18,140,000.50 or £18140000, not '" +
         std::string(text) + "'";
}

int RunOutturnCommand(const OutturnCommand& cmd, std::ostream& out, std::ostream& err) {
  std::unique_ptr<OutturnWriter> writer = MakeOutturnWriter(cmd.format);
  std::string usage = writer ? UsageError(cmd) : "unknown format '" + cmd.format + "'";
  if (usage.empty()) {
    usage = TerminalRefusal(cmd.format, cmd.output);
  }
  std::optional<AtomicFile> file;
  if (usage.empty() && !cmd.output.empty() && !file.emplace(cmd.output).error().empty()) {
    usage = file->error();
  }
  if (!usage.empty()) {
    err << "s75check: " << usage << "\n";
    return 2;
  }
  std::ostream& stream = file ? file->stream() : out;
  OutturnReport report = ReportOf(cmd);
  writer->Begin(report, stream);
  SweepOutturns(OutturnRun{cmd.paths, cmd.limits, cmd.jobs, Options(cmd), cmd.filter},
                [&](const AgreementOutturn& a) {
                  CountOutturn(a, report.totals);
                  writer->Agreement(report, a, stream);
                });
  writer->End(report, stream);
  std::string failure = writer->Failure();
  if (failure.empty() && file) {
    failure = file->Commit();
  }
  if (!failure.empty()) {
    err << "s75check: " << failure << "\n";
    return 2;
  }
  return OutturnExitStatus(report.totals);
}

}  // namespace s75
