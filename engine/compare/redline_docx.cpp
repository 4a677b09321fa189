// The redline of two drafts as a Word document whose changes are Word's own
// tracked changes, so that Word and LibreOffice offer each to accept or
// reject; the findings after them are plain text. The package around the
// body (styles, footer, content types) is render's (report/render_docx_parts.h).
#include <string>
#include <string_view>
#include <vector>

#include "compare/compare_report.h"
#include "compare/redline_words.h"
#include "report/render_docx_parts.h"

namespace s75 {

namespace {

class RedlineBody {
 public:
  explicit RedlineBody(Date as_of) : date_(as_of.ToString() + "T00:00:00Z") {}

  std::string Document(const Redline& r) {
    body_ += DocxPara("Title", DocxRun("Changes between two drafts"));
    body_ += DocxPara("Normal", DocxRun("From " + r.old_file + " to " + r.new_file +
                                        FormatsText(r) + ", clause by clause."));
    body_ += DocxPara("Normal", DocxRun("Each change is tracked, by s75check: accept it to take "
                                        "the newer draft's words, reject it to keep the older's. "
                                        "The findings that follow are not tracked.",
                                        kDocxItalic));
    std::string clause;
    for (const ProvisionChange& c : r.changes) {
      if (c.clause != clause) {
        clause = c.clause;
        body_ += DocxPara("Heading1", DocxRun(clause));
      }
      WriteChange(c);
    }
    if (r.changes.empty()) {
      body_ += DocxPara("Normal", DocxRun("No provision changed."));
    }
    WriteFindings(r.findings);
    return body_;
  }

 private:
  // A tracked change's element, `tag` (w:ins, w:del), with its id, author
  // and date; around `runs`, or empty (a paragraph mark's).
  std::string Tracked(std::string_view tag, const std::string& runs = "") {
    std::string open = "<" + std::string(tag) + " w:id=\"" + std::to_string(next_id_++) +
                       "\" w:author=\"s75check\" w:date=\"" + date_ + "\"";
    return runs.empty() ? open + "/>" : open + ">" + runs + "</" + std::string(tag) + ">";
  }

  // A provision: its number hanging (none in the particulars), its label,
  // then its text. A provision changed has its old text deleted and its new
  // inserted; one added or removed is inserted or deleted whole, its
  // paragraph mark too, so rejecting the insertion (accepting the deletion)
  // leaves no empty paragraph.
  void WriteChange(const ProvisionChange& c) {
    bool removed = c.kind == ProvisionChangeKind::kRemoved;
    std::string_view style = c.number.empty() ? "Normal" : "Provision";
    std::string runs =
        c.number.empty() ? "" : DocxRun(c.number, kDocxBold, removed) + DocxRun("\t", "", removed);
    runs += DocxRun((c.label.empty() ? c.path : c.label) + ".", kDocxBold, removed);
    if (c.kind == ProvisionChangeKind::kChanged) {
      runs += c.old_text.empty() ? "" : Tracked("w:del", DocxRun(" " + c.old_text, "", true));
      runs += c.new_text.empty() ? "" : Tracked("w:ins", DocxRun(" " + c.new_text));
      body_ += DocxPara(style, runs);
      return;
    }
    const std::string& text = removed ? c.old_text : c.new_text;
    runs += text.empty() ? "" : DocxRun(" " + text, "", removed);
    std::string_view tag = removed ? "w:del" : "w:ins";
    std::string tracked = Tracked(tag, runs);  // its id first, then its paragraph mark's
    body_ += DocxPara(style, tracked, "<w:rPr>" + Tracked(tag) + "</w:rPr>");
  }

  // The findings, untracked: the counts, then each group's.
  void WriteFindings(const FindingChanges& f) {
    body_ += DocxPara("Heading1", DocxRun("Findings"));
    body_ += DocxPara("Normal", DocxRun(std::to_string(f.introduced.size()) + " introduced, " +
                                        std::to_string(f.resolved.size()) + " resolved, " +
                                        std::to_string(f.unchanged.size()) + " unchanged."));
    EachFindingGroup(f, [&](std::string_view title, const std::vector<Finding>& list) {
      body_ += DocxPara("Heading2",
                        DocxRun(std::string(title) + " (" + std::to_string(list.size()) + ")"));
      if (list.empty()) {
        body_ += DocxPara("Normal", DocxRun("None.", kDocxItalic));
      }
      for (const Finding& finding : list) {
        body_ += DocxPara("Normal", DocxRun(std::string(SeverityName(finding.severity)) + " " +
                                                finding.rule + " " + finding.slug + ":",
                                            kDocxBold) +
                                        DocxRun(" " + finding.message));
      }
    });
  }

  std::string date_;
  std::string body_;
  int next_id_ = 1;
};

}  // namespace

std::vector<PackagePart> RedlineDocxParts(const Redline& redline) {
  DocxContent content;
  content.title = "Changes from " + redline.old_file + " to " + redline.new_file;
  content.body = RedlineBody(redline.as_of).Document(redline);
  return DocxPackage(content);
}

std::string WriteRedlineDocx(const Redline& redline, std::string& out) {
  return ZipPackage(RedlineDocxParts(redline), out);
}

}  // namespace s75
