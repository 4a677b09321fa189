// Hostile input, finer than tests/cli/hostile_test.sh can see: the exact DOC
// finding, line and column for control characters, tabs, tags, huge numbers,
// long strings and limits; CRLF and BOM files read exactly like LF ones; and
// a directory walk that reports, never drops, what it cannot read.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/atomic_file.h"
#include "common/read_file.h"
#include "driver/pipeline.h"
#include "load/loader.h"
#include "schema/format.h"

namespace s75 {
namespace {

namespace fs = std::filesystem;

const std::string kHead =
    "format: s75check/1\nagreement: {id: a, title: T}\npartners: [{id: p, name: P, kind: icb}]\n";

LoadResult Load(const std::string& text, LoadLimits limits = {}) {
  return LoadAgreementText(text, "h.yaml", limits);
}

// Every finding, as "RULE line:col message".
std::vector<std::string> All(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    out.push_back(f.rule + " " + std::to_string(f.range.line) + ":" +
                  std::to_string(f.range.column) + " " + f.message);
  }
  return out;
}

// The one finding of a file that could not be checked.
std::string Refusal(const LoadResult& r) {
  EXPECT_FALSE(r.checked);
  EXPECT_EQ(r.findings.size(), 1U);
  return r.findings.empty() ? "" : All(r)[0];
}

TEST(HostileTest, ControlCharactersAreDoc01WhereTheyAre) {
  // yaml-cpp reads 0x04 as the end of the text: without the check the rest
  // of the file would be silently dropped.
  EXPECT_EQ(Refusal(Load(kHead + "term: {renewal: x}\x04\nnotes: y\n")),
            "DOC.01 4:19 the file holds a control character (byte 0x04), which YAML does not "
            "allow: remove it");
  EXPECT_EQ(
      Refusal(Load(kHead + "term: {renewal: a" + std::string(1, '\0') + "b}\n")).substr(0, 13),
      "DOC.01 4:18 t");
  EXPECT_EQ(Refusal(Load(kHead + "x: \x7f\n")).substr(0, 12), "DOC.01 4:4 t");
  // Tab, CR and LF are allowed.
  EXPECT_TRUE(Load(kHead + "term: {renewal: \"a\tb\"}\r\n").checked);
}

TEST(HostileTest, TabIndentationSaysSo) {
  EXPECT_EQ(Refusal(Load(kHead + "term:\n\tcommencement: 2024-04-01\n")),
            "DOC.01 5:1 YAML syntax error: the line is indented with a tab; YAML indents with "
            "spaces only: replace the tab with spaces");
  // A tab inside a value is text, not indentation.
  LoadResult r = Load(kHead + "term: {renewal: \"a\tb\"}\n");
  EXPECT_TRUE(r.checked);
  EXPECT_TRUE(r.findings.empty()) << All(r)[0];
}

TEST(HostileTest, CrlfAndBomReadExactlyLikeLf) {
  std::string lf = kHead + "term:\n  commencement: 2023-02-29\n  expiry: 2024-02-29\n";
  std::string crlf;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  std::vector<std::string> want = All(Load(lf));
  ASSERT_EQ(want.size(), 1U);  // 29 February 2023 is no date; 2024's is
  EXPECT_EQ(want[0],
            "DOC.04 5:17 `term.commencement` is '2023-02-29', which is not a date: write "
            "YYYY-MM-DD naming a real day");
  EXPECT_EQ(All(Load(crlf)), want);
  EXPECT_EQ(All(Load("\xEF\xBB\xBF" + crlf)), want);
}

TEST(HostileTest, TagsAreDoc04AndNeverConstructAnything) {
  LoadResult r = Load(kHead +
                      "term:\n"
                      "  renewal: !!binary aGVsbG8=\n"
                      "  termination: !!python/object/apply:os.system [\"echo pwned\"]\n"
                      "agreement_notes: !!python/object:os.system {}\n"
                      "host: {support: !local x}\n");
  EXPECT_TRUE(r.checked);
  std::vector<std::string> all = All(r);
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0].substr(0, 11), "DOC.04 5:12");
  EXPECT_EQ(all[1].substr(0, 11), "DOC.04 6:16");
  EXPECT_EQ(all[2].substr(0, 10), "DOC.03 7:1");  // unknown key: never read, tag or not
  EXPECT_EQ(all[3].substr(0, 11), "DOC.04 8:17");
  EXPECT_NE(all[3].find("has a YAML tag"), std::string::npos);
}

