// s75check: checks section 75 partnership agreements against the rule packs.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/compare_command.h"
#include "cli/config.h"
#include "cli/draft_commands.h"
#include "cli/huge_pages.h"
#include "cli/outturn_command.h"
#include "compare/compare_report.h"
#include "driver/packs.h"
#include "report/agreement_filter.h"
#include "report/outturn_report.h"
#include "report/register.h"
#include "report/render_writer.h"
#include "report/reporter.h"
#include "scorecard/scorecard_report.h"

namespace {

// Validates a --as-of value.
std::string CheckDate(const std::string& text) {
  return s75::Date::Parse(text) ? "" : "--as-of takes a date as YYYY-MM-DD, not '" + text + "'";
}

// --rules and --extra-rules, on every command that compiles the packs.
void AddPackOptions(CLI::App* app, s75::PackOptions& pack) {
  app->add_option("--rules", pack.rules_dir,
                  "Use the rule files in DIR instead of the built-in packs");
  app->add_option("--extra-rules", pack.extra_dirs,
                  "Add the rule files in DIR to the packs (repeatable)")
      ->allow_extra_args(false);
}

void AddAsOf(
    CLI::App* app, std::string& as_of,
    const std::string& help = "Evaluation date for time rules (YYYY-MM-DD; default today)") {
  app->add_option("--as-of", as_of, help)->check(CLI::Validator(CheckDate, "DATE", "date"));
}

// The loader's limits, on every command that reads agreements.
void AddLimitOptions(CLI::App* app, s75::LoadLimits& limits) {
  app->add_option("--max-file-size", limits.max_file_bytes,
                  "Largest agreement file read, in bytes (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-depth", limits.max_depth, "Deepest nesting of collections (default 256)")
      ->check(CLI::Range(1, s75::kMaxDepthLimit));
  app->add_option("--max-nodes", limits.max_nodes,
                  "Most nodes a document may expand to through aliases (default 1000000)")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-string-length", limits.max_string_bytes,
                  "Longest single value or key, in bytes (default 1 MiB)")
      ->check(CLI::PositiveNumber);
}

// --status and --live, on every command that sweeps agreements.
// --select and --ignore: which rules' findings are reported.
void AddRuleChoiceOptions(CLI::App* sub, std::vector<std::string>& select,
                          std::vector<std::string>& ignore) {
  sub->add_option("--select", select,
                  "Report only these rule ids or families, comma-separated (T1,DATE.04)")
      ->allow_extra_args(false);
  sub->add_option("--ignore", ignore, "Do not report these rule ids or families, comma-separated")
      ->allow_extra_args(false);
}

void AddFilterOptions(CLI::App* app, s75::AgreementFilter& filter) {
  app->add_option("--status", filter.statuses,
                  "Only agreements with these statuses on --as-of, comma-separated (draft, "
                  "signed, in_force, expired, terminated; past its expiry is expired)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Validator([](std::string& word) { return s75::CheckStatusWord(word); }, "STATUS",
                             "status"));
  app->add_flag("--live", filter.live,
                "Only agreements in force on --as-of (in_force, or signed and commenced; not "
                "past expiry)");
}

// The names a --format option accepts, from the writers that exist.
std::vector<std::string> FormatNames(const std::vector<std::string_view>& formats) {
  return {formats.begin(), formats.end()};
}

