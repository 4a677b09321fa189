// The rendered agreement as a Word document: the signing copy
// (RenderOptions) laid out with Word's own styles, the findings as comments.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "common/join.h"
#include "report/render_docx_parts.h"
#include "report/render_writer.h"

namespace s75 {

namespace {

// "Warning", "Error (waived)".
std::string SeverityWord(const Finding& f) {
  std::string word(SeverityName(f.severity));
  if (!word.empty()) {
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  }
  return word + (f.waived() ? " (waived)" : "");
}

// The points a comment's range begins and ends at, in the paragraphs it spans.
struct Anchor {
  std::string start;
  std::string end;
};

class DocxBody {
 public:
  explicit DocxBody(const std::optional<RenderedFindings>& findings)
      : date_(findings ? findings->as_of.ToString() + "T00:00:00Z" : "") {}

  std::string Document(const RenderedAgreement& doc) {
    Anchor general = Comment(doc.general);
    body_ += DocxPara("Title", general.start + DocxRun(doc.title) + general.end);
    for (const Clause& clause : doc.clauses) {
      if (clause.number == 0) {
        WriteParticulars(doc, clause);
      } else {
        WriteClause(clause);
      }
    }
    WriteExecution(doc);
    return body_;
  }

  const std::string& Comments() const { return comments_; }

 private:
  // A comment for each finding, anchored on what the returned points enclose.
  Anchor Comment(const std::vector<const Finding*>& findings) {
    Anchor anchor;
    for (const Finding* f : findings) {
      std::string id = std::to_string(next_id_++);
      anchor.start += "<w:commentRangeStart w:id=\"" + id + "\"/>";
      anchor.end += "<w:commentRangeEnd w:id=\"" + id + "\"/>";
      anchor.end += "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>";
      anchor.end += "<w:commentReference w:id=\"" + id + "\"/></w:r>";
      std::string text = DocxRun(SeverityWord(*f) + ": " + FindingText(*f));
      comments_ += "<w:comment w:id=\"" + id + "\" w:author=\"s75check\" w:date=\"" + date_;
      comments_ += "\" w:initials=\"S75\">";
      comments_ += DocxPara("CommentText",
                            "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>"
                            "<w:annotationRef/></w:r>" +
                                text);
      comments_ += "</w:comment>";
    }
    return anchor;
  }

  // A row of the particulars: the label, then the value and its paragraphs.
  void Row(std::string_view label, const Provision& value) {
    Anchor anchor = Comment(value.findings);
    std::string cell = DocxPara("Normal", anchor.start + DocxRun(value.text) +
                                              (value.paragraphs.empty() ? anchor.end : ""));
    for (size_t i = 0; i < value.paragraphs.size(); ++i) {
      bool last = i + 1 == value.paragraphs.size();
      cell += DocxPara("Normal", DocxRun(value.paragraphs[i]) + (last ? anchor.end : ""));
    }
    body_ += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"2700\" w:type=\"dxa\"/></w:tcPr>" +
             DocxPara("Normal", DocxRun(label, kDocxBold)) +
             "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"6712\" w:type=\"dxa\"/></w:tcPr>" + cell +
             "</w:tc></w:tr>";
  }

  // The provision of `doc` showing `path`, or null.
  static const Provision* Find(const RenderedAgreement& doc, std::string_view path) {
    for (const Clause& clause : doc.clauses) {
      for (const Provision& p : clause.provisions) {
        if (p.path == path) {
          return &p;
        }
      }
    }
    return nullptr;
  }

  // The particulars as a table: the agreement, its parties, its own
  // particulars (its status) and its term.
  void WriteParticulars(const RenderedAgreement& doc, const Clause& clause) {
    Anchor anchor = Comment(clause.findings);
    body_ += DocxPara("Heading1", anchor.start + DocxRun(clause.title) + anchor.end);
    body_ +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"9412\" w:type=\"dxa\"/>"
        "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"1\" "
        "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        "<w:gridCol w:w=\"2700\"/><w:gridCol w:w=\"6712\"/></w:tblGrid>";
    Row("Agreement", Provision{"", 0, "", doc.title, "", {}, {}});
    std::vector<std::string> parties;
    for (const Signatory& s : doc.signatories) {
      parties.push_back(s.party);
    }
    if (!parties.empty()) {
      Row("Parties", Provision{"", 0, "", Join(parties, "; "), "", {}, {}});
    }
    for (const Provision& p : clause.provisions) {
      Row(p.label, p);
    }
    for (auto [path, label] :
         {std::pair{"term.commencement", "Commencement"}, std::pair{"term.expiry", "Expiry"}}) {
      if (const Provision* p = Find(doc, path)) {
        Row(label, Provision{"", 0, "", p->text, "", {}, {}});  // its findings stay in its clause
      }
    }
    body_ += "</w:tbl>";
  }

