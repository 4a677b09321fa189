// Exclusion globs: `*`, `?`, `**`, names at any depth, anchored patterns,
// directories, and files outside the globs' directory.
#include "driver/exclude.h"

#include <gtest/gtest.h>

namespace s75 {
namespace {

TEST(GlobTest, StarAndQuestionMarkStayWithinASegment) {
  EXPECT_TRUE(GlobMatch("*.yaml", "a.yaml"));
  EXPECT_FALSE(GlobMatch("*.yaml", "d/a.yaml"));
  EXPECT_FALSE(GlobMatch("*.yaml", "a.yml"));
  EXPECT_TRUE(GlobMatch("*.yaml", ".pre-commit-config.yaml"));  // a leading dot too
  EXPECT_TRUE(GlobMatch("d/?.yaml", "d/a.yaml"));
  EXPECT_FALSE(GlobMatch("d/?.yaml", "d/ab.yaml"));
  EXPECT_TRUE(GlobMatch("draft-[0-9].yaml", "draft-7.yaml"));
  EXPECT_FALSE(GlobMatch("d/*", "d/e/f.yaml"));
}

TEST(GlobTest, DoubleStarMatchesAnyNumberOfSegments) {
  EXPECT_TRUE(GlobMatch("**/*.yml", "a.yml"));
  EXPECT_TRUE(GlobMatch("**/*.yml", ".github/workflows/ci.yml"));
  EXPECT_TRUE(GlobMatch("a/**/b.yaml", "a/b.yaml"));
  EXPECT_TRUE(GlobMatch("a/**/b.yaml", "a/x/y/z/b.yaml"));
  EXPECT_FALSE(GlobMatch("a/**/b.yaml", "c/x/b.yaml"));
  EXPECT_TRUE(GlobMatch("**", "any/thing"));
  EXPECT_TRUE(GlobMatch("a/**/**/b", "a/b"));
  EXPECT_FALSE(GlobMatch("a/**", "b/c"));
  EXPECT_TRUE(GlobMatch("a**", "abc"));  // not a whole segment: an ordinary star
  EXPECT_FALSE(GlobMatch("a**", "a/bc"));
}

TEST(PathExclusionTest, NamesMatchAtAnyDepthAndPathsFromTheDirectory) {
  std::filesystem::path base = std::filesystem::current_path() / "repo";
  PathExclusion e(base, {".pre-commit-config.yaml", "drafts/*.yaml", "/top.yaml", "./old/"});
  EXPECT_TRUE(e.Excludes((base / ".pre-commit-config.yaml").string()));
  EXPECT_TRUE(e.Excludes("repo/sub/.pre-commit-config.yaml"));
  EXPECT_TRUE(e.Excludes("repo/drafts/a.yaml"));
  EXPECT_FALSE(e.Excludes("repo/sub/drafts/a.yaml"));  // has a slash: from the directory only
  EXPECT_TRUE(e.Excludes("repo/top.yaml"));
  EXPECT_FALSE(e.Excludes("repo/sub/top.yaml"));  // a leading slash anchors it
  EXPECT_TRUE(e.Excludes("repo/old"));
  EXPECT_TRUE(e.Excludes("./repo/old/2019/a.yaml"));  // inside an excluded directory
  EXPECT_FALSE(e.Excludes("repo/agreements/a.yaml"));
  EXPECT_FALSE(e.Excludes("top.yaml"));  // outside the directory
}

TEST(PathExclusionTest, WorkflowsAndHookFilesForPreCommit) {
  PathExclusion e(".", {".github/**", ".pre-commit-*.yaml"});
  EXPECT_TRUE(e.Excludes(".github/workflows/check.yml"));
  EXPECT_TRUE(e.Excludes(".pre-commit-config.yaml"));
  EXPECT_TRUE(e.Excludes(".pre-commit-hooks.yaml"));
  EXPECT_FALSE(e.Excludes("agreements/hfd.yaml"));
  EXPECT_FALSE(PathExclusion().Excludes(".github/workflows/check.yml"));
}

}  // namespace
}  // namespace s75
