// The migrate stage: format 1 text in, format 2 text out, with every value,
// every comment and every finding kept.
#include "migrate/migrate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "driver/pipeline.h"
#include "load/loader.h"
#include "load/yaml_text.h"
#include "schema/format.h"

namespace s75 {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 5;  // how much slower the sanitizer build runs
#else
constexpr double kSlowdown = 1;
#endif

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

LoadResult Load(const std::string& text) { return LoadAgreementText(text, "agreement.yaml", {}); }

// `text` loaded, migrated, and the result loaded again.
struct Migrated {
  LoadResult before;
  Migration migration;
  LoadResult after;
};

Migrated Migrate(const std::string& text) {
  Migrated m;
  m.before = Load(text);
  EXPECT_TRUE(m.before.checked) << "the test's input does not load";
  if (m.before.checked) {
    m.migration = MigrateToFormat2(text, *m.before.document, {});
    m.after = Load(m.migration.text);
  }
  return m;
}

// The number of findings of each rule: the DOC rules' only, or every rule's
// when checked with the built-in packs as of `as_of`.
std::map<std::string, int> DocCounts(const LoadResult& loaded) {
  std::map<std::string, int> counts;
  for (const Finding& f : loaded.findings) {
    ++counts[f.rule];
  }
  return counts;
}

std::map<std::string, int> RuleCounts(const LoadResult& loaded, Date as_of) {
  static const std::unique_ptr<const CompiledPack> kPack = [] {
    Diagnostics diags;
    return CompileBuiltinPacks({}, diags);
  }();
  CheckOptions options;
  options.as_of = as_of;
  std::map<std::string, int> counts;
  for (const Finding& f : CheckLoaded(*kPack, loaded, "agreement.yaml", options).findings) {
    ++counts[f.rule];
  }
  return counts;
}

std::string Difference(const Node* a, const Node* b, const FieldSpec& spec,
                       const std::string& path);

// The first difference between two mappings read as `spec` (an object:
// field by field, as the rules read them; a map of shares: entry by entry).
std::string MapDifference(const Node& a, const Node& b, const FieldSpec& spec,
                          const std::string& path) {
  if (spec.type == ValueType::kObject && !a.invalid && !b.invalid) {
    for (const FieldSpec& field : spec.fields) {
      if (!field.In(2)) {
        continue;
      }
      std::string d = Difference(FieldOf(&a, field.name), FieldOf(&b, field.name), field,
                                 path + "." + field.name);
      if (!d.empty()) {
        return d;
      }
    }
    return "";
  }
  if (a.entries.size() != b.entries.size()) {
    return path + ": " + std::to_string(a.entries.size()) + " entries became " +
           std::to_string(b.entries.size());
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    const FieldSpec& element = spec.element ? *spec.element : spec;
    std::string d = a.entries[i].first->text != b.entries[i].first->text
                        ? path + ": key " + a.entries[i].first->text + " changed"
                        : Difference(a.entries[i].second, b.entries[i].second, element,
                                     path + "." + a.entries[i].first->text);
    if (!d.empty()) {
      return d;
    }
  }
  return "";
}

// The first difference between two values of field `spec` ("" when none):
// their kind, their scalars' text and quoting, whether they are in error.
std::string Difference(const Node* a, const Node* b, const FieldSpec& spec,
                       const std::string& path) {
  if (a == nullptr || b == nullptr) {
    const Node* other = a == nullptr ? b : a;
    bool empty = other == nullptr ||
                 (spec.type == ValueType::kObject && !other->invalid &&
                  std::all_of(spec.fields.begin(), spec.fields.end(), [&](const FieldSpec& f) {
                    return !f.In(2) || FieldOf(other, f.name) == nullptr;
                  }));
    // A section format 2 has nothing left in (finance holding only fund
    // keys) is left out: the same as absent.
    return empty ? "" : path + (a == nullptr ? " appeared" : " is gone");
  }
  if (a->kind != b->kind || a->invalid != b->invalid || a->plain != b->plain ||
      a->text != b->text) {
    return path + ": '" + a->text + "' became '" + b->text + "'";
  }
  if (a->kind == NodeKind::kMap) {
    return MapDifference(*a, *b, spec, path);
  }
  if (a->kind == NodeKind::kSeq) {
    if (a->items.size() != b->items.size()) {
      return path + ": " + std::to_string(a->items.size()) + " items became " +
             std::to_string(b->items.size());
    }
    for (size_t i = 0; i < a->items.size(); ++i) {
      const FieldSpec& element = spec.element ? *spec.element : spec;
      std::string d =
          Difference(a->items[i], b->items[i], element, path + "[" + std::to_string(i) + "]");
      if (!d.empty()) {
        return d;
      }
    }
  }
  return "";
}

// The first difference between the models the rules read: every field of
// format 2, and of `funds` the first (the one fund of the format 1 file).
// The fund's `reporting` is left out: format 1's model reads
// management.reporting there, which stays in management.
std::string ModelDifference(const LoadResult& before, const LoadResult& after) {
  const FieldSpec& format = AgreementFormat();
  for (const FieldSpec& field : format.fields) {
    const Node* a = FieldOf(before.document->root, field.name);
    const Node* b = FieldOf(after.document->root, field.name);
    if (field.name != "funds") {
      bool compared = field.In(2) && field.name != "format";  // s75check/1 becomes /2
      std::string d = compared ? Difference(a, b, field, field.name) : "";
      if (!d.empty()) {
        return d;
      }
      continue;
    }
    if (a == nullptr || b == nullptr || b->items.empty()) {
      return "no funds";
    }
    FieldSpec fund = *field.element;
    fund.fields.erase(fund.fields.begin() + fund.FieldIndex("reporting"));
    fund.fields.erase(fund.fields.begin() + fund.FieldIndex("id"));
    std::string d = Difference(a->items[0], b->items[0], fund, "funds[0]");
    if (!d.empty()) {
      return d;
    }
  }
  return "";
}

// The comments of `text`: each comment line's and each comment after a
// value, from its `#`.
std::vector<std::string> Comments(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    size_t first = line.find_first_not_of(' ');
    size_t hash = first != std::string::npos && line[first] == '#' ? first : InlineComment(line);
    if (hash != std::string::npos) {
      out.push_back(line.substr(hash));
    }
  }
  return out;
}