// "Report format: a, b or c", for --format's help.
std::string FormatHelp(const std::vector<std::string>& names) {
  std::string out = "Report format: ";
  for (size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  return out;
}

s75::Date AsOf(const std::string& text) {
  return text.empty() ? s75::Date::Today() : *s75::Date::Parse(text);
}

// check's --baseline, --write-baseline, --exclude, --config and --no-config.
void AddBaselineAndConfigOptions(CLI::App* app, s75::CheckCommand& check,
                                 s75::ConfigChoice& config) {
  app->add_option("--baseline", check.baseline, "Report only findings not recorded in FILE");
  app->add_option("--write-baseline", check.write_baseline,
                  "Record the current findings in FILE (whole or not at all)");
  app->add_option("--exclude", check.exclude,
                  "Leave out files matching GLOB, found or named (repeatable)")
      ->allow_extra_args(false);
  CLI::Option* file =
      app->add_option("--config", config.file,
                      "Settings file (default: .s75check.yaml here or in the nearest parent)");
  app->add_flag("--no-config", config.none, "Read no settings file")->excludes(file);
}

// The arrangements given, each once, in the order first given.
std::vector<std::string> Distinct(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    if (std::find(out.begin(), out.end(), w) == out.end()) {
      out.push_back(w);
    }
  }
  return out;
}

// -j: on every command that sweeps; the default is one worker per core.
void AddJobsOption(CLI::App* app, int& jobs) {
  jobs = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  app->add_option("-j,--jobs", jobs, "Parallel workers (default: the cores)")
      ->check(CLI::Range(1, 256));
}

// What every sweeping command takes (cli/sweep_options.h): the paths, the
// format (one of `formats`), -o, -j, --status/--live and the loader's limits.
// `what` names the output in -o's help ("report", "register").
void AddSweepOptions(CLI::App* sub, s75::SweepOptions& sweep,
                     const std::vector<std::string_view>& formats, const std::string& what) {
  sub->add_option("paths", sweep.paths, "Files and directories (default .)");
  sub->add_option("--format", sweep.format, FormatHelp(FormatNames(formats)))
      ->check(CLI::IsMember(FormatNames(formats)));
  sub->add_option("-o,--output", sweep.output,
                  "Write the " + what + " to FILE (whole or not at all)");
  AddJobsOption(sub, sweep.jobs);
  AddFilterOptions(sub, sweep.filter);
  AddLimitOptions(sub, sweep.limits);
}

// A subcommand: its part of the command line, and what runs it once parsed.
// `run` holds the options the parser fills in.
struct Subcommand {
  CLI::App* app;
  std::function<int()> run;
};

// A command's options, and its --as-of as typed (read when it runs).
template <typename Command>
struct Dated {
  Command cmd;
  std::string as_of;
};

// Runs a dated command with its --as-of read (default today).
template <typename Command>
std::function<int()> RunDated(std::shared_ptr<Dated<Command>> args,
                              int (*run)(const Command&, std::ostream&, std::ostream&)) {
  return [args = std::move(args), run] {
    args->cmd.as_of = AsOf(args->as_of);
    return run(args->cmd, std::cout, std::cerr);
  };
}

// What `check` is given.
struct CheckArgs {
  s75::CheckCommand cmd;
  std::string as_of;
  s75::ConfigChoice config;
};

std::function<int()> AddCheckOptions(CLI::App* sub) {
  auto args = std::make_shared<CheckArgs>();
  s75::CheckCommand& check = args->cmd;
  AddSweepOptions(sub, check, s75::ReportFormats(), "report");
  sub->add_option("--fail-on", check.fail_on, "Least severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  AddAsOf(sub, args->as_of);
  AddPackOptions(sub, check.pack);
  AddRuleChoiceOptions(sub, check.select, check.ignore);
  sub->add_flag("-q,--quiet", check.quiet, "Findings only, no summary");
  sub->add_flag("--facts", check.facts,
                "json: each agreement's facts too (title, status, dates, partners, funds and "
                "money, latest outturn, outcomes by status), so compare of two saved reports "
                "shows money and outcomes");
  AddBaselineAndConfigOptions(sub, check, args->config);
  return [sub, args] {
    args->cmd.as_of = AsOf(args->as_of);
    auto given = [sub](std::string_view flag) { return sub->count("--" + std::string(flag)) > 0; };
    if (!s75::LoadConfig(args->config, given, args->cmd, std::cerr)) {
      return 2;
    }
    return s75::RunCheckCommand(args->cmd, std::cout, std::cerr);
  };
}

std::function<int()> AddRegisterOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::RegisterCommand>>();
  s75::RegisterCommand& reg = args->cmd;
  AddSweepOptions(sub, reg, s75::RegisterFormats(), "register");
  AddAsOf(sub, args->as_of);
  AddPackOptions(sub, reg.pack);
  return RunDated(args, s75::RunRegisterCommand);
}

