// The format definition as the drafting commands use it: every field
// described and sourced, the model agreement covering every field and loading
// cleanly, the schema's date and year patterns agreeing with the loader.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "common/date.h"
#include "compile/placeholder.h"
#include "load/loader.h"
#include "schema/format.h"
#include "schema/json_schema.h"
#include "schema/model_agreement.h"

namespace s75 {
namespace {

// Calls `visit(spec, path)` for the spec and every spec below it.
template <typename Visit>
void Walk(const FieldSpec& spec, const std::string& path, Visit& visit) {
  visit(spec, path);
  for (const FieldSpec& f : spec.fields) {
    Walk(f, path.empty() ? f.name : path + "." + f.name, visit);
  }
  if (spec.element) {
    Walk(*spec.element, path + "[]", visit);
  }
}

TEST(FormatTest, EveryFieldHasADescriptionAndEveryKeyASource) {
  int fields = 0;
  auto visit = [&fields](const FieldSpec& spec, const std::string& path) {
    ++fields;
    EXPECT_FALSE(spec.description.empty()) << path << " has no description";
    if (!spec.name.empty()) {
      EXPECT_FALSE(spec.reference.empty()) << path << " has no reference";
    }
  };
  Walk(AgreementFormat(), "", visit);
  EXPECT_GT(fields, 150);
}

// Every key a file of `version` may write under `spec` is a key of `node`,
// every list of mappings has an entry, and no key of the other version is
// written: so the model covers the whole of its version of the format.
void ExpectCovers(const Node* node, const FieldSpec& spec, const std::string& path, int version) {
  if (spec.type == ValueType::kObject) {
    ASSERT_TRUE(node != nullptr && node->kind == NodeKind::kMap) << path << " is not a mapping";
    for (const FieldSpec& f : spec.fields) {
      const Node* value = nullptr;
      bool found = false;
      for (const auto& [key, v] : node->entries) {
        found = found || key->text == f.name;
        value = key->text == f.name ? v : value;
      }
      std::string sub = path.empty() ? f.name : path + "." + f.name;
      EXPECT_EQ(found, f.In(version))
          << "format " << version << ": init " << (found ? "writes " : "writes no ") << sub;
      if (found) {
        ExpectCovers(value, f, sub, version);
      }
    }
  }
  if (spec.type == ValueType::kList && spec.element->type == ValueType::kObject) {
    ASSERT_TRUE(node != nullptr && !node->items.empty()) << "init writes no entry of " << path;
    ExpectCovers(node->items[0], *spec.element, path + "[0]", version);
  }
}

// Loads a model and fails the test on any finding of the loader.
void ExpectLoadsCleanly(const ModelOptions& options, const std::string& what) {
  std::string text = ModelAgreement(options);
  LoadResult r = LoadAgreementText(text, "model.yaml", {});
  ASSERT_TRUE(r.checked) << what;
  EXPECT_EQ(r.document->version, options.version) << what;
  for (const Finding& f : r.findings) {
    ADD_FAILURE() << what << ": " << f.range.line << ": " << f.rule << " " << f.message;
  }
  ExpectCovers(r.document->root, AgreementFormat(), "", options.version);
}

// The options of `init --arrangement ... --model ... --partners ... --format-version ...
// --host ... --funds ...`.
ModelOptions Options(std::vector<std::string> arrangements, std::string model, int partners,
                     int version = 2, std::string host = "", int funds = 0) {
  ModelOptions o;
  o.arrangements = std::move(arrangements);
  o.financial_model = std::move(model);
  o.partners = partners;
  o.version = version;
  o.host = std::move(host);
  o.funds = funds;
  return o;
}

TEST(ModelAgreementTest, CoversEveryFieldAndLoadsWithoutDocumentErrors) {
  for (int version : {1, 2}) {
    for (const std::string& arrangement : ModelArrangements()) {
      for (const std::string& model : ModelFinancialModels()) {
        ModelOptions options = Options({arrangement}, model, 3, version);
        ExpectLoadsCleanly(options,
                           "format " + std::to_string(version) + " " + arrangement + " " + model);
      }
    }
  }
  ModelOptions several = Options(ModelArrangements(), "joint_commissioning", 4, 2, "partner-3", 6);
  ExpectLoadsCleanly(several, "four arrangements in six funds, hosted by partner-3");
}

TEST(ModelAgreementTest, EveryKeyFollowsItsCommentAndPlaceholdersAreRecognised) {
  EXPECT_TRUE(IsPlaceholder(kModelPlaceholder, false));
  std::string text = ModelAgreement({});
  std::regex key_line(R"(^ *(- )?[a-z_]+:.*$)");
  std::string previous;
  size_t start = 0;
  int keys = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    if (std::regex_match(line, key_line) && line.rfind("format:", 0) != 0) {
      ++keys;
      EXPECT_NE(previous.find("# "), std::string::npos) << "no comment above: " << line;
      EXPECT_NE(previous.find('['), std::string::npos) << "no source above: " << line;
    }
    previous = line;
    start = end + 1;
  }
  EXPECT_GT(keys, 150);
}

TEST(ModelAgreementTest, OptionsShapeTheModel) {
  std::string text = ModelAgreement(Options({"aligned_budget"}, "aligned_budget", 4));
  EXPECT_NE(text.find("legal_basis: non_statutory"), std::string::npos);
  EXPECT_NE(text.find("arrangements: [aligned_budget]"), std::string::npos);
  EXPECT_NE(text.find("financial_model: aligned_budget"), std::string::npos);
  EXPECT_NE(text.find("pooled: false"), std::string::npos);
  EXPECT_NE(text.find("members: [nhs-body, council, partner-3, partner-4]"), std::string::npos);
  std::string pooled = ModelAgreement({});
  EXPECT_NE(pooled.find("legal_basis: s75"), std::string::npos);
  EXPECT_NE(pooled.find("pooled: true"), std::string::npos);
}

// The number of times `word` occurs in `text`.
size_t Count(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ModelAgreementTest, FormatTwoHasTheFundsAndTheHostEverywhere) {
  std::string text = ModelAgreement(
      Options({"pooled_fund", "integrated_provision"}, "lead_body", 3, 2, "council", 3));
  EXPECT_EQ(text.find("format: s75check/2\n"), text.find("format: "));
  EXPECT_NE(text.find("(format s75check/2; arrangements: pooled_fund, integrated_provision; "
                      "financial model: lead_body; 3 partners; 3 funds)"),
            std::string::npos);
  for (const char* id : {"  - # A pooled fund or budget.\n    # Identifier of the fund. "
                         "[s75check agreement format v2]\n    id: fund-1\n",
                         "    id: fund-2\n", "    id: fund-3\n"}) {
    EXPECT_NE(text.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(Count(text, "    arrangement: pooled_fund\n"), 2U);  // funds 1 and 3
  EXPECT_EQ(Count(text, "    arrangement: integrated_provision\n"), 1U);
  EXPECT_EQ(Count(text, "    host: council\n"), 3U);
  EXPECT_EQ(Count(text, "      partner: council\n"), 3U + 3U);  // managers and contributions
  EXPECT_EQ(Count(text, "    role: host\n"), 1U);
  EXPECT_NE(text.find("    id: council\n    # Legal name"), std::string::npos);
  EXPECT_NE(text.find("  covers: [fund-1, fund-2, fund-3]\n"), std::string::npos);
  size_t pool_total = text.find("pool_total:");  // only in the funds
  ASSERT_NE(pool_total, std::string::npos);
  EXPECT_EQ(text.substr(pool_total - 5, 5), "\n    ");
  EXPECT_EQ(text.find("\nhost:"), std::string::npos);
  EXPECT_EQ(text.find("pooled_fund_manager"), std::string::npos);
  std::string one = ModelAgreement(Options({"pooled_fund"}, "lead_body", 2, 1, "council"));
  EXPECT_NE(one.find("host:\n  # The host partner that leads on delivery. [MTAE Table 1 row 3; "
                     "PAR reg 7(4)]\n  partner: council\n"),
            std::string::npos);
  EXPECT_EQ(one.find("funds:"), std::string::npos);
}

TEST(ModelAgreementTest, OptionsThatDoNotFitAreRefused) {
  EXPECT_EQ(CheckModelOptions({}), "");
  EXPECT_EQ(CheckModelOptions(Options({"pooled_fund"}, "lead_body", 3, 2, "partner-3", 10)), "");
  EXPECT_EQ(CheckModelOptions(Options({"pooled_fund"}, "lead_body", 2, 2, "partner-3")),
            "--host must be one of the model's partner ids, nhs-body, council (with 2 partners), "
            "not 'partner-3'");
  EXPECT_EQ(CheckModelOptions(Options({"pooled_fund"}, "lead_body", 2, 2, "councl")),
            "--host must be one of the model's partner ids, nhs-body, council (with 2 partners), "
            "not 'councl'; did you mean council?");
  EXPECT_NE(CheckModelOptions(Options({"pooled_fund"}, "lead_body", 2, 1, "", 2)).find("format 2"),
            std::string::npos);
  EXPECT_NE(CheckModelOptions(Options({"pooled_fund", "aligned_budget"}, "lead_body", 2, 2, "", 1))
                .find("--funds 1 is fewer than the 2 arrangements"),
            std::string::npos);
}

TEST(JsonSchemaTest, DatePatternAgreesWithTheLoader) {
  std::regex pattern(DatePattern());
  for (std::string text : {"2009-04-01", "2008-02-29", "2000-02-29", "1900-02-28", "2009-12-31",
                           "2009-02-30", "1900-02-29", "2009-13-01", "2009-00-10", "2009-04-31",
                           "2009-4-1", "09-04-01", "2009-04-01x", "2100-02-29", "2400-02-29"}) {
    EXPECT_EQ(std::regex_match(text, pattern), Date::Parse(text).has_value()) << text;
  }
}

TEST(JsonSchemaTest, YearPatternAgreesWithTheLoader) {
  std::regex pattern(YearPattern());
  for (std::string text : {"2009/10", "1999/00", "2009/11", "2009/09", "2009-10", "209/10"}) {
    EXPECT_EQ(std::regex_match(text, pattern), FinancialYear::Parse(text).has_value()) << text;
  }
}

TEST(JsonSchemaTest, PropertiesFollowTheFormat) {
  nlohmann::json schema = nlohmann::json::parse(AgreementJsonSchema());
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["if"]["properties"]["format"]["const"], "s75check/1");
  EXPECT_EQ(schema["if"]["required"], nlohmann::json({"format"}));
  const auto& one = schema["then"];
  const auto& two = schema["else"];
  EXPECT_EQ(one["required"], nlohmann::json({"format", "agreement", "partners"}));
  EXPECT_EQ(two["required"], nlohmann::json({"format", "agreement", "partners", "funds"}));
  for (const auto* branch : {&one, &two}) {
    EXPECT_EQ((*branch)["additionalProperties"], false);
    const auto& partner = (*branch)["properties"]["partners"]["items"]["anyOf"][0];
    EXPECT_EQ(partner["required"], nlohmann::json({"id", "name", "kind"}));
    EXPECT_EQ((*branch)["properties"]["partners"]["minItems"], 1);
    const auto& status = (*branch)["properties"]["agreement"]["properties"]["status"];
    EXPECT_EQ(status["anyOf"][0]["enum"],
              nlohmann::json({"draft", "signed", "in_force", "expired", "terminated"}));
    EXPECT_EQ(status["anyOf"][1], nlohmann::json({{"$ref", "#/$defs/empty"}}));
    EXPECT_EQ(status["description"],
              "Where the agreement stands. [MTAE para 37; MTAE Table 1 rows 9–10]");
  }
  EXPECT_EQ(one["properties"]["format"]["const"], "s75check/1");
  EXPECT_EQ(two["properties"]["format"]["const"], "s75check/2");
  const auto& fund = two["properties"]["funds"]["items"]["anyOf"][0];
  EXPECT_EQ(fund["required"], nlohmann::json({"id", "arrangement"}));
  EXPECT_EQ(two["properties"]["funds"]["minItems"], 1);
  EXPECT_TRUE(one["properties"]["host"].contains("anyOf"));
}

// A key of the other version is never valid (an empty enum), never offered,
// and refused with the loader's DOC.03 words, at any depth.
TEST(JsonSchemaTest, KeysOfTheOtherVersionAreRefusedWithTheLoadersWords) {
  nlohmann::json schema = nlohmann::json::parse(AgreementJsonSchema());
  const auto& host = schema["else"]["properties"]["host"];
  EXPECT_EQ(host["enum"], nlohmann::json::array());
  EXPECT_EQ(host["doNotSuggest"], true);
  EXPECT_EQ(host["errorMessage"],
            "`host` is a format 1 key: format 2 keeps it in each fund, as `funds[].host and "
            "funds[].host_support`.");
  LoadResult loaded = LoadAgreementText(
      "format: s75check/2\nagreement: {id: a, title: A}\npartners: [{id: p, name: P, kind: "
      "icb}]\nfunds: [{id: f, arrangement: pooled_fund}]\nfinance: {pool_total: 1}\n",
      "a.yaml", {});
  ASSERT_EQ(loaded.findings.size(), 1U);
  const auto& pool_total =
      schema["else"]["properties"]["finance"]["anyOf"][0]["properties"]["pool_total"];
  EXPECT_EQ(pool_total["errorMessage"], loaded.findings[0].message + ".");
  const auto& funds = schema["then"]["properties"]["funds"];
  EXPECT_EQ(funds["enum"], nlohmann::json::array());
  EXPECT_NE(funds["errorMessage"].get<std::string>().find("`funds` is a key of format 2"),
            std::string::npos);
}

// An editor shows the loader's words for a value of the wrong form, and is
// never told that null is a value to offer (README: docs/integrations.md).
TEST(JsonSchemaTest, EditorsGetMessagesAndNoNull) {
  std::string text = AgreementJsonSchema();
  nlohmann::json schema = nlohmann::json::parse(text);
  const auto& term = schema["else"]["properties"]["term"]["anyOf"][0]["properties"];
  EXPECT_EQ(term["commencement"]["anyOf"][0]["patternErrorMessage"],
            "Not a date: write YYYY-MM-DD naming a real day.");
  EXPECT_EQ(term["commencement"]["anyOf"][0]["errorMessage"],
            term["commencement"]["anyOf"][0]["patternErrorMessage"]);
  EXPECT_EQ(schema["then"]["properties"]["finance"]["anyOf"][0]["properties"]["year"]["anyOf"][0]
                  ["patternErrorMessage"],
            "Not a financial year: write YYYY/YY for two consecutive years, e.g. 2009/10.");
  EXPECT_EQ(text.find("null"), std::string::npos);
  EXPECT_EQ(schema["$defs"]["empty"]["not"]["type"].size(), 5U);
}

}  // namespace
}  // namespace s75
