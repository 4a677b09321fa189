// s75check: checks section 75 partnership agreements against the rule packs.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/config.h"
#include "cli/draft_commands.h"
#include "driver/pipeline.h"
#include "report/register.h"
#include "report/render_writer.h"
#include "report/reporter.h"

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

void AddAsOf(CLI::App* app, std::string& as_of) {
  app->add_option("--as-of", as_of, "Evaluation date for time rules (YYYY-MM-DD; default today)")
      ->check(CLI::Validator(CheckDate, "DATE", "date"));
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

// init: the shape of the model agreement, and where it goes.
CLI::App* AddInitCommand(CLI::App& app, s75::InitCommand& init, std::vector<std::string>& chosen) {
  CLI::App* sub = app.add_subcommand(
      "init", "Print a model agreement: every element of the format, commented, to fill in");
  auto choice = [](const std::vector<std::string>& choices) {
    return CLI::Validator([&choices](std::string& v) { return s75::CheckChoice(v, choices); },
                          "WORD", "choice");
  };
  sub->add_option("--arrangement", chosen,
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
  sub->add_option("-o,--output", init.output,
                  "Write the model to FILE (whole or not at all); an existing FILE is kept "
                  "unless --force");
  sub->add_flag("--force", init.force, "Replace FILE if it exists");
  return sub;
}

// migrate: the file, and where the format 2 text goes.
CLI::App* AddMigrateCommand(CLI::App& app, s75::MigrateCommand& migrate) {
  CLI::App* sub = app.add_subcommand(
      "migrate", "Print a format 1 agreement in format 2, keeping every value and comment");
  sub->add_option("file", migrate.path, "Agreement file (format 1)")->required();
  sub->add_option("-o,--output", migrate.output,
                  "Write the agreement to FILE (whole or not at all); an existing FILE is kept "
                  "unless --force");
  sub->add_flag("--force", migrate.force, "Replace FILE if it exists");
  AddLimitOptions(sub, migrate.limits);
  return sub;
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

// Parses the command line and runs the command; returns the exit status.
int Run(int argc, char** argv) {
  CLI::App app{"s75check: checks section 75 partnership agreements for compliance"};
  app.set_version_flag("--version", "s75check " + s75::ToolVersion());
  app.require_subcommand(1);

  s75::CheckCommand check;
  std::string check_as_of;
  check.jobs = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  CLI::App* check_app = app.add_subcommand("check", "Check agreement files");
  check_app->add_option("paths", check.paths, "Files and directories (default .)");
  check_app->add_option("--format", check.format, FormatHelp(FormatNames(s75::ReportFormats())))
      ->check(CLI::IsMember(FormatNames(s75::ReportFormats())));
  check_app->add_option("-o,--output", check.output,
                        "Write the report to FILE (whole or not at all)");
  check_app->add_option("--fail-on", check.fail_on, "Least severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  AddAsOf(check_app, check_as_of);
  AddPackOptions(check_app, check.pack);
  check_app
      ->add_option("--select", check.select,
                   "Report only these rule ids or families, comma-separated (T1,DATE.04)")
      ->allow_extra_args(false);
  check_app
      ->add_option("--ignore", check.ignore,
                   "Do not report these rule ids or families, comma-separated")
      ->allow_extra_args(false);
  check_app->add_option("-j,--jobs", check.jobs, "Parallel workers (default: the cores)")
      ->check(CLI::Range(1, 256));
  check_app->add_flag("-q,--quiet", check.quiet, "Findings only, no summary");
  AddLimitOptions(check_app, check.limits);
  s75::ConfigChoice config;
  AddBaselineAndConfigOptions(check_app, check, config);

  s75::RegisterCommand reg;
  std::string reg_as_of;
  reg.jobs = check.jobs;
  CLI::App* reg_app = app.add_subcommand(
      "register", "The sweep register: one row per agreement, and totals by client group");
  reg_app->add_option("paths", reg.paths, "Files and directories (default .)");
  reg_app->add_option("--format", reg.format, FormatHelp(FormatNames(s75::RegisterFormats())))
      ->check(CLI::IsMember(FormatNames(s75::RegisterFormats())));
  reg_app->add_option("-o,--output", reg.output,
                      "Write the register to FILE (whole or not at all)");
  AddAsOf(reg_app, reg_as_of);
  AddPackOptions(reg_app, reg.pack);
  reg_app->add_option("-j,--jobs", reg.jobs, "Parallel workers (default: the cores)")
      ->check(CLI::Range(1, 256));
  AddLimitOptions(reg_app, reg.limits);

  s75::RenderCommand render;
  std::string render_as_of;
  CLI::App* render_app = app.add_subcommand("render", "The agreement as a readable document");
  render_app->add_option("file", render.path, "Agreement file")->required();
  render_app->add_option("--format", render.format, "markdown (default) or html")
      ->check(CLI::IsMember(FormatNames(s75::RenderFormats())));
  render_app->add_option("-o,--output", render.output,
                         "Write the document to FILE (whole or not at all)");
  render_app->add_flag("--findings", render.findings,
                       "Check the agreement and show each finding beside its clause");
  AddAsOf(render_app, render_as_of);
  AddPackOptions(render_app, render.pack);
  AddLimitOptions(render_app, render.limits);

  s75::RulesCommand rules;
  CLI::App* rules_app = app.add_subcommand("rules", "List every rule");
  rules_app->add_option("--format", rules.format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  AddPackOptions(rules_app, rules.pack);

  s75::ExplainCommand explain;
  CLI::App* explain_app =
      app.add_subcommand("explain", "One rule in full: what, why (quoting its source), how to fix");
  explain_app->add_option("id", explain.id, "Rule id, e.g. T1.07")->required();
  AddPackOptions(explain_app, explain.pack);

  s75::TestCommand test;
  std::string test_as_of;
  CLI::App* test_app = app.add_subcommand("test", "Run the rule packs' own tests");
  test_app->add_option("dir", test.dir, "Directory of rule files (default: the built-in packs)");
  test_app->add_option("--format", test.format, "text (default) or json (every test's findings)")
      ->check(CLI::IsMember({"text", "json"}));
  AddAsOf(test_app, test_as_of);

  s75::InitCommand init;
  std::vector<std::string> init_arrangements;
  CLI::App* init_app = AddInitCommand(app, init, init_arrangements);

  s75::MigrateCommand migrate;
  CLI::App* migrate_app = AddMigrateCommand(app, migrate);

  s75::SchemaCommand schema;
  CLI::App* schema_app = app.add_subcommand(
      "schema", "Print a JSON Schema (draft 2020-12) of the agreement format, for editors");
  schema_app->add_option("-o,--output", schema.output,
                         "Write the schema to FILE (whole or not at all)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  try {
    if (*check_app) {
      check.as_of = AsOf(check_as_of);
      auto given = [check_app](std::string_view flag) {
        return check_app->count("--" + std::string(flag)) > 0;
      };
      if (!s75::LoadConfig(config, given, check, std::cerr)) {
        return 2;
      }
      return s75::RunCheckCommand(check, std::cout, std::cerr);
    }
    if (*reg_app) {
      reg.as_of = AsOf(reg_as_of);
      return s75::RunRegisterCommand(reg, std::cout, std::cerr);
    }
    if (*render_app) {
      render.as_of = AsOf(render_as_of);
      return s75::RunRenderCommand(render, std::cout, std::cerr);
    }
    if (*rules_app) {
      return s75::RunRulesCommand(rules, std::cout, std::cerr);
    }
    if (*init_app) {
      if (!init_arrangements.empty()) {
        init.model.arrangements = Distinct(init_arrangements);
      }
      return s75::RunInitCommand(init, std::cout, std::cerr);
    }
    if (*migrate_app) {
      return s75::RunMigrateCommand(migrate, std::cout, std::cerr);
    }
    if (*schema_app) {
      return s75::RunSchemaCommand(schema, std::cout, std::cerr);
    }
    if (*explain_app) {
      return s75::RunExplainCommand(explain, std::cout, std::cerr);
    }
    test.as_of = AsOf(test_as_of);
    return s75::RunTestCommand(test, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "s75check: internal error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