std::function<int()> AddScorecardOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::ScorecardCommand>>();
  s75::ScorecardCommand& card = args->cmd;
  AddSweepOptions(sub, card, s75::ScorecardFormats(), "scorecard");
  AddAsOf(sub, args->as_of);
  return RunDated(args, s75::RunScorecardCommand);
}

// Validates --spend as ParseSpend reads it.
std::string CheckSpend(const std::string& text) {
  return s75::ParseSpend(text) ? "" : s75::SpendError(text);
}

// Validates --year: a financial year such as 2005/06.
std::string CheckYear(const std::string& text) {
  return s75::FinancialYear::Parse(text)
             ? ""
             : "--year takes a financial year as YYYY/YY, such as 2005/06, not '" + text + "'";
}

std::function<int()> AddOutturnOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::OutturnCommand>>();
  s75::OutturnCommand& cmd = args->cmd;
  AddSweepOptions(sub, cmd, s75::OutturnFormats(), "report");
  sub->add_option("--spend", cmd.spend,
                  "The pool's spend in pounds (18140000, 18,140,000.50 or £18140000) instead "
                  "of the recorded outturns")
      ->check(CLI::Validator(CheckSpend, "AMOUNT", "spend"));
  sub->add_option("--year", cmd.year,
                  "The financial year (YYYY/YY) of the recorded outturn, or of --spend")
      ->check(CLI::Validator(CheckYear, "YEAR", "year"));
  sub->add_option("--fund", cmd.fund, "Only this fund (its id; `main` for a format 1 agreement)");
  sub->add_flag("--scenarios", cmd.scenarios,
                "Overspends of 1%, 2.5%, 5% and 10% of the budget (and of the host's first "
                "amount, and twice it), instead of the outturn");
  AddAsOf(sub, args->as_of,
          "Read the outturns as known on DATE: those reported later are left out (YYYY-MM-DD; "
          "default today)");
  return RunDated(args, s75::RunOutturnCommand);
}

std::function<int()> AddRenderOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::RenderCommand>>();
  s75::RenderCommand& render = args->cmd;
  sub->add_option("file", render.path, "Agreement file")->required();
  sub->add_option("--format", render.format,
                  "markdown (default), html, or docx (a Word document to sign)")
      ->check(CLI::IsMember(FormatNames(s75::RenderFormats())));
  sub->add_option("-o,--output", render.output, "Write the document to FILE (whole or not at all)");
  sub->add_flag("--findings", render.findings,
                "Check the agreement and show each finding beside its clause");
  AddAsOf(sub, args->as_of);
  AddPackOptions(sub, render.pack);
  AddLimitOptions(sub, render.limits);
  return RunDated(args, s75::RunRenderCommand);
}

// compare: two drafts (a redline) or two sweeps, and the gate on what the newer introduces.
std::function<int()> AddCompareOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::CompareCommand>>();
  s75::CompareCommand& cmp = args->cmd;
  sub->add_option("old", cmp.old_path,
                  "The older agreement file, directory of them, or report saved with check "
                  "--format json --facts (.json)")
      ->required();
  sub->add_option("new", cmp.new_path, "The newer one, of the same kind")->required();
  sub->add_option("--format", cmp.format,
                  FormatHelp(FormatNames(s75::CompareFormats())) +
                      " (docx: two drafts only, as a Word document with the changes tracked)")
      ->check(CLI::IsMember(FormatNames(s75::CompareFormats())));
  sub->add_option("-o,--output", cmp.output, "Write the comparison to FILE (whole or not at all)");
  sub->add_option("--fail-on-new", cmp.fail_on_new,
                  "Exit status 1 when NEW introduces a finding of this severity or above")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  AddAsOf(sub, args->as_of);
  AddPackOptions(sub, cmp.pack);
  AddRuleChoiceOptions(sub, cmp.rules.select, cmp.rules.ignore);
  AddFilterOptions(sub, cmp.filter);
  AddJobsOption(sub, cmp.jobs);
  AddLimitOptions(sub, cmp.limits);
  return RunDated(args, s75::RunCompareCommand);
}

