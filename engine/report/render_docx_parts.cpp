// The fixed parts of a Word document: its styles, content types,
// relationships and footer. The body is the caller's.
#include "report/render_docx_parts.h"

#include <algorithm>

#include "report/markup_escape.h"

namespace s75 {

namespace {

constexpr std::string_view kNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// A4, margins of 2.2 cm; the footer is the document's relationship rId2.
constexpr std::string_view kSection =
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1247\" w:right=\"1247\" "
    "w:bottom=\"1247\" w:left=\"1247\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
    "</w:sectPr>";

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// The paragraph styles a clause's lines use: a provision ("7.3"), an entry
// of a list in it ("(a)"), a detail of an entry ("(i)"), each number hanging
// before a tab; further paragraphs of a text (Continuation) take the indent
// of the line they follow.
constexpr std::string_view kStyles =
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="360"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Provision"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Provision"><w:name w:val="Provision"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="851"/></w:tabs><w:ind w:left="851" w:hanging="851"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Entry"><w:name w:val="Entry"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1418"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="1418" w:hanging="567"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Detail"><w:name w:val="Detail"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1985"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="1985" w:hanging="567"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Continuation"><w:name w:val="Continuation"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="851"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SignatureLine"><w:name w:val="Signature Line"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:leader="underscore" w:pos="7371"/></w:tabs><w:spacing w:before="240" w:after="120"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
)";

constexpr std::string_view kPackageRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
)";

constexpr std::string_view kRelationshipBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view kContentTypeBase =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string Relationship(std::string_view id, std::string_view type, std::string_view target) {
  return "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + std::string(kRelationshipBase) +
         std::string(type) + "\" Target=\"" + std::string(target) + "\"/>\n";
}

std::string Override(std::string_view part, std::string_view type) {
  return "<Override PartName=\"/" + std::string(part) + "\" ContentType=\"" + std::string(type) +
         "\"/>\n";
}

std::string WordType(std::string_view kind) {
  return std::string(kContentTypeBase) + std::string(kind) + "+xml";
}

// `element` ("w:document") declaring the namespaces, around `content`.
std::string WordPart(std::string_view element, std::string_view content) {
  return "<" + std::string(element) + std::string(kNamespaces) + ">" + std::string(content) + "</" +
         std::string(element) + ">";
}

std::string Footer(std::string_view title) {
  return WordPart("w:ftr", DocxPara("Footer", DocxRun(std::string(title) + " — page ") +
                                                  "<w:fldSimple w:instr=\" PAGE \">" +
                                                  DocxRun("1") + "</w:fldSimple>"));
}

std::string CoreProperties(std::string_view title) {
  return "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         XmlEscape(title) + "</dc:title><dc:creator>s75check</dc:creator></cp:coreProperties>";
}

}  // namespace

std::string DocxRun(std::string_view text, std::string_view props, bool deleted) {
  std::string_view element = deleted ? "w:delText" : "w:t";
  std::string out = "<w:r>";
  if (!props.empty()) {
    out += "<w:rPr>" + std::string(props) + "</w:rPr>";
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find_first_of("\r\n\t", start), text.size());
    if (end > start) {
      out += "<" + std::string(element) + " xml:space=\"preserve\">" +
             XmlEscape(text.substr(start, end - start)) + "</" + std::string(element) + ">";
    }
    if (end < text.size() && text[end] != '\r') {
      out += text[end] == '\n' ? "<w:br/>" : "<w:tab/>";
    }
    start = end + 1;
  }
  return out + "</w:r>";
}

std::string DocxPara(std::string_view style, const std::string& content,
                     std::string_view properties) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/>" + std::string(properties) +
         "</w:pPr>" + content + "</w:p>";
}

std::string DocxXml(std::string_view body) {
  return std::string(kXmlDeclaration) + std::string(body);
}

std::vector<PackagePart> DocxPackage(const DocxContent& content) {
  bool comments = !content.comments.empty();
  std::string types =
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n" +
      Override("word/document.xml", WordType("document.main")) +
      Override("word/styles.xml", WordType("styles")) +
      Override("word/footer1.xml", WordType("footer")) +
      (comments ? Override("word/comments.xml", WordType("comments")) : "") +
      Override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
      "</Types>\n";
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n" +
      Relationship("rId1", "styles", "styles.xml") + Relationship("rId2", "footer", "footer1.xml") +
      (comments ? Relationship("rId3", "comments", "comments.xml") : "") + "</Relationships>\n";
  std::vector<PackagePart> parts = {
      {"[Content_Types].xml", DocxXml(types)},
      {"_rels/.rels", DocxXml(kPackageRels)},
      {"docProps/core.xml", DocxXml(CoreProperties(content.title))},
      {"word/document.xml",
       DocxXml(WordPart("w:document",
                        "<w:body>" + content.body + std::string(kSection) + "</w:body>"))},
      {"word/_rels/document.xml.rels", DocxXml(rels)},
      {"word/styles.xml", DocxXml(kStyles)},
      {"word/footer1.xml", DocxXml(Footer(content.title))},
  };
  if (comments) {
    parts.push_back({"word/comments.xml", DocxXml(WordPart("w:comments", content.comments))});
  }
  return parts;
}

}  // namespace s75