TEST(HostileTest, NumbersBeyondInt64AndDoubleAreDoc04SayingWhy) {
  std::string huge = "1" + std::string(400, '0');
  LoadResult r = Load(kHead +
                      "term: {duration_months: 99999999999999999999}\n"
                      "finance:\n"
                      "  pool_total: " +
                      huge +
                      "\n"
                      "  contributions: [{partner: p, amount: .inf}, {partner: p, amount: -.inf},"
                      " {partner: p, amount: .NaN}, {partner: p, amount: 1.8e309}]\n"
                      "  overspend: {approach: fixed_shares, shares: {p: 0.0000000001}}\n");
  std::vector<std::string> all = All(r);
  ASSERT_EQ(all.size(), 7U);
  EXPECT_EQ(all[0],
            "DOC.04 4:25 `term.duration_months` is '99999999999999999999', which has more than 18 "
            "digits before the decimal point or 9 after it: no agreement's figures are that large "
            "or that precise");
  // A 401-digit value is quoted by its start and length, not in full.
  EXPECT_EQ(all[1].substr(0, all[1].find(',')), "DOC.04 6:15 `finance.pool_total` is '" +
                                                    std::string("1") + std::string(59, '0') +
                                                    "... (401 bytes)'");
  EXPECT_NE(all[2].find("'.inf', which is not a finite number"), std::string::npos);
  EXPECT_NE(all[3].find("'-.inf', which is not a finite number"), std::string::npos);
  EXPECT_NE(all[4].find("'.NaN', which is not a finite number"), std::string::npos);
  EXPECT_NE(all[5].find("'1.8e309', which has an exponent"), std::string::npos);
  EXPECT_NE(all[6].find("9 after it"), std::string::npos);
}

TEST(HostileTest, StringLengthLimitIsDoc07NamingTheOption) {
  std::string mb(1000000, 'x');  // a 1 MB value: under the 1 MiB default, so read
  LoadResult ok = Load(kHead + "term: {renewal: " + mb + "}\n");
  EXPECT_TRUE(ok.checked);
  EXPECT_TRUE(ok.findings.empty());
  LoadLimits limits;
  limits.max_string_bytes = 1000;
  EXPECT_EQ(Refusal(Load(kHead + "term: {renewal: " + mb + "}\n", limits)),
            "DOC.07 4:17 a value of 1000000 bytes is longer than 1000 bytes (the string length "
            "limit; raise it with --max-string-length)");
  // Keys count too.
  EXPECT_EQ(Refusal(Load(kHead + std::string(1001, 'k') + ": 1\n", limits)).substr(0, 10),
            "DOC.07 4:1");
}

TEST(HostileTest, EveryLimitNamesItsOption) {
  LoadLimits limits;
  limits.max_depth = 3;
  limits.max_nodes = 50;
  limits.max_file_bytes = 1000;
  EXPECT_NE(Refusal(Load(kHead + "x: [[[[1]]]]\n", limits)).find("raise it with --max-depth"),
            std::string::npos);
  EXPECT_NE(Refusal(Load(kHead + "x: &a [1, 2, 3, 4, 5, 6]\ny: [*a, *a, *a, *a, *a, *a]\n", limits))
                .find("raise it with --max-nodes"),
            std::string::npos);
  EXPECT_EQ(Refusal(Load(kHead + "# " + std::string(1000, 'x') + "\n", limits)),
            "DOC.07 0:0 the file is 1091 bytes, over the limit of 1000 bytes (the file size "
            "limit; raise it with --max-file-size)");
}

TEST(HostileTest, AMegabyteKeyGetsNoQuadraticDidYouMean) {
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(ClosestName(std::string(1000000, 'x'), {"commencement", "expiry", "renewal"}), "");
  }
  // Comparing 20 MB against the names letter by letter would take seconds.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(ClosestName("comencement", {"commencement", "expiry"}), "commencement");
}

// A scratch directory, removed afterwards.
class WalkTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("s75-hostile-test-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "sub");
    std::ofstream(root_ / "good.yaml") << kHead;
  }
  void TearDown() override {
    fs::permissions(root_ / "sub", fs::perms::owner_all, ec_);
    fs::remove_all(root_, ec_);
  }
  // The DOC.07 messages of the missing results, by path relative to root_.
  std::map<std::string, std::string> Collect(std::vector<std::string>& files) {
    std::vector<FileResult> missing;
    files = CollectFiles({root_.string()}, missing);
    std::map<std::string, std::string> out;
    for (const FileResult& m : missing) {
      out[fs::path(m.path).lexically_relative(root_).string()] =
          m.findings.at(0).rule + " " + m.findings.at(0).message;
    }
    for (std::string& f : files) {
      f = fs::path(f).lexically_relative(root_).string();
    }
    return out;
  }
  fs::path root_;
  std::error_code ec_;
};