// Files in `dir` named *.yaml.
std::vector<fs::path> YamlFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(S75_SOURCE_DIR) / dir)) {
    if (e.path().extension() == ".yaml") {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The evaluation date an example states its findings at, else a fixed one.
Date StatedAsOf(const std::string& text) {
  size_t at = text.find("--as-of ");
  std::optional<Date> d =
      at == std::string::npos ? std::nullopt : Date::Parse(text.substr(at + 8, 10));
  return d ? *d : *Date::Parse("2026-11-22");
}

// Checks what every migration of a file that loads must give: format 2, no
// new DOC finding, every value and every comment kept, and a second
// migration changing nothing.
void ExpectFaithful(const fs::path& file, const Migrated& m) {
  SCOPED_TRACE(file.string());
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  ASSERT_TRUE(m.after.checked);
  EXPECT_EQ(m.after.document->version, 2);
  EXPECT_EQ(DocCounts(m.before), DocCounts(m.after));
  EXPECT_EQ(ModelDifference(m.before, m.after), "");
  std::string out = m.migration.text;
  for (const std::string& comment : Comments(ReadText(file))) {
    EXPECT_NE(out.find(comment), std::string::npos) << "lost: " << comment;
  }
  Migration again = MigrateToFormat2(out, *m.after.document, {});
  EXPECT_TRUE(again.unchanged);
  EXPECT_EQ(again.text, out);
}

TEST(MigrateTest, EveryExampleKeepsItsValuesCommentsAndFindings) {
  std::vector<fs::path> files = YamlFiles("agreements");
  ASSERT_GE(files.size(), 9U);
  for (const fs::path& file : files) {
    std::string text = ReadText(file);
    if (Load(text).document->version == 2) {
      continue;  // written in format 2: nothing to migrate (MigrateTest.AFormat2FileIsLeftAsItIs)
    }
    Migrated m = Migrate(text);
    ExpectFaithful(file, m);
    if (m.after.checked) {
      EXPECT_EQ(RuleCounts(m.before, StatedAsOf(text)), RuleCounts(m.after, StatedAsOf(text)))
          << file;
    }
  }
}

// The register's fixtures are terse (flow mappings, no host): their values
// and comments survive too. Their rule findings may differ where a note says
// why (a fund added for a second arrangement, a fund that is not pooled).
TEST(MigrateTest, TheRegistersFixturesKeepTheirValuesAndComments) {
  int migrated = 0;
  for (const fs::path& file : YamlFiles("tests/fixtures/register")) {
    LoadResult loaded = Load(ReadText(file));
    if (loaded.checked) {
      ExpectFaithful(file, Migrate(ReadText(file)));
      ++migrated;
    }
  }
  EXPECT_EQ(migrated, 4);
}

// Fixtures in tests/fixtures/migrate, each NAME.yaml with the text migrate
// must write, NAME.migrated.yaml: comments in and around host, management
// and finance, block and flow, kept and moved. S75_UPDATE_GOLDEN=1 rewrites
// the expected files.
TEST(MigrateTest, FixturesMigrateAsExpected) {
  std::vector<fs::path> inputs;
  for (const fs::path& file : YamlFiles("tests/fixtures/migrate")) {
    if (file.string().find(".migrated.") == std::string::npos) {
      inputs.push_back(file);
    }
  }
  ASSERT_GE(inputs.size(), 4U);
  for (const fs::path& input : inputs) {
    fs::path expected = input;
    expected.replace_extension(".migrated.yaml");
    Migrated m = Migrate(ReadText(input));
    ExpectFaithful(input, m);
    if (std::getenv("S75_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(expected, std::ios::binary) << m.migration.text;
    }
    EXPECT_EQ(m.migration.text, ReadText(expected)) << input << " migrates to:\n"
                                                    << m.migration.text;
    EXPECT_TRUE(m.migration.notes.empty()) << input;
    EXPECT_TRUE(m.after.findings.empty()) << input << ": " << m.after.findings.front().message;
  }
}

TEST(MigrateTest, KeepsLineBreaksByteOrderMarkAndAMissingLastBreak) {
  const std::string text =
      "\xEF\xBB\xBF"
      "format: s75check/1\r\nagreement: {id: a, title: A, arrangements: "
      "[pooled_fund]}\r\npartners: [{id: p, name: P, kind: icb}]\r\nhost:\r\n  partner: p\r\n"
      "finance:\r\n  pool_total: 5\r\n  variation: By agreement";
  Migrated m = Migrate(text);
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  EXPECT_EQ(
      m.migration.text,
      "\xEF\xBB\xBF"
      "format: s75check/2\r\nagreement: {id: a, title: A, arrangements: "
      "[pooled_fund]}\r\npartners: [{id: p, name: P, kind: icb}]\r\nfunds:\r\n  - id: main\r\n"
      "    arrangement: pooled_fund\r\n    host: p\r\n    pool_total: 5\r\nfinance:\r\n"
      "  variation: By agreement");
}

const std::string kThreeArrangements = R"(format: s75check/1
agreement:
  id: mig
  title: Three arrangements
  arrangements: [integrated_provision, pooled_fund, care_trust, lead_commissioning]
partners: [{id: pct, name: A PCT, kind: pct}, {id: la, name: A Council, kind: local_authority}]
host: {partner: pct, support: "Seconded staff: two"}
finance:
  pool_total: 5
)";

TEST(MigrateTest, EachOtherFundArrangementGetsAFundWithTheHost) {
  Migrated m = Migrate(kThreeArrangements);
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  EXPECT_NE(m.migration.text.find(R"(funds:
  - id: main
    arrangement: pooled_fund
    host: pct
    host_support: "Seconded staff: two"
    pool_total: 5
  - id: integrated-provision
    arrangement: integrated_provision
    host: pct
    host_support: "Seconded staff: two"
  - id: lead-commissioning
    arrangement: lead_commissioning
    host: pct
    host_support: "Seconded staff: two"
)"),
            std::string::npos)
      << m.migration.text;
  EXPECT_EQ(DocCounts(m.after), DocCounts(m.before));  // no DOC.04: the lists agree
  ASSERT_EQ(m.migration.notes.size(), 1U);
  EXPECT_EQ(m.migration.notes[0].line, 5);
  EXPECT_NE(m.migration.notes[0].message.find(
                "lists integrated_provision, lead_commissioning besides pooled_fund"),
            std::string::npos);
  EXPECT_NE(m.migration.notes[0].message.find("`integrated-provision`, `lead-commissioning`"),
            std::string::npos);
}

TEST(MigrateTest, SaysWhenNoArrangementCanBeTold) {
  Migrated m = Migrate(
      "format: s75check/1\nagreement: {id: a, title: A, arrangements: [grant]}\n"
      "partners: [{id: p, name: P, kind: icb}]\nfinance: {pool_total: 5}\n");
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  ASSERT_EQ(m.migration.notes.size(), 1U);
  EXPECT_NE(m.migration.notes[0].message.find("no `arrangement`, which format 2 requires (DOC.05)"),
            std::string::npos);
  EXPECT_EQ(DocCounts(m.after)["DOC.05"], 1);
}

TEST(MigrateTest, SaysHowFormat2ReadsAFundThatIsNotAPooledFund) {
  const std::string head =
      "format: s75check/1\nagreement: {id: a, title: A, arrangements: [lead_commissioning]}\n"
      "partners: [{id: p, name: P, kind: icb}]\n";
  Migrated pooled = Migrate(head + "finance:\n  pooled: true\n");
  ASSERT_EQ(pooled.migration.notes.size(), 1U);
  EXPECT_EQ(pooled.migration.notes[0].line, 5);
  EXPECT_NE(pooled.migration.notes[0].message.find("format 2 reads such a fund as a pooled fund"),
            std::string::npos);
  Migrated not_pooled = Migrate(head + "finance:\n  pooled: false\n");
  ASSERT_EQ(not_pooled.migration.notes.size(), 1U);
  EXPECT_NE(not_pooled.migration.notes[0].message.find("not a pooled fund"), std::string::npos);
}

TEST(MigrateTest, KeysOfHostFormat1DoesNotKnowGoWithIt) {
  Migrated m = Migrate(
      "format: s75check/1\nagreement: {id: a, title: A, arrangements: [pooled_fund]}\n"
      "partners: [{id: p, name: P, kind: icb}]\nhost:\n  partner: p\n  suport: typo\n");
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  EXPECT_NE(m.migration.text.find("    host: p\n    suport: typo\n"), std::string::npos)
      << m.migration.text;
  EXPECT_EQ(DocCounts(m.after), DocCounts(m.before));  // one DOC.03, now in the fund
}

TEST(MigrateTest, ManyEntriesAndCommentsTakeLinearTime) {
  // 100,000 flow entries with comments, half moved: a search of every
  // comment for every entry would stall here.
  std::string text =
      "format: s75check/1\nagreement: {id: a, title: A, arrangements: [pooled_fund]}\n"
      "partners: [{id: p, name: P, kind: icb}]\nfinance: {\n";
  for (int i = 0; i < 100000; ++i) {
    std::string n = std::to_string(i);
    text += i % 2 == 0 ? "  pool_total: " + n + ",  # p" + n + "\n"
                       : "  # about variation " + n + "\n  variation: v" + n + ",  # v" + n + "\n";
  }
  text += "  charging: c}\n";
  std::clock_t start = std::clock();
  Migrated m = Migrate(text);
  // Processor time, which other work on the machine barely changes: about
  // 2 s here, loads included (more under the sanitizers); a search of every
  // comment for every entry takes over 20.
  EXPECT_LT(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC, 10.0 * kSlowdown);
  ASSERT_TRUE(m.migration.migrated) << m.migration.failure.message;
  EXPECT_NE(m.migration.text.find("    pool_total: 99998  # p99998\n"), std::string::npos);
  EXPECT_NE(m.migration.text.find("  # about variation 99999\n  variation: v99999,  # v99999\n"),
            std::string::npos);
  EXPECT_EQ(Comments(m.migration.text).size(), Comments(text).size());
}

TEST(MigrateTest, AFormat2FileIsLeftAsItIs) {
  std::string text = ReadText(fs::path(S75_SOURCE_DIR) / "agreements" / "draft-tbc.yaml");
  Migrated once = Migrate(text);
  ASSERT_TRUE(once.migration.migrated);
  Migrated twice = Migrate(once.migration.text);
  EXPECT_TRUE(twice.migration.unchanged);
  EXPECT_FALSE(twice.migration.migrated);
  EXPECT_EQ(twice.migration.text, once.migration.text);
}

// Files migrate will not rewrite: it says where and why, and returns no text.
TEST(MigrateTest, RefusesWhatItCannotRewriteAndSaysWhere) {
  struct Case {
    std::string text;
    int line;
    std::string says;
  };
  const std::string head =
      "agreement: {id: a, title: A}\npartners: [{id: p, name: P, kind: icb}]\n";
  for (const Case& c : std::vector<Case>{
           {"format: s75check/1\n" + head + "funds: []\n", 4, "already has a `funds` key"},
           {"{format: s75check/1, agreement: {id: a, title: A}, partners: [{id: p, name: P, "
            "kind: icb}], host: {partner: p}}\n",
            1, "flow mapping"},
           {"format: s75check/1\n" + head + "x: &h {partner: p}\nhost: *h\n", 5, "alias"},
           {"format: s75check/1\n" + head + "host: {partner: p, support: &s Staff}\n" +
                "management: {monitoring: {description: *s}}\nfinance: {pool_total: 5}\n",
            0, "would come before the anchor"},
       }) {
    Migrated m = Migrate(c.text);
    EXPECT_FALSE(m.migration.migrated) << c.text;
    EXPECT_TRUE(m.migration.text.empty());
    EXPECT_EQ(m.migration.failure.line, c.line) << c.text;
    EXPECT_NE(m.migration.failure.message.find(c.says), std::string::npos)
        << m.migration.failure.message;
  }
}

}  // namespace
}  // namespace s75