std::function<int()> AddRulesOptions(CLI::App* sub) {
  auto rules = std::make_shared<s75::RulesCommand>();
  sub->add_option("--format", rules->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  AddPackOptions(sub, rules->pack);
  return [rules] { return s75::RunRulesCommand(*rules, std::cout, std::cerr); };
}

std::function<int()> AddExplainOptions(CLI::App* sub) {
  auto explain = std::make_shared<s75::ExplainCommand>();
  sub->add_option("id", explain->id, "Rule id, e.g. T1.07")->required();
  AddPackOptions(sub, explain->pack);
  return [explain] { return s75::RunExplainCommand(*explain, std::cout, std::cerr); };
}

std::function<int()> AddTestOptions(CLI::App* sub) {
  auto args = std::make_shared<Dated<s75::TestCommand>>();
  sub->add_option("dir", args->cmd.dir, "Directory of rule files (default: the built-in packs)");
  sub->add_option("--format", args->cmd.format, "text (default) or json (every test's findings)")
      ->check(CLI::IsMember({"text", "json"}));
  AddAsOf(sub, args->as_of);
  return RunDated(args, s75::RunTestCommand);
}

// migrate: the file, and where the format 2 text goes.
std::function<int()> AddMigrateOptions(CLI::App* sub) {
  auto migrate = std::make_shared<s75::MigrateCommand>();
  sub->add_option("file", migrate->path, "Agreement file (format 1)")->required();
  sub->add_option("-o,--output", migrate->output,
                  "Write the agreement to FILE (whole or not at all); an existing FILE is kept "
                  "unless --force");
  sub->add_flag("--force", migrate->force, "Replace FILE if it exists");
  AddLimitOptions(sub, migrate->limits);
  return [migrate] { return s75::RunMigrateCommand(*migrate, std::cout, std::cerr); };
}

// init: the shape of the model agreement, and where it goes.
std::function<int()> AddInitOptions(CLI::App* sub) {
  struct InitArgs {
    s75::InitCommand cmd;
    std::vector<std::string> arrangements;  // as given, perhaps repeated
  };
  auto args = std::make_shared<InitArgs>();
  s75::InitCommand& init = args->cmd;
  auto choice = [](const std::vector<std::string>& choices) {
    return CLI::Validator([&choices](std::string& v) { return s75::CheckChoice(v, choices); },
                          "WORD", "choice");
  };
  sub->add_option("--arrangement", args->arrangements,
                  "pooled_fund, lead_commissioning, integrated_provision or aligned_budget "
                  "(repeatable; default pooled_fund)")
      ->allow_extra_args(false)
      ->check(choice(s75::ModelArrangements()));
  sub->add_option("--model", init.model.financial_model,
                  "CIPFA financial model: lead_body (default), aligned_budget, "
                  "joint_commissioning or joint_venture")
      ->check(choice(s75::ModelFinancialModels()));
  sub->add_option("--partners", init.model.partners, "Number of partners, 2 to 20 (default 2)")
      ->check(CLI::Validator([](std::string& v) { return s75::CheckPartnerCount(v); }, "N",
                             "partners"));
  sub->add_option("--format-version", init.model.version,
                  "Format of the model: 2 (default) or 1, the first version")
      ->check(CLI::IsMember({1, 2}));
  sub->add_option("--host", init.model.host,
                  "The host partner's id, written wherever the model names the host (default "
                  "nhs-body)");
  sub->add_option("--funds", init.model.funds,
                  "Format 2: number of funds, 1 to 10 (default one per arrangement)")
      ->check(CLI::Range(1, s75::kMaxModelFunds));
  sub->add_option("-o,--output", init.output,
                  "Write the model to FILE (whole or not at all); an existing FILE is kept "
                  "unless --force");
  sub->add_flag("--force", init.force, "Replace FILE if it exists");
  return [args] {
    if (!args->arrangements.empty()) {
      args->cmd.model.arrangements = Distinct(args->arrangements);
    }
    return s75::RunInitCommand(args->cmd, std::cout, std::cerr);
  };
}

std::function<int()> AddSchemaOptions(CLI::App* sub) {
  auto schema = std::make_shared<s75::SchemaCommand>();
  sub->add_option("-o,--output", schema->output, "Write the schema to FILE (whole or not at all)");
  return [schema] { return s75::RunSchemaCommand(*schema, std::cout, std::cerr); };
}

// Each command: its name, its line in --help, and what adds its options and
// gives what runs it. In the order --help lists them.
struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  std::function<int()> (*add)(CLI::App* sub);
};