TEST_F(WalkTest, LinksFifosAndLoopsAreReportedNotDroppedNorFollowed) {
  fs::create_symlink("loop.yaml", root_ / "loop.yaml");
  fs::create_symlink("nowhere.yaml", root_ / "dangling.yaml");
  fs::create_directory_symlink("..", root_ / "sub" / "up");  // a directory loop
  fs::create_symlink("../good.yaml", root_ / "sub" / "link.yaml");
  ASSERT_EQ(::mkfifo((root_ / "fifo.yaml").c_str(), 0644), 0);
  std::vector<std::string> files;
  std::map<std::string, std::string> missing = Collect(files);
  EXPECT_EQ(files, (std::vector<std::string>{"good.yaml", "sub/link.yaml"}));
  EXPECT_EQ(missing,
            (std::map<std::string, std::string>{
                {"dangling.yaml",
                 "DOC.07 a symbolic link to nowhere.yaml, which does not exist: point the link "
                 "at a real file, or remove it"},
                {"fifo.yaml", "DOC.07 a FIFO (named pipe), not a file of agreement text"},
                {"loop.yaml",
                 "DOC.07 a loop of symbolic links: point the link at a real file, or remove it"},
            }));
  // Named on the command line, the same; a FIFO is never opened (it would block).
  LoadResult fifo = LoadAgreementFile((root_ / "fifo.yaml").string(), LoadLimits{});
  EXPECT_EQ(Refusal(fifo), "DOC.07 0:0 a FIFO (named pipe), not a file of agreement text");
  std::vector<FileResult> named;
  CollectFiles({(root_ / "loop.yaml").string()}, named);
  ASSERT_EQ(named.size(), 1U);
  EXPECT_EQ(named[0].findings.at(0).message,
            "a loop of symbolic links: point the link at a real file, or remove it");
}

TEST_F(WalkTest, AnUnreadableDirectoryIsDoc07) {
  std::ofstream(root_ / "sub" / "inner.yaml") << kHead;
  fs::permissions(root_ / "sub", fs::perms::none);
  if (::access((root_ / "sub").c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running as root, which reads a directory of mode 000 anyway "
                    "(tests/cli/hostile_test.sh runs this case as nobody)";
  }
  std::vector<std::string> files;
  std::map<std::string, std::string> missing = Collect(files);
  EXPECT_EQ(files, std::vector<std::string>{"good.yaml"});
  EXPECT_EQ(missing, (std::map<std::string, std::string>{
                         {"sub", "DOC.07 cannot read the directory: Permission denied"}}));
}

// The files of a directory, by name.
std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Contents(const fs::path& file) {
  std::string text;
  EXPECT_EQ(ReadWholeFile(file.string(), text), "");
  return text;
}

TEST_F(WalkTest, AtomicFileReplacesWholeOrLeavesTheOldFile) {
  fs::path out = root_ / "sub" / "report.txt";
  ASSERT_EQ(WriteFileAtomically(out.string(), "old"), "");
  {
    AtomicFile abandoned(out.string());  // an error before Commit: never renamed
    abandoned.stream() << "half";
  }
  EXPECT_EQ(Contents(out), "old");
  EXPECT_EQ(Listing(root_ / "sub"), std::vector<std::string>{"report.txt"});

  // A write that fails (EFBIG past the file size limit, as ENOSPC on a full
  // disk) is reported with its reason, and the old file stays.
  struct rlimit saved {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string failure = WriteFileAtomically(out.string(), std::string(1 << 20, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous);
  EXPECT_EQ(failure, "cannot write " + out.string() + ": File too large");
  EXPECT_EQ(Contents(out), "old");
  EXPECT_EQ(Listing(root_ / "sub"), std::vector<std::string>{"report.txt"});

  // The rename fails: the path is a directory.
  fs::create_directory(root_ / "sub" / "dir");
  EXPECT_EQ(WriteFileAtomically((root_ / "sub" / "dir").string(), "x"),
            "cannot replace " + (root_ / "sub" / "dir").string() + ": Is a directory");
  EXPECT_EQ(Listing(root_ / "sub"), (std::vector<std::string>{"dir", "report.txt"}));

  // No directory: said at once.
  AtomicFile nowhere((root_ / "none" / "r.txt").string());
  EXPECT_EQ(nowhere.error(), "cannot create a temporary file in " + (root_ / "none").string() +
                                 ": No such file or directory");
  EXPECT_EQ(nowhere.Commit(), nowhere.error());

  ASSERT_EQ(WriteFileAtomically(out.string(), "new"), "");
  EXPECT_EQ(Contents(out), "new");
}

}  // namespace
}  // namespace s75
