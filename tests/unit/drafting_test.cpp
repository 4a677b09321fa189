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

// Every key the format defines under `spec` is a key of `node`, and every
// list of mappings has an entry: so the model covers the whole format.
void ExpectCovers(const Node* node, const FieldSpec& spec, const std::string& path) {
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
      EXPECT_TRUE(found) << "init writes no " << sub;
      if (found) {
        ExpectCovers(value, f, sub);
      }
    }
  }
  if (spec.type == ValueType::kList && spec.element->type == ValueType::kObject) {
    ASSERT_TRUE(node != nullptr && !node->items.empty()) << "init writes no entry of " << path;
    ExpectCovers(node->items[0], *spec.element, path + "[0]");
  }
}

TEST(ModelAgreementTest, CoversEveryFieldAndLoadsWithoutDocumentErrors) {
  for (const std::string& arrangement : ModelArrangements()) {
    for (const std::string& model : ModelFinancialModels()) {
      std::string text = ModelAgreement({{arrangement}, model, 3});
      LoadResult r = LoadAgreementText(text, "model.yaml", {});
      ASSERT_TRUE(r.checked) << arrangement << " " << model;
      for (const Finding& f : r.findings) {
        ADD_FAILURE() << arrangement << " " << model << ": " << f.range.line << ": " << f.rule
                      << " " << f.message;
      }
      ExpectCovers(r.document->root, AgreementFormat(), "");
    }
  }
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
  std::string text = ModelAgreement({{"aligned_budget"}, "aligned_budget", 4});
  EXPECT_NE(text.find("legal_basis: non_statutory"), std::string::npos);
  EXPECT_NE(text.find("arrangements: [aligned_budget]"), std::string::npos);
  EXPECT_NE(text.find("financial_model: aligned_budget"), std::string::npos);
  EXPECT_NE(text.find("pooled: false"), std::string::npos);
  EXPECT_NE(text.find("members: [nhs-body, council, partner-3, partner-4]"), std::string::npos);
  std::string pooled = ModelAgreement({});
  EXPECT_NE(pooled.find("legal_basis: s75"), std::string::npos);
  EXPECT_NE(pooled.find("pooled: true"), std::string::npos);
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
  EXPECT_EQ(schema["required"], nlohmann::json({"format", "agreement", "partners"}));
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(schema["properties"]["format"]["const"], "s75check/1");
  const auto& partner = schema["properties"]["partners"]["items"]["anyOf"][0];
  EXPECT_EQ(partner["required"], nlohmann::json({"id", "name", "kind"}));
  EXPECT_EQ(schema["properties"]["partners"]["minItems"], 1);
  const auto& status = schema["properties"]["agreement"]["properties"]["status"];
  EXPECT_EQ(status["anyOf"][0]["enum"],
            nlohmann::json({"draft", "signed", "in_force", "expired", "terminated"}));
  EXPECT_EQ(status["anyOf"][1], nlohmann::json({{"$ref", "#/$defs/empty"}}));
  EXPECT_EQ(status["description"],
            "Where the agreement stands. [MTAE para 37; MTAE Table 1 rows 9–10]");
}

// An editor shows the loader's words for a value of the wrong form, and is
// never told that null is a value to offer (README: docs/integrations.md).
TEST(JsonSchemaTest, EditorsGetMessagesAndNoNull) {
  std::string text = AgreementJsonSchema();
  nlohmann::json schema = nlohmann::json::parse(text);
  const auto& term = schema["properties"]["term"]["anyOf"][0]["properties"];
  EXPECT_EQ(term["commencement"]["anyOf"][0]["patternErrorMessage"],
            "Not a date: write YYYY-MM-DD naming a real day.");
  EXPECT_EQ(term["commencement"]["anyOf"][0]["errorMessage"],
            term["commencement"]["anyOf"][0]["patternErrorMessage"]);
  EXPECT_EQ(schema["properties"]["finance"]["anyOf"][0]["properties"]["year"]["anyOf"][0]
                  ["patternErrorMessage"],
            "Not a financial year: write YYYY/YY for two consecutive years, e.g. 2009/10.");
  EXPECT_EQ(text.find("null"), std::string::npos);
  EXPECT_EQ(schema["$defs"]["empty"]["not"]["type"].size(), 5U);
}

}  // namespace
}  // namespace s75
