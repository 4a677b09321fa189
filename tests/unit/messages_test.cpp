// Messages that teach: a finding about a placeholder ("TBC", "to be agreed",
// "[TBA]" ...) calls it a placeholder, on every example agreement and on the
// model `init` prints, whose text is all placeholders.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "common/read_file.h"
#include "compile/placeholder.h"
#include "driver/pipeline.h"
#include "load/loader.h"
#include "schema/model_agreement.h"

namespace s75 {
namespace {

namespace fs = std::filesystem;

bool IsPlaceholderScalar(const Node* n) {
  return n != nullptr && n->kind == NodeKind::kScalar && IsPlaceholder(n->text, false);
}

// The node a finding's path ("finance.contributions[1].amount") names, or
// null when the path leaves the document.
const Node* NodeAt(const Node* root, const std::string& path) {
  static const std::regex kStep(R"(([^.\[]+)|\[(\d+)\])");
  const Node* n = root;
  for (auto it = std::sregex_iterator(path.begin(), path.end(), kStep);
       n != nullptr && it != std::sregex_iterator(); ++it) {
    const std::smatch& step = *it;
    if (step[1].matched) {
      n = n->kind == NodeKind::kMap ? FieldOf(n, step[1].str()) : nullptr;
    } else {
      size_t i = std::stoul(step[2].str());
      n = n->kind == NodeKind::kSeq && i < n->items.size() ? n->items[i] : nullptr;
    }
  }
  return n;
}

// Why a finding at `at` concerns a placeholder, or "" when it does not: `at`
// is a placeholder; or a list whose entries are placeholders or empty, one at
// least a placeholder; or a mapping with a placeholder under a key the message
// names (there "n/a" counts as an answer, as CF.05 takes it, since its
// messages name the Good Governance principles in plain words).
std::string PlaceholderConcerned(const Node* at, const std::string& message) {
  if (IsPlaceholderScalar(at)) {
    return "the value is '" + at->text + "'";
  }
  if (at != nullptr && at->kind == NodeKind::kSeq && !at->items.empty()) {
    bool any = false;
    for (const Node* item : at->items) {
      bool blank =
          item->kind == NodeKind::kNull || (item->kind == NodeKind::kScalar && IsBlank(item->text));
      if (!blank && !IsPlaceholderScalar(item)) {
        return "";
      }
      any = any || !blank;
    }
    return any ? "the list holds only placeholders" : "";
  }
  if (at != nullptr && at->kind == NodeKind::kMap) {
    for (const auto& [key, value] : at->entries) {
      std::regex word("(^|[^a-z_])" + key->text + "($|[^a-z_])");
      if (value->kind == NodeKind::kScalar && IsPlaceholder(value->text, true) &&
          std::regex_search(message, word)) {
        return "it names " + key->text + ", which is '" + value->text + "'";
      }
    }
  }
  return "";
}

// Checks `text` with the built-in packs and returns how many findings concern
// a placeholder, failing the test for each that does not call it one.
int ExpectPlaceholdersNamed(const std::string& text, const std::string& name) {
  Diagnostics diags;
  auto pack = CompileBuiltinPacks({}, diags);
  EXPECT_TRUE(pack);
  if (!pack) {
    return 0;
  }
  LoadResult loaded = LoadAgreementText(text, name, LoadLimits{});
  CheckOptions options;
  options.as_of = *Date::Parse("2026-11-22");
  FileResult result = CheckLoaded(*pack, loaded, name, options);
  int concerned = 0;
  for (const Finding& f : result.findings) {
    std::string why = PlaceholderConcerned(NodeAt(loaded.document->root, f.path), f.message);
    if (!why.empty()) {
      ++concerned;
      EXPECT_NE(f.message.find("placeholder"), std::string::npos)
          << name << ":" << f.range.line << ": " << f.rule << " at " << f.path << " (" << why
          << ") does not call it a placeholder: " << f.message;
    }
  }
  return concerned;
}

TEST(MessagesTest, TheDraftsPlaceholdersAreCalledPlaceholders) {
  std::string text;
  ASSERT_EQ(
      ReadWholeFile((fs::path(S75_SOURCE_DIR) / "agreements" / "draft-tbc.yaml").string(), text),
      "");
  // aims, council functions, host support, governance (2), renewal, exit and
  // assets, 7 technical matters, 6 finance texts, 2 purposes, audit, continuity
  // and feedback; the count keeps the test from passing by matching nothing.
  EXPECT_GE(ExpectPlaceholdersNamed(text, "draft-tbc.yaml"), 26);
}

TEST(MessagesTest, EveryExamplesPlaceholderFindingSaysSo) {
  int files = 0;
  int concerned = 0;
  for (const auto& e : fs::directory_iterator(fs::path(S75_SOURCE_DIR) / "agreements")) {
    if (e.path().extension() == ".yaml") {
      std::string text;
      ASSERT_EQ(ReadWholeFile(e.path().string(), text), "");
      concerned += ExpectPlaceholdersNamed(text, e.path().filename().string());
      ++files;
    }
  }
  // Every example was read, and the placeholders found are at least the
  // draft's: the test cannot pass by reading nothing or matching nothing.
  EXPECT_GE(files, 9);
  EXPECT_GE(concerned, 26);
}

TEST(MessagesTest, TheModelsPlaceholdersAreCalledPlaceholders) {
  for (const std::string& arrangement : ModelArrangements()) {
    ModelOptions options;
    options.arrangements = {arrangement};
    EXPECT_GE(ExpectPlaceholdersNamed(ModelAgreement(options), "init-" + arrangement + ".yaml"),
              38);
  }
}

// Placeholders among the fields of one list entry: the entry's finding lists
// them as placeholders, apart from what is missing.
TEST(MessagesTest, AnOutcomesPlaceholdersAreToldFromWhatIsMissing) {
  EXPECT_EQ(ExpectPlaceholdersNamed("format: s75check/1\n"
                                    "agreement: {id: x, title: X}\n"
                                    "partners: [{id: a, name: A, kind: icb}]\n"
                                    "outcomes:\n"
                                    "  - id: o1\n"
                                    "    indicator: NI 136\n"
                                    "    baseline: {value: 100}\n"
                                    "    target: {value: 120}\n"
                                    "    lead: TBC\n"
                                    "    data_source: to be agreed\n",
                                    "outcome.yaml"),
            1);
}

// A waiver whose rule is still TBC: WAIVER.02 says so rather than looking
// for a rule called TBC.
TEST(MessagesTest, AWaiverOfAPlaceholderRuleIsCalledOne) {
  EXPECT_EQ(ExpectPlaceholdersNamed("format: s75check/1\n"
                                    "agreement: {id: x, title: X}\n"
                                    "partners: [{id: a, name: A, kind: icb}]\n"
                                    "waivers:\n"
                                    "  - {rule: TBC, reason: Accepted, approved_by: Board}\n",
                                    "waiver.yaml"),
            1);
}

}  // namespace
}  // namespace s75
