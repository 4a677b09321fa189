// The built-ins: each descriptor complete and found by name, each function
// and operator evaluated on a small agreement, and the language reference's
// tables of functions and operators written from the descriptors.
#include "compile/builtins.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/atomic_file.h"
#include "compile/pack.h"
#include "eval/evaluator.h"
#include "load/loader.h"

namespace s75 {
namespace {

TEST(BuiltinsTest, EveryFunctionIsDescribedAndFoundByName) {
  ASSERT_FALSE(Functions().empty());
  for (const Builtin& f : Functions()) {
    EXPECT_EQ(FindFunction(f.name), &f) << f.name;
    EXPECT_FALSE(IsOperator(f)) << f.name;
    EXPECT_EQ(f.signature.rfind(std::string(f.name) + "(", 0), 0U) << f.name;
    EXPECT_FALSE(f.meaning.empty() || f.example.empty()) << f.name;
    EXPECT_LE(f.min_args, f.max_args) << f.name;
    EXPECT_TRUE(f.check != nullptr && f.run != nullptr) << f.name;
  }
  EXPECT_EQ(FindFunction("nosuch"), nullptr);
  EXPECT_EQ(FindFunction("and"), nullptr);  // an operator, not a function
}

TEST(BuiltinsTest, EveryOperatorHasItsBuiltin) {
  EXPECT_EQ(OperatorBuiltin(Operator::kNotIn).name, "not in");
  EXPECT_EQ(OperatorBuiltin(Operator::kNegate).min_args, 1);
  EXPECT_EQ(OperatorBuiltin(Operator::kSubtract).min_args, 2);
  for (const Builtin& op : Operators()) {
    EXPECT_TRUE(IsOperator(op)) << op.name;
    EXPECT_FALSE(op.signature.empty() || op.meaning.empty() || op.example.empty()) << op.name;
    EXPECT_TRUE(op.check != nullptr && op.run != nullptr) << op.name;
  }
}

const char* kAgreement = R"(format: s75check/1
agreement: {id: a1, title: Joint Equipment Store, legal_basis: s75}
partners:
  - {id: icb, name: NHS ICB, kind: icb}
  - {id: mcc, name: Manchester City Council, kind: local_authority}
term: {commencement: 2024-04-01, renewal: TBC}
finance:
  pool_total: 300
  contributions: [{partner: icb, amount: 100}, {partner: mcc, amount: 200.50}]
  overspend: {shares: {icb: 0.6, mcc: 0.4}}
)";

// What `expression` reads as in a message about kAgreement, as of 2026-11-22.
std::string Evaluated(const std::string& expression) {
  Diagnostics diags;
  auto pack = CompilePack({{"rules/t.rules",
                            "rule X.01 \"x\" {\n title \"X\"\n severity error\n"
                            " check { report \"{" +
                                expression + "}\" }\n}\n"}},
                          diags);
  if (!pack) {
    return "does not compile: " + (diags.items().empty() ? "" : diags.items()[0].message);
  }
  LoadResult doc = LoadAgreementText(kAgreement, "a.yaml", LoadLimits{});
  std::vector<Finding> out;
  Evaluate(*pack, *doc.document, EvalOptions{*Date::Parse("2026-11-22")}, out);
  return out.size() == 1 ? out[0].message : "no single finding";
}

struct Case {
  const char* expression;
  const char* value;
};

// Each built-in function and operator on a small agreement: one or more
// cases per descriptor, beside it in the order of the language reference.
const Case kCases[] = {
    {"described(agreement.title)", "true"},
    {"described(term.renewal)", "false"},
    {"answered('n/a')", "true"},
    {"described('n/a')", "false"},
    {"absence(term.renewal)", "a placeholder ('TBC')"},
    {"absence(funds[0].host_support)", "missing"},
    {"absence(agreement.title)", "described"},
    {"present(funds[0].pool_total)", "true"},
    {"missing(funds[0].pool_total)", "false"},
    {"count(partners)", "2"},
    {"count(p in partners where p.kind == 'icb')", "1"},
    {"sum(funds[0].contributions.amount)", "£300.50"},
    {"min(funds[0].contributions.amount)", "£100"},
    {"max(funds[0].contributions.amount)", "£200.50"},
    {"max([2024-04-01, 2023-01-01])", "2024-04-01"},
    {"distinct(['a', 'b', 'a'])", "a, b"},
    {"duplicates(['a', 'b', 'a', 'a'])", "a, a"},
    {"any(p in partners where p.kind == 'icb')", "true"},
    {"all(p in partners where p.kind == 'icb')", "false"},
    {"none(p in partners where p.kind == 'nhs_trust')", "true"},
    {"matches(agreement.id, '^[a-z][0-9]$')", "true"},
    {"contains_word(agreement.title, 'equipment  store')", "true"},
    {"contains_word(agreement.title, 'equip')", "false"},
    {"mentions(agreement.title, 'STORE')", "true"},
    {"mentions('Non-surgical podiatry', 'surgical')", "false"},
    {"lower(agreement.title)", "joint equipment store"},
    {"join(partners.id)", "icb, mcc"},
    {"join(partners.id, ' and ')", "icb and mcc"},
    // A list whose items are kept only where their `if` holds, beside items
    // that have none (laid out as items, then one condition per item).
    {"join(['a' if count(partners) > 5, 'b', 'c' if count(partners) == 2])", "b, c"},
    {"join(['x', funds[0].host_support if present(funds[0].host_support)])", "x"},
    {"partner('mcc').name", "Manchester City Council"},
    {"partner('nosuch').name", "(not given)"},
    {"keys(funds[0].overspend.shares)", "icb, mcc"},
    {"values(funds[0].overspend.shares)", "0.6, 0.4"},
    {"months(3)", "3 months"},
    {"days(1)", "1 day"},
    {"term.commencement + days(30)", "2024-05-01"},
    {"coalesce(funds[0].host_support, 'none given')", "none given"},
    {"coalesce(agreement.id, 'none given')", "a1"},
    {"true or 1 / 0 == 1", "true"},
    {"false and 1 / 0 == 1", "false"},
    {"not (1 < 2)", "false"},
    {"1 / 0", "(invalid)"},
    {"agreement.title == 'Joint Equipment Store'", "true"},
    {"funds[0].host_support != 'x'", "true"},
    {"term.commencement < 2024-04-02", "true"},
    {"2 <= 2", "true"},
    {"3 > 2", "true"},
    {"2 >= 3", "false"},
    {"'icb' in partners.kind", "true"},
    {"'icb' not in partners.kind", "false"},
    {"funds[0].pool_total + 1 * 2 - 0.5", "£301.50"},
    {"term.commencement - 1 month", "2024-03-01"},
    {"12 / 5", "2.4"},
    {"-funds[0].pool_total", "-£300"},
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.expression; }

class BuiltinCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(BuiltinCaseTest, Evaluates) {
  EXPECT_EQ(Evaluated(GetParam().expression), GetParam().value) << GetParam().expression;
}

INSTANTIATE_TEST_SUITE_P(Builtins, BuiltinCaseTest, ::testing::ValuesIn(kCases));

// Every function and operator has a case above.
TEST(BuiltinsTest, EveryBuiltinHasACase) {
  for (const Builtin& b : Functions()) {
    bool found = false;
    for (const Case& c : kCases) {
      found =
          found || std::string(c.expression).find(std::string(b.name) + "(") != std::string::npos;
    }
    EXPECT_TRUE(found) << b.name << " has no case in kCases";
  }
  for (const Builtin& op : Operators()) {
    std::string spelled =
        op.name == "-" && op.min_args == 1 ? "-f" : " " + std::string(op.name) + " ";
    bool found = false;
    for (const Case& c : kCases) {
      std::string e = c.expression;
      found = found || e.find(spelled) != std::string::npos ||
              (op.name == "not" && e.rfind("not ", 0) == 0);
    }
    EXPECT_TRUE(found) << op.name << " has no case in kCases";
  }
}

// `| a | b |` with the cells as given.
std::string Row(std::initializer_list<std::string> cells) {
  std::string out = "|";
  for (const std::string& c : cells) {
    out += " " + c + " |";
  }
  return out + "\n";
}

std::string Code(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string FunctionTable() {
  std::string out = Row({"function", "signature", "meaning", "example"}) + "|---|---|---|---|\n";
  for (const Builtin& f : Functions()) {
    out += Row({Code(f.name), Code(f.signature), std::string(f.meaning), Code(f.example)});
  }
  return out;
}

// One row for each run of operators that read alike.
std::string OperatorTable() {
  std::string out =
      Row({"operator", "operands (checked at compile time)", "result"}) + "|---|---|---|\n";
  std::span<const Builtin> ops = Operators();
  for (size_t i = 0; i < ops.size();) {
    std::string forms = Code(ops[i].example);
    size_t j = i + 1;
    for (;
         j < ops.size() && ops[j].signature == ops[i].signature && ops[j].meaning == ops[i].meaning;
         ++j) {
      forms += ", " + Code(ops[j].example);
    }
    out += Row({forms, std::string(ops[i].signature), std::string(ops[i].meaning)});
    i = j;
  }
  return out;
}

// The lines between the marker comment `<!-- generated: NAME ... -->` and
// `<!-- end: NAME -->` of `doc`, replaced by `table`; "" without the markers.
std::string WithTable(const std::string& doc, const std::string& name, const std::string& table) {
  size_t begin = doc.find("<!-- generated: " + name);
  begin = begin == std::string::npos ? begin : doc.find("-->\n", begin);
  size_t end = doc.find("<!-- end: " + name + " -->");
  if (begin == std::string::npos || end == std::string::npos || end < begin) {
    return "";
  }
  begin += 4;
  return doc.substr(0, begin) + table + doc.substr(end);
}

// The reference's tables are the descriptors'; S75_UPDATE_GOLDEN=1 rewrites them.
TEST(BuiltinsTest, LanguageReferenceTablesAreTheDescriptors) {
  const std::string path = std::string(S75_SOURCE_DIR) + "/docs/rule-language.md";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  std::string expected =
      WithTable(WithTable(doc, "operators", OperatorTable()), "functions", FunctionTable());
  ASSERT_FALSE(expected.empty()) << "the generated-table markers are missing from " << path;
  if (std::getenv("S75_UPDATE_GOLDEN") != nullptr && expected != doc) {
    ASSERT_EQ(WriteFileAtomically(path, expected), "");
    doc = expected;
  }
  EXPECT_EQ(doc, expected) << path << " is out of date: run S75_UPDATE_GOLDEN=1 "
                           << "build/tests/s75_unit_tests --gtest_filter='BuiltinsTest.*'";
}

}  // namespace
}  // namespace s75
