// The rendered agreement: every field of the format has a clause and is shown,
// findings sit beside the clause they concern, and hostile text is escaped.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "driver/pipeline.h"
#include "load/loader.h"
#include "report/markup_escape.h"
#include "report/render_model.h"
#include "report/render_writer.h"

namespace s75 {
namespace {

// A field's path with list elements as `[]`, and the text a test gives it.
struct Leaf {
  std::string path;
  const FieldSpec* spec;
};

// The leaves a file of `version` may write (0: of either version).
void CollectLeaves(const FieldSpec& spec, const std::string& path, int version,
                   std::vector<Leaf>& out) {
  if (spec.type == ValueType::kObject) {
    for (const FieldSpec& f : spec.fields) {
      if (version == 0 || f.In(version)) {
        CollectLeaves(f, path.empty() ? f.name : path + "." + f.name, version, out);
      }
    }
  } else if (spec.type == ValueType::kList) {
    CollectLeaves(*spec.element, path + "[]", version, out);
  } else {
    out.push_back({path, &spec});
  }
}

std::vector<Leaf> FormatLeaves(int version = 0) {
  std::vector<Leaf> leaves;
  CollectLeaves(AgreementFormat(), "", version, leaves);
  return leaves;
}

// The unique text a text field is given: "v finance.year-end-disclosure",
// which needs no escaping in Markdown or HTML.
std::string Marker(const std::string& path) {
  std::string out = "v ";
  for (char c : path) {
    if (c != '[' && c != ']') {
      out += c == '_' ? '-' : c;
    }
  }
  return out;
}

// A YAML flow value for every field under `spec` a file of `version` may
// write: references name partner, fund and outcome `a`, text is its marker.
std::string FilledValue(const FieldSpec& spec, const std::string& path, int version) {
  switch (spec.type) {
    case ValueType::kObject: {
      std::string out = "{";
      for (const FieldSpec& f : spec.fields) {
        std::string sub = path.empty() ? f.name : path + "." + f.name;
        if (f.In(version)) {
          out += (out.size() > 1 ? ", " : "") + f.name + ": " + FilledValue(f, sub, version);
        }
      }
      return out + "}";
    }
    case ValueType::kList:
      return "[" + FilledValue(*spec.element, path + "[]", version) + "]";
    case ValueType::kMap:
      return "{a: 1}";
    case ValueType::kText:
      return path == "format" ? "s75check/" + std::to_string(version) : "\"" + Marker(path) + "\"";
    case ValueType::kDate:
      return "2009-04-01";
    case ValueType::kYear:
    case ValueType::kYearOrDate:
      return "2009/10";
    case ValueType::kMoney:
      return "17400000";
    case ValueType::kShare:
      return "1";
    case ValueType::kId:
      return "a";
    case ValueType::kBool:
      return "true";
    case ValueType::kInteger:
      return std::to_string(spec.min_integer + 5);
    case ValueType::kNumber:
      return "91.5";
    case ValueType::kEnum:
      return spec.vocabulary.front();
  }
  return "~";
}

TEST(RenderTest, EveryFieldOfTheFormatHasAClause) {
  for (const Leaf& leaf : FormatLeaves()) {
    EXPECT_NE(ClauseOfField(leaf.path), "") << leaf.path << " is shown in no clause";
  }
  EXPECT_EQ(ClauseOfField("term.termination.notice_months"), "Termination");
  EXPECT_EQ(ClauseOfField("term.review.frequency"), "Term");
  EXPECT_EQ(ClauseOfField("finance.overspend.shares"), "Finance and risk share");
  EXPECT_EQ(ClauseOfField("waivers[].reason"), "Schedules");
}

// A full agreement of `version`, every field written, as Markdown and HTML.
struct FullRender {
  RenderedAgreement doc;
  std::string md;
  std::string html;
};

FullRender RenderFull(int version) {
  std::string yaml = FilledValue(AgreementFormat(), "", version);
  LoadResult loaded = LoadAgreementText(yaml, "full.yaml", LoadLimits{});
  EXPECT_TRUE(loaded.checked);
  for (const Finding& f : loaded.findings) {
    ADD_FAILURE() << f.rule << " " << f.message << "\n" << yaml;
  }
  FullRender out{RenderAgreement(*loaded.document, {}), "", ""};
  std::ostringstream md;
  std::ostringstream html;
  WriteRenderedMarkdown(out.doc, std::nullopt, md);
  WriteRenderedHtml(out.doc, std::nullopt, html);
  out.md = md.str();
  out.html = html.str();
  return out;
}

TEST(RenderTest, EveryFieldOfAFullAgreementIsRendered) {
  for (int version : {1, 2}) {
    FullRender full = RenderFull(version);
    for (const Leaf& leaf : FormatLeaves(version)) {
      // An agreement's own clause is titled by its title, its id only without one.
      if (leaf.path == "clauses[].id") {
        continue;
      }
      EXPECT_TRUE(full.doc.rendered_fields.contains(leaf.path))
          << "format " << version << ": " << leaf.path << " is not rendered";
      if (leaf.spec->type == ValueType::kText && leaf.path != "format") {
        std::string marker = Marker(leaf.path);
        EXPECT_NE(full.md.find(marker), std::string::npos) << marker << " not in the Markdown";
        EXPECT_NE(full.html.find(marker), std::string::npos) << marker << " not in the HTML";
      }
    }
    EXPECT_NE(full.md.find("£17,400,000"), std::string::npos);
    EXPECT_NE(full.md.find("1 April 2009"), std::string::npos);
  }
  EXPECT_NE(RenderFull(1).md.find("\n## 12. Schedules\n"), std::string::npos);
  std::string md = RenderFull(2).md;
  for (const char* heading : {"## 1. Definitions\n", "## 2. Parties\n", "## 6. Management\n",
                              "## 8. Finance and risk share\n", "## 9. Fund: v funds.name\n",
                              "## 14. v clauses.title\n", "## 15. Schedules\n"}) {
    EXPECT_NE(md.find(heading), std::string::npos) << heading << "\n" << md;
  }
}

// The model agreement, loaded.
LoadResult ModelAgreement() {
  return LoadAgreementFile(
      std::string(S75_SOURCE_DIR) + "/agreements/model-learning-disability.yaml", LoadLimits{});
}

Finding At(std::string path, std::string message) {
  Finding f;
  f.rule = "T1.00";
  f.path = std::move(path);
  f.message = std::move(message);
  return f;
}

// The clause title and provision path where a finding was placed ("" for none).
std::pair<std::string, std::string> PlaceOf(const RenderedAgreement& doc, const Finding& f) {
  for (const Clause& c : doc.clauses) {
    for (const Finding* g : c.findings) {
      if (g == &f) {
        return {c.title, ""};
      }
    }
    for (const Provision& p : c.provisions) {
      for (const Finding* g : p.findings) {
        if (g == &f) {
          return {c.title, p.path};
        }
      }
    }
  }
  return {"", ""};
}

TEST(RenderTest, FindingsSitBesideTheProvisionTheyConcern) {
  LoadResult loaded = ModelAgreement();
  ASSERT_TRUE(loaded.checked);
  std::vector<Finding> findings = {
      At("finance.contributions[1].amount", "sum"),
      At("", "disclosure of capital items (capital.disclosure) is missing"),
      At("term.termination.notice_months", "short"),
      At("finance", "no approach for overspends at year end"),
      At("", "something about the whole agreement"),
      At("agreement.title", "title"),
      At("partners[0].signatory.signed_on", "late"),
  };
  RenderedAgreement doc = RenderAgreement(*loaded.document, findings);
  using Place = std::pair<std::string, std::string>;
  EXPECT_EQ(PlaceOf(doc, findings[0]), Place("Finance and risk share", "finance.contributions[1]"));
  EXPECT_EQ(PlaceOf(doc, findings[1]), Place("Capital", "capital.disclosure"));
  EXPECT_EQ(PlaceOf(doc, findings[2]), Place("Termination", "term.termination.notice_months"));
  EXPECT_EQ(PlaceOf(doc, findings[3]), Place("Finance and risk share", ""));
  EXPECT_EQ(PlaceOf(doc, findings[4]), Place("", ""));
  ASSERT_EQ(doc.general.size(), 1U);
  EXPECT_EQ(doc.general[0], &findings[4]);
  EXPECT_EQ(PlaceOf(doc, findings[5]), Place("Particulars", ""));
  EXPECT_EQ(PlaceOf(doc, findings[6]), Place("Parties", "partners[0].signatory"));
}

TEST(RenderTest, HostileTextIsEscapedInBothFormats) {
  std::string file = std::string(S75_SOURCE_DIR) + "/tests/fixtures/hostile/hostile.yaml";
  LoadResult loaded = LoadAgreementFile(file, LoadLimits{});
  ASSERT_TRUE(loaded.checked);
  Diagnostics diags;
  auto pack = CompileBuiltinPacks({}, diags);
  ASSERT_TRUE(pack);
  CheckOptions options;
  options.as_of = *Date::Parse("2026-11-22");
  FileResult checked = CheckLoaded(*pack, loaded, "x<y>&\"'.yaml", options);
  RenderedAgreement doc = RenderAgreement(*loaded.document, checked.findings);
  doc.file = checked.path;
  std::ostringstream html_out;
  WriteRenderedHtml(doc, RenderedFindings{options.as_of, SummarizeFile(checked)}, html_out);
  std::string html = html_out.str();
  for (const char* raw : {"<script", "<img", "<b ", "\"onload=", "x<y>", "'Trust'"}) {
    EXPECT_EQ(html.find(raw), std::string::npos) << raw;
  }
  for (const char* text : {"<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &apos;Trust&apos;",
                           "&quot;onload=alert(2) x=&quot; endoscopy &lt;img src=x",
                           "&lt;script&gt;alert(4)&lt;/script&gt;",
                           "&lt;b onmouseover=alert(5)&gt;Board&lt;/b&gt;", "x&lt;y&gt;&amp;"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[a-z][^>]*\s(src|href)=)")))
      << "a tag that fetches or links";

  std::ostringstream md_out;
  WriteRenderedMarkdown(doc, RenderedFindings{options.as_of, SummarizeFile(checked)}, md_out);
  std::string md = md_out.str();
  EXPECT_FALSE(std::regex_search(md, std::regex(R"((^|[^\\])<)"))) << "an unescaped <:\n" << md;
  EXPECT_NE(md.find("# \\<script\\>alert(1)\\</script\\> \\& 'Trust' \\| Council"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("\\<script\\>alert(4)\\</script\\> \\| \\`code\\` \\*bold\\* "
                    "\\[link\\](javascript:x)"),
            std::string::npos)
      << md;
}

// The part named `name` of a Word document's parts.
std::string Part(const std::vector<PackagePart>& parts, std::string_view name) {
  for (const PackagePart& part : parts) {
    if (part.name == name) {
      return part.content;
    }
  }
  return "";
}

// The text of the paragraph of `document` in which the range of the comment
// whose text has `message` starts, tags removed; "" if there is none.
std::string AnchorOf(const std::vector<PackagePart>& parts, const std::string& message) {
  std::string comments = Part(parts, "word/comments.xml");
  size_t at = comments.find(message);
  size_t open = comments.rfind("<w:comment w:id=\"", at);
  if (at == std::string::npos || open == std::string::npos) {
    return "";
  }
  std::string id = comments.substr(open + 17, comments.find('"', open + 17) - open - 17);
  std::string document = Part(parts, "word/document.xml");
  size_t start = document.find("<w:commentRangeStart w:id=\"" + id + "\"/>");
  if (start == std::string::npos) {
    return "";
  }
  size_t p = document.rfind("<w:p>", start);
  std::string paragraph = document.substr(p, document.find("</w:p>", start) - p);
  paragraph = std::regex_replace(paragraph, std::regex("<w:tab/>"), "\t");
  return std::regex_replace(paragraph, std::regex("<[^>]*>"), "");
}

TEST(RenderDocxTest, XmlEscapeDropsWhatXml10Forbids) {
  EXPECT_EQ(XmlEscape("a\x01\x1F\tb\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD"
                      "c<>&\"'\n"),
            "a\tb\xEF\xBF\xBD"
            "c&lt;&gt;&amp;&quot;&apos;\n");
  EXPECT_EQ(XmlEscape("\xEF\xBF"), "\xEF\xBF");  // a cut sequence is not U+FFFF
}

TEST(RenderDocxTest, EachFindingIsACommentOnTheParagraphItConcerns) {
  LoadResult loaded = ModelAgreement();
  ASSERT_TRUE(loaded.checked);
  std::vector<Finding> findings = {
      At("finance.contributions[1].amount", "the second contribution"),
      At("", "the agreement as a whole"),
      At("finance", "the finance clause as a whole"),
      At("format", "the format <version> & its \"id\""),
      At("term.commencement", "the commencement"),
  };
  RenderedAgreement doc = RenderAgreement(*loaded.document, findings, RenderOptions{true});
  auto parts = RenderedDocxParts(doc, RenderedFindings{*Date::Parse("2026-11-22"), {}});
  EXPECT_EQ(AnchorOf(parts, "the second contribution"),
            "(b)\tNHS Midshire Integrated Care Board — amount: £16,342,500.50; basis: needs "
            "assessment; purpose: Continuing healthcare packages, community nursing and therapy "
            "staff");
  EXPECT_EQ(AnchorOf(parts, "the agreement as a whole"),
            "Adult learning disability services partnership agreement (pooled fund)");
  EXPECT_EQ(AnchorOf(parts, "the finance clause as a whole"), "7.\tFinance and risk share");
  EXPECT_EQ(AnchorOf(parts, "the format &lt;version&gt; &amp; its &quot;id&quot;"), "Particulars");
  EXPECT_EQ(AnchorOf(parts, "the commencement"), "2.1\tCommencement. 1 April 2024");
  std::string comments = Part(parts, "word/comments.xml");
  EXPECT_NE(comments.find("w:author=\"s75check\" w:date=\"2026-11-22T00:00:00Z\" "
                          "w:initials=\"S75\""),
            std::string::npos);
  EXPECT_NE(comments.find("T1.00 : the second contribution"), std::string::npos) << comments;
}

TEST(RenderDocxTest, TheSigningCopyLeavesOutTheToolsDetailsAndHasTheFundsAsSchedules) {
  LoadResult loaded = LoadAgreementFile(
      std::string(S75_SOURCE_DIR) + "/tests/fixtures/format2/bcf-two-funds.yaml", LoadLimits{});
  ASSERT_TRUE(loaded.checked);
  RenderedAgreement full = RenderAgreement(*loaded.document, {});
  RenderedAgreement signing = RenderAgreement(*loaded.document, {}, RenderOptions{true});
  auto has_path = [](const RenderedAgreement& doc, const std::regex& path) {
    for (const Clause& c : doc.clauses) {
      for (const Provision& p : c.provisions) {
        if (std::regex_match(p.path, path)) {
          return true;
        }
      }
    }
    return false;
  };
  std::regex tool(R"(format|agreement\.id|waivers.*|.*\]\.id)");
  EXPECT_TRUE(has_path(full, tool));
  EXPECT_FALSE(has_path(signing, tool));
  std::vector<std::string> tail;
  for (const Clause& c : signing.clauses) {
    EXPECT_NE(c.title, "Schedules");
    if (c.schedule) {
      tail.push_back(std::to_string(c.number) + " " + c.title);
    }
  }
  EXPECT_EQ(tail, (std::vector<std::string>{"1 Fund: BCF pool hosted by the CCG",
                                            "2 Fund: BCF pool hosted by the council"}));
  EXPECT_TRUE(signing.clauses.back().schedule);
  EXPECT_EQ(signing.clauses[signing.clauses.size() - 3].title, "Counterparts");
  ASSERT_EQ(signing.signatories.size(), 2U);
  EXPECT_EQ(signing.signatories[0].party, "NHS Westvale CCG");
  EXPECT_EQ(signing.signatories[0].name, "A. Khan");
  EXPECT_EQ(signing.signatories[0].title, "Accountable Officer");
  EXPECT_EQ(signing.signatories[0].signed_on, "20 March 2015");
  EXPECT_EQ(signing.signatories[1].path, "partners[1].signatory");
  auto text_at = [](const RenderedAgreement& doc, const std::string& path) {
    for (const Clause& c : doc.clauses) {
      for (const Provision& p : c.provisions) {
        if (p.path == path) {
          return p.text;
        }
      }
    }
    return std::string("(none)");
  };
  EXPECT_EQ(text_at(full, "funds[0].schemes[0].outcomes"), "nel");
  EXPECT_EQ(text_at(signing, "funds[0].schemes[0].outcomes"), "Fewer non-elective admissions");
}

}  // namespace
}  // namespace s75