  void WriteClause(const Clause& clause) {
    Anchor anchor = Comment(clause.findings);
    std::string heading = clause.schedule ? "Schedule " + std::to_string(clause.number) + " — "
                                          : std::to_string(clause.number) + ".\t";
    body_ += DocxPara("Heading1", anchor.start + DocxRun(heading + clause.title) + anchor.end);
    if (clause.provisions.empty()) {
      body_ += DocxPara("Continuation",
                        DocxRun("The agreement says nothing under this heading.", kDocxItalic),
                        "<w:ind w:left=\"0\"/>");
    }
    for (const Provision& p : clause.provisions) {
      WriteProvision(p);
    }
  }

  // A provision, entry or detail: its number hanging, its label, its text,
  // its further paragraphs indented as it is.
  void WriteProvision(const Provision& p) {
    static constexpr std::array<std::string_view, 3> kStyle = {"Provision", "Entry", "Detail"};
    static constexpr std::array<std::string_view, 3> kIndent = {"851", "1418", "1985"};
    size_t depth = std::min<size_t>(static_cast<size_t>(std::max(p.depth, 0)), 2);
    Anchor anchor = Comment(p.findings);
    std::string content =
        anchor.start + DocxRun(p.number, depth == 0 ? kDocxBold : "") + DocxRun("\t");
    if (!p.label.empty()) {
      content +=
          depth == 0 ? DocxRun(p.label + ".", kDocxBold) : DocxRun(p.label + ":", kDocxItalic);
      content += p.text.empty() ? "" : DocxRun(" ");
    }
    content += DocxRun(p.text);
    body_ += DocxPara(kStyle[depth], content + (p.paragraphs.empty() ? anchor.end : ""));
    std::string indent = "<w:ind w:left=\"" + std::string(kIndent[depth]) + "\"/>";
    for (size_t i = 0; i < p.paragraphs.size(); ++i) {
      bool last = i + 1 == p.paragraphs.size();
      body_ +=
          DocxPara("Continuation", DocxRun(p.paragraphs[i]) + (last ? anchor.end : ""), indent);
    }
  }

  // A line of the execution block: "Name: A. Khan", or "Name:" and a line
  // to write on (a tab the style leads with underscores).
  void SignatureLine(std::string_view label, const std::string& value) {
    body_ += DocxPara("SignatureLine", value.empty() ? DocxRun(std::string(label) + ":\t")
                                                     : DocxRun(std::string(label) + ": " + value));
  }

  void WriteExecution(const RenderedAgreement& doc) {
    body_ += DocxPara("Heading1", DocxRun("Execution"), "<w:pageBreakBefore/>");
    body_ +=
        DocxPara("Normal", DocxRun("Signed by the parties' authorised signatories on the dates "
                                   "written below."));
    for (const Signatory& s : doc.signatories) {
      body_ += DocxPara("Heading2", DocxRun("Signed for and on behalf of " + s.party));
      SignatureLine("Signature", "");
      SignatureLine("Name", s.name);
      SignatureLine("Title", s.title);
      SignatureLine("Date", s.signed_on);
    }
  }

  std::string date_;
  std::string body_;
  std::string comments_;
  int next_id_ = 0;
};

}  // namespace

std::vector<PackagePart> RenderedDocxParts(const RenderedAgreement& doc,
                                           const std::optional<RenderedFindings>& findings) {
  DocxBody body(findings);
  DocxContent content;
  content.title = doc.title;
  content.body = body.Document(doc);
  content.comments = body.Comments();
  return DocxPackage(content);
}

std::string WriteRenderedDocx(const RenderedAgreement& doc,
                              const std::optional<RenderedFindings>& findings, std::string& out) {
  return ZipPackage(RenderedDocxParts(doc, findings), out);
}

}  // namespace s75