constexpr CommandSpec kCommands[] = {
    {"check", "Check agreement files", AddCheckOptions},
    {"register", "The sweep register: one row per agreement, and totals by client group",
     AddRegisterOptions},
    {"outturn", "Who pays for an overspend and who gets an underspend, in pounds",
     AddOutturnOptions},
    {"scorecard", "The outcomes scorecard: each outcome's forecast and status, scored by domain",
     AddScorecardOptions},
    {"render", "The agreement as a readable document", AddRenderOptions},
    {"compare", "What changed between two drafts (clause by clause, then findings), or two sweeps",
     AddCompareOptions},
    {"rules", "List every rule", AddRulesOptions},
    {"explain", "One rule in full: what, why (quoting its source), how to fix", AddExplainOptions},
    {"test", "Run the rule packs' own tests", AddTestOptions},
    {"init", "Print a model agreement: every element of the format, commented, to fill in",
     AddInitOptions},
    {"migrate", "Print a format 1 agreement in format 2, keeping every value and comment",
     AddMigrateOptions},
    {"schema", "Print a JSON Schema (draft 2020-12) of the agreement format, for editors",
     AddSchemaOptions},
};

// The command the command line names: its first word that is no option (the
// only options before a command, --help and --version, take no value), or ""
// when there is none.
std::string_view NamedCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] != '-') {
      return argv[i];
    }
  }
  return {};
}

// Parses the command line and runs the command; returns the exit status.
int Run(int argc, char** argv) {
  CLI::App app{"s75check: checks section 75 partnership agreements for compliance"};
  app.set_version_flag("--version", "s75check " + s75::ToolVersion());
  app.require_subcommand(1);
  // Only the command that runs needs its options: adding every command's was
  // 2 M of a one-file check's 31 M instructions. The others are listed, for
  // --help and for CLI11's messages. With no command named, all are built.
  const std::string_view named = NamedCommand(argc, argv);
  std::vector<Subcommand> commands;
  for (const CommandSpec& c : kCommands) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    if (named.empty() || named == c.name) {
      commands.push_back({sub, c.add(sub)});
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    for (const Subcommand& c : commands) {
      if (*c.app) {
        return c.run();
      }
    }
    return 2;  // not reached: require_subcommand(1)
  } catch (const std::exception& e) {
    std::cerr << "s75check: internal error: " << e.what() << "\n";
    return 2;
  }
}

// Runs before every other static initialiser (101 is the first priority a
// program may use): the ANTLR runtime's and the standard library's allocate
// about 60 pages of heap before main, which would otherwise each be faulted
// in as a 4 KiB page and then copied into a huge page (docs/performance.md).
__attribute__((constructor(101))) void HugePagesFirst() { s75::AdviseHugePages(); }

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
