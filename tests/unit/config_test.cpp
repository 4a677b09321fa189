// The settings file: every key, path resolution, located errors, precedence
// of flags, and discovery in the nearest parent directory.
#include "cli/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/huge_pages.h"

namespace s75 {
namespace {

namespace fs = std::filesystem;

CheckConfig Parse(const std::string& text, const std::string& file = "conf/.s75check.yaml") {
  Diagnostic error;
  std::optional<CheckConfig> config = ParseConfig(text, file, error);
  EXPECT_TRUE(config) << error.message;
  return config.value_or(CheckConfig());
}

// The error for `text`, as "file:line:column: message".
std::string Error(const std::string& text) {
  Diagnostic error;
  EXPECT_FALSE(ParseConfig(text, ".s75check.yaml", error));
  return error.range.ToString() + ": " + error.message;
}

TEST(ConfigTest, ReadsEveryKey) {
  CheckConfig c = Parse(
      "# settings\n"
      "fail-on: warning\n"
      "format: json\n"
      "select: T1, FIN.01\n"
      "ignore: [CF, HFD.07]\n"
      "extra-rules: [local-rules, ../shared/rules]\n"
      "exclude: ['.github/**', drafts/]\n"
      "baseline: ./s75-baseline.json\n");
  EXPECT_EQ(c.dir, "conf");
  EXPECT_EQ(c.fail_on, "warning");
  EXPECT_EQ(c.format, "json");
  EXPECT_EQ(c.select, std::vector<std::string>{"T1, FIN.01"});
  EXPECT_EQ(c.ignore, (std::vector<std::string>{"CF", "HFD.07"}));
  EXPECT_EQ(c.select_label, "conf/.s75check.yaml:4:9: select");
  EXPECT_EQ(c.extra_rules, (std::vector<std::string>{"conf/local-rules", "shared/rules"}));
  EXPECT_EQ(c.exclude, (std::vector<std::string>{".github/**", "drafts/"}));
  EXPECT_EQ(c.baseline, "conf/s75-baseline.json");
}

TEST(ConfigTest, AnEmptyFileSetsNothing) {
  CheckConfig c = Parse("# nothing yet\n", ".s75check.yaml");
  EXPECT_FALSE(c.fail_on || c.format || c.select || c.ignore || c.extra_rules || c.exclude ||
               c.baseline);
  EXPECT_EQ(Parse("extra-rules: rules\n", ".s75check.yaml").extra_rules,
            std::vector<std::string>{"rules"});
}

TEST(ConfigTest, ErrorsGiveLineAndColumn) {
  EXPECT_EQ(Error("fail-on: error\nfail_on: warning\n"),
            ".s75check.yaml:2:1: unknown key `fail_on`; did you mean `fail-on`?");
  EXPECT_EQ(Error("colour: red\n"),
            ".s75check.yaml:1:1: unknown key `colour` (the keys are fail-on, select, ignore, "
            "extra-rules, exclude, format, baseline, max-file-size, max-depth, max-nodes and "
            "max-string-length)");
  EXPECT_EQ(Error("\nfail-on: warnings\n"),
            ".s75check.yaml:2:10: `fail-on` takes error, warning, info or never, not 'warnings'; "
            "did you mean 'warning'?");
  EXPECT_EQ(Error("format: [json]\n"),
            ".s75check.yaml:1:9: `format` takes text, json, junit, github, sarif, html, markdown, "
            "csv or xlsx");
  EXPECT_EQ(Error("select: {T1: yes}\n"),
            ".s75check.yaml:1:9: `select` takes a rule id or family, a comma-separated string of "
            "them, or a list of them");
  EXPECT_EQ(Error("exclude:\n  - a\n  - [b]\n"),
            ".s75check.yaml:3:5: `exclude` takes a path glob, or a list of them; this item is not "
            "one");
  EXPECT_EQ(Error("exclude: ''\n"),
            ".s75check.yaml:1:10: `exclude` takes a path glob, or a list of them; this one is "
            "empty");
  EXPECT_EQ(Error("fail-on: error\nignore:\n"),
            ".s75check.yaml:2:1: `ignore` has no value: give one or remove the key");
  EXPECT_EQ(Error("select: T1\nselect: T2\n"),
            ".s75check.yaml:2:1: `select` is given twice (first at line 1)");
  EXPECT_EQ(Error("baseline: [a, b]\n"),
            ".s75check.yaml:1:11: `baseline` takes the path of a baseline file");
  EXPECT_EQ(Error("- fail-on\n").substr(0, 58),
            ".s75check.yaml:1:1: the settings file is a mapping of keys");
}

TEST(ConfigTest, YamlSyntaxErrorsAreLocated) {
  EXPECT_EQ(Error("fail-on: error\nselect: [T1\nformat: json\n").substr(0, 44),
            ".s75check.yaml:3:7: not valid YAML: end of s");
  EXPECT_EQ(Error("fail-on: error\n  select: T1\n"),
            ".s75check.yaml:2:9: not valid YAML: illegal map value");
}

std::function<bool(std::string_view)> Given(std::set<std::string, std::less<>> flags) {
  return [flags = std::move(flags)](std::string_view f) { return flags.count(f) > 0; };
}

TEST(ConfigTest, FlagsWin) {
  CheckConfig c = Parse(
      "fail-on: never\nformat: json\nselect: T1\nignore: T1.08\nexclude: [a]\n"
      "extra-rules: r\nbaseline: b.json\n");
  CheckCommand cmd;
  ApplyConfig(c, Given({}), cmd);
  EXPECT_EQ(cmd.fail_on, "never");
  EXPECT_EQ(cmd.format, "json");
  EXPECT_EQ(cmd.select, std::vector<std::string>{"T1"});
  EXPECT_EQ(cmd.ignore, std::vector<std::string>{"T1.08"});
  EXPECT_EQ(cmd.ignore_label, "conf/.s75check.yaml:4:9: ignore");
  EXPECT_EQ(cmd.exclude, std::vector<std::string>{"a"});
  EXPECT_EQ(cmd.exclude_dir, "conf");
  EXPECT_EQ(cmd.pack.extra_dirs, std::vector<std::string>{"conf/r"});
  EXPECT_EQ(cmd.baseline, "conf/b.json");

  CheckCommand flags;
  flags.fail_on = "info";
  flags.select = {"FIN"};
  ApplyConfig(c, Given({"fail-on", "select", "write-baseline"}), flags);
  EXPECT_EQ(flags.fail_on, "info");
  EXPECT_EQ(flags.select, std::vector<std::string>{"FIN"});
  EXPECT_EQ(flags.select_label, "--select");
  EXPECT_TRUE(flags.ignore.empty());    // --select replaces the file's selection whole
  EXPECT_TRUE(flags.baseline.empty());  // --write-baseline: the file's baseline is not read
  EXPECT_EQ(flags.format, "json");      // not given: from the file
}

TEST(ConfigTest, LimitsAreReadCheckedAndOverriddenByFlags) {
  CheckConfig c =
      Parse("max-file-size: 20971520\nmax-depth: 64\nmax-nodes: 5000\nmax-string-length: 4096\n");
  CheckCommand cmd;
  ApplyConfig(c, Given({}), cmd);
  EXPECT_EQ(cmd.limits.max_file_bytes, 20971520U);
  EXPECT_EQ(cmd.limits.max_depth, 64);
  EXPECT_EQ(cmd.limits.max_nodes, 5000U);
  EXPECT_EQ(cmd.limits.max_string_bytes, 4096U);

  CheckCommand flags;
  flags.limits.max_depth = 9;
  ApplyConfig(c, Given({"max-depth"}), flags);
  EXPECT_EQ(flags.limits.max_depth, 9);  // the flag wins
  EXPECT_EQ(flags.limits.max_nodes, 5000U);

  EXPECT_EQ(Error("max-depth: 1001\n"),
            ".s75check.yaml:1:12: `max-depth` takes a whole number from 1 to 1000, not '1001'");
  EXPECT_EQ(Error("max-nodes: 0\n"),
            ".s75check.yaml:1:12: `max-nodes` takes a whole number from 1 to 1099511627776, not "
            "'0'");
  EXPECT_EQ(Error("max-string-length: 1MB\n"),
            ".s75check.yaml:1:20: `max-string-length` takes a whole number from 1 to "
            "1099511627776, not '1MB'");
  EXPECT_EQ(Error("max-file-size: [1]\n"),
            ".s75check.yaml:1:16: `max-file-size` takes a whole number from 1 to 1099511627776");
}

// A directory tree in the temporary directory, removed afterwards.
class ConfigFileTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("s75-config-test-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "a" / "b");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }
  fs::path root_;
};

TEST_F(ConfigFileTest, TheNearestParentsFileIsFound) {
  std::optional<fs::path> none = FindConfigFile(root_ / "a" / "b");
  EXPECT_TRUE(!none || none->parent_path() != root_) << "a stray " << *none;
  Write(root_ / ".s75check.yaml", "fail-on: never\n");
  EXPECT_EQ(FindConfigFile(root_ / "a" / "b"), root_ / ".s75check.yaml");
  Write(root_ / "a" / ".s75check.yaml", "fail-on: info\n");
  EXPECT_EQ(FindConfigFile(root_ / "a" / "b"), root_ / "a" / ".s75check.yaml");
  EXPECT_EQ(FindConfigFile(root_), root_ / ".s75check.yaml");
}

TEST_F(ConfigFileTest, LoadConfigNamesTheFileOnError) {
  Write(root_ / "bad.yaml", "fail-on: error\nselect: {}\n");
  CheckCommand cmd;
  std::ostringstream err;
  EXPECT_FALSE(LoadConfig({(root_ / "bad.yaml").string(), false}, Given({}), cmd, err));
  EXPECT_NE(err.str().find("bad.yaml:2:9: error: `select` takes"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("  select: {}\n          ^\n"), std::string::npos) << err.str();

  err.str("");
  EXPECT_FALSE(LoadConfig({(root_ / "none.yaml").string(), false}, Given({}), cmd, err));
  EXPECT_NE(err.str().find("cannot read the settings file"), std::string::npos) << err.str();
  EXPECT_TRUE(LoadConfig({(root_ / "none.yaml").string(), true}, Given({}), cmd, err));
}

}  // namespace
}  // namespace s75

// The process set-up main does first: the heap's mapping is advised for huge
// pages (its VmFlags in /proc/self/smaps gain `hg`), where the kernel has them.
TEST(HugePagesTest, TheHeapMappingIsAdvised) {
  if (access("/sys/kernel/mm/transparent_hugepage/enabled", F_OK) != 0) {
    GTEST_SKIP() << "this kernel has no transparent huge pages";
  }
  s75::AdviseHugePages();
  auto block = std::make_unique<char[]>(64);
  auto at = reinterpret_cast<std::uintptr_t>(block.get());
  std::ifstream smaps("/proc/self/smaps");
  ASSERT_TRUE(smaps) << "no /proc/self/smaps";
  std::string line;
  bool in_heap = false;
  std::string flags;
  while (std::getline(smaps, line)) {
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &start, &end) == 2 && line.find('-') < 16) {
      in_heap = start <= at && at < end;
    } else if (in_heap && line.rfind("VmFlags:", 0) == 0) {
      flags = line;
      break;
    }
  }
  EXPECT_NE(flags.find(" hg"), std::string::npos) << "the heap's mapping: " << flags;
}

// The maps are read through a 4 KiB buffer: a line longer than that is
// skipped whole, so what follows its first 4 KiB is not read as a new line.
TEST(HugePagesTest, FindsTheMappingPastAnOverlongLine) {
  std::string path = ::testing::TempDir() + "s75_maps_test";
  {
    std::ofstream maps(path);
    maps << "0-100 r--p 00000000 00:00 0 " << std::string(4096, 'a') << "1000-3000 fake\n"
         << "5000-6000 rw-p 00000000 00:00 0\n";
  }
  std::uintptr_t start = 0;
  std::uintptr_t end = 0;
  EXPECT_FALSE(s75::FindMapping(path.c_str(), 0x2000, start, end));
  ASSERT_TRUE(s75::FindMapping(path.c_str(), 0x5800, start, end));
  EXPECT_EQ(start, 0x5000U);
  EXPECT_EQ(end, 0x6000U);
  EXPECT_TRUE(s75::FindMapping(path.c_str(), 0x50, start, end));
  EXPECT_FALSE(s75::FindMapping((path + ".missing").c_str(), 0x5800, start, end));
  std::remove(path.c_str());
}
