#include "report/html_page.h"

#include "report/html_assets.h"
#include "report/markup_escape.h"

namespace s75 {

void WriteHtmlHead(const HtmlHead& head, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; "
      << (head.script ? "script-src 'unsafe-inline'; " : "")
      << "base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  if (!head.tool_version.empty()) {
    out << "<meta name=\"generator\" content=\"s75check " << XmlEscape(head.tool_version)
        << "\">\n";
  }
  out << "<title>" << XmlEscape(head.title) << "</title>\n<style>" << kHtmlStyle << head.extra_style
      << "</style>\n</head>\n";
}

void WriteSummaryItem(std::string_view css, std::string_view key, std::string_view label, int value,
                      std::ostream& out) {
  out << "<div class=\"" << css << "\"><dt>" << label << "</dt><dd data-summary=\"" << key << "\">"
      << value << "</dd></div>\n";
}

}  // namespace s75
