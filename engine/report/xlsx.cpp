#include "report/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "report/late_library.h"

namespace s75 {

namespace {

// The libxlsxwriter functions used here, bound when the first workbook is
// started (report/late_library.h says why not at start-up).
// (clang-format never settles on a layout for this list.)
// clang-format off
#define S75_XLSX_FUNCTIONS(X) \
  X(format_set_bg_color) \
  X(format_set_bold) \
  X(format_set_bottom) \
  X(format_set_font_color) \
  X(format_set_num_format) \
  X(format_set_pattern) \
  X(lxw_strerror) \
  X(lxw_workbook_free) \
  X(workbook_add_format) \
  X(workbook_add_worksheet) \
  X(workbook_close) \
  X(workbook_new_opt) \
  X(workbook_set_properties) \
  X(worksheet_autofilter) \
  X(worksheet_freeze_panes) \
  X(worksheet_repeat_rows) \
  X(worksheet_set_column) \
  X(worksheet_set_landscape) \
  X(worksheet_set_paper) \
  X(worksheet_write_blank) \
  X(worksheet_write_number) \
  X(worksheet_write_string)
// clang-format on

struct XlsxFunctions {
  S75_XLSX_FUNCTIONS(S75_LATE_MEMBER)
};

std::string BindXlsx(const LateLibrary& library, XlsxFunctions& functions) {
  S75_XLSX_FUNCTIONS(S75_LATE_BIND)
  return "";
}

const LateBound<XlsxFunctions>& Bound() {
  static const LateBound<XlsxFunctions> bound(
      S75_XLSXWRITER_SONAME,
      "Excel workbooks are written with libxlsxwriter (Debian package libxlsxwriter4)", BindXlsx);
  return bound;
}

// The functions, once Bound() has no failure.
const XlsxFunctions& Xlsx() { return Bound().functions(); }

// Excel's limit on a cell's text, in bytes as libxlsxwriter counts them.
constexpr size_t kMaxCellBytes = 32767;
constexpr double kMaxWidth = 60;
constexpr double kMoneyWidth = 16;
constexpr double kDateWidth = 11;

// Excel's own Good, Neutral and Bad fills and fonts, for green, amber and red.
struct RagColours {
  lxw_color_t fill;
  lxw_color_t font;
};
constexpr std::array<RagColours, 3> kRagColours = {
    {{0xC6EFCE, 0x006100}, {0xFFEB9C, 0x9C5700}, {0xFFC7CE, 0x9C0006}}};

// `text` cut to Excel's limit at a character boundary, marked as cut.
std::string_view CellText(std::string_view text, std::string& cut) {
  if (text.size() <= kMaxCellBytes) {
    return text;
  }
  size_t end = kMaxCellBytes - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  cut = std::string(text.substr(0, end)) + "…";
  return cut;
}

// Characters, not bytes: the column width a text asks for.
double TextWidth(std::string_view text) {
  auto chars = std::count_if(text.begin(), text.end(),
                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  return std::min(kMaxWidth, static_cast<double>(chars) + 2);
}

double ToDouble(const Decimal& d) {
  std::string text = d.ToString();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// A temporary file's name, the file made empty for libxlsxwriter to write.
std::string TemporaryPath(std::string& error) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  std::string name = (ec ? std::filesystem::path("/tmp") : dir) / "s75check-XXXXXX.xlsx";
  int fd = mkstemps(name.data(), 5);
  if (fd < 0) {
    error = "cannot create a temporary file for the workbook in " + dir.string() + ": " +
            std::strerror(errno);
    return "";
  }
  close(fd);
  return name;
}

}  // namespace

struct XlsxWorkbook::Impl {
  struct Sheet {
    lxw_worksheet* ws = nullptr;
    lxw_row_t next_row = 1;
    std::vector<double> widths;
  };

  std::string path;
  lxw_workbook* book = nullptr;
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* date = nullptr;
  lxw_format* count = nullptr;
  std::array<lxw_format*, 3> rag{};
  std::vector<Sheet> sheets;
  std::string error;

  void Note(lxw_error e) {
    if (e != LXW_NO_ERROR && error.empty()) {
      error = std::string("cannot write the xlsx workbook: ") + Xlsx().lxw_strerror(e);
    }
  }
  void Open(Date as_of);
  void MakeFormats();
  void Write(Sheet& s, lxw_col_t col, const Cell& c);
  void WriteText(Sheet& s, lxw_col_t col, const Cell& c);
  void Close();
};

void XlsxWorkbook::Impl::Open(Date as_of) {
  if (const std::string& why = Bound().failure(); !why.empty()) {
    error = "cannot write the xlsx workbook: " + why;
    return;
  }
  path = TemporaryPath(error);
  if (path.empty()) {
    return;
  }
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  book = Xlsx().workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) {
    error = "cannot start the xlsx workbook (out of memory)";
    return;
  }
  // The creation time is the as-of date, so the same run gives the same bytes
  // (libxlsxwriter would take the clock's time for 0).
  lxw_doc_properties properties = {};
  properties.created = std::max<time_t>(1, static_cast<time_t>(as_of.DayNumber()) * 86400);
  Note(Xlsx().workbook_set_properties(book, &properties));
  MakeFormats();
}

void XlsxWorkbook::Impl::MakeFormats() {
  header = Xlsx().workbook_add_format(book);
  Xlsx().format_set_bold(header);
  Xlsx().format_set_bottom(header, LXW_BORDER_THIN);
  money = Xlsx().workbook_add_format(book);
  Xlsx().format_set_num_format(money, "\"£\"#,##0.00;-\"£\"#,##0.00");
  date = Xlsx().workbook_add_format(book);
  Xlsx().format_set_num_format(date, "yyyy-mm-dd");
  count = Xlsx().workbook_add_format(book);
  Xlsx().format_set_num_format(count, "0");
  for (size_t i = 0; i < rag.size(); ++i) {
    rag[i] = Xlsx().workbook_add_format(book);
    Xlsx().format_set_pattern(rag[i], LXW_PATTERN_SOLID);
    Xlsx().format_set_bg_color(rag[i], kRagColours[i].fill);
    Xlsx().format_set_font_color(rag[i], kRagColours[i].font);
  }
}

void XlsxWorkbook::Impl::Write(Sheet& s, lxw_col_t col, const Cell& c) {
  lxw_format* format = c.kind == CellKind::kMoney   ? money
                       : c.kind == CellKind::kCount ? count
                                                    : nullptr;
  if (c.kind == CellKind::kDate) {
    if (std::optional<double> day = ExcelDay(c.date)) {
      Note(Xlsx().worksheet_write_number(s.ws, s.next_row, col, *day, date));
      s.widths[col] = std::max(s.widths[col], kDateWidth);
      return;
    }
  } else if (c.kind != CellKind::kText && FitsDouble(c.number)) {
    Note(Xlsx().worksheet_write_number(s.ws, s.next_row, col, ToDouble(c.number), format));
    double width = c.kind == CellKind::kMoney ? kMoneyWidth : TextWidth(c.text);
    s.widths[col] = std::max(s.widths[col], width);
    return;
  }
  WriteText(s, col, c);
}

// Text as a string, never a formula: worksheet_write_string stores it as
// written, `=SUM(A1)` included.
void XlsxWorkbook::Impl::WriteText(Sheet& s, lxw_col_t col, const Cell& c) {
  lxw_format* format = c.rag == Rag::kNone ? nullptr : rag[static_cast<size_t>(c.rag) - 1];
  if (c.text.empty()) {
    if (format != nullptr) {
      Note(Xlsx().worksheet_write_blank(s.ws, s.next_row, col, format));
    }
    return;
  }
  std::string cut;
  std::string text(CellText(c.text, cut));
  Note(Xlsx().worksheet_write_string(s.ws, s.next_row, col, text.c_str(), format));
  s.widths[col] = std::max(s.widths[col], TextWidth(text));
}

// Filters over each sheet's rows, its columns' widths, then the file.
void XlsxWorkbook::Impl::Close() {
  for (Sheet& s : sheets) {
    auto last = static_cast<lxw_col_t>(s.widths.size() - 1);
    Note(Xlsx().worksheet_autofilter(s.ws, 0, 0, s.next_row - 1, last));
    for (lxw_col_t col = 0; col <= last; ++col) {
      Note(Xlsx().worksheet_set_column(s.ws, col, col, s.widths[col], nullptr));
    }
  }
  Note(Xlsx().workbook_close(book));
  book = nullptr;
}

XlsxWorkbook::XlsxWorkbook(Date as_of) : impl_(std::make_unique<Impl>()) { impl_->Open(as_of); }

XlsxWorkbook::~XlsxWorkbook() {
  if (impl_->book != nullptr) {
    Xlsx().lxw_workbook_free(impl_->book);
  }
  if (!impl_->path.empty()) {
    std::remove(impl_->path.c_str());
  }
}

int XlsxWorkbook::AddSheet(std::string_view name, const std::vector<std::string>& header) {
  Impl& b = *impl_;
  Impl::Sheet sheet;
  if (b.book != nullptr && !header.empty()) {
    sheet.ws = Xlsx().workbook_add_worksheet(b.book, std::string(name).c_str());
  }
  if (sheet.ws == nullptr) {
    b.error = b.error.empty() ? "cannot add the sheet '" + std::string(name) + "' to the workbook"
                              : b.error;
    return -1;
  }
  for (size_t col = 0; col < header.size(); ++col) {
    b.Note(Xlsx().worksheet_write_string(sheet.ws, 0, static_cast<lxw_col_t>(col),
                                         header[col].c_str(), b.header));
    sheet.widths.push_back(TextWidth(header[col]) + 2);  // room for the filter button
  }
  Xlsx().worksheet_freeze_panes(sheet.ws, 1, 0);
  // Printed (or made a PDF): A4 landscape, the header on each page.
  constexpr uint8_t kA4 = 9;
  Xlsx().worksheet_set_landscape(sheet.ws);
  Xlsx().worksheet_set_paper(sheet.ws, kA4);
  b.Note(Xlsx().worksheet_repeat_rows(sheet.ws, 0, 0));
  b.sheets.push_back(std::move(sheet));
  return static_cast<int>(b.sheets.size() - 1);
}

void XlsxWorkbook::AddRow(int sheet, const std::vector<Cell>& cells) {
  Impl& b = *impl_;
  if (sheet < 0 || !b.error.empty()) {
    return;
  }
  Impl::Sheet& s = b.sheets[static_cast<size_t>(sheet)];
  for (size_t col = 0; col < cells.size() && col < s.widths.size(); ++col) {
    b.Write(s, static_cast<lxw_col_t>(col), cells[col]);
  }
  ++s.next_row;
}

std::string XlsxWorkbook::Finish(std::ostream& out) {
  Impl& b = *impl_;
  if (b.book != nullptr && b.error.empty()) {
    b.Close();
  }
  if (!b.error.empty()) {
    return b.error;
  }
  std::ifstream in(b.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    return "cannot read back the xlsx workbook written to " + b.path;
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return "";
}

bool FitsDouble(const Decimal& d) {
  std::string text = d.ToString();
  size_t first = text.find_first_not_of("-0.");
  if (first == std::string::npos) {
    return true;
  }
  auto digits = std::count_if(text.begin() + static_cast<std::ptrdiff_t>(first), text.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
  return digits <= 15;
}

std::optional<double> ExcelDay(Date d) {
  // 1899-12-30 is day 0 for every date from 1900-03-01 on; 1970-01-01 is day 25569.
  constexpr long long kUnixEpochDay = 25569;
  constexpr long long kFirstTrueDay = 61;  // 1900-03-01
  long long day = d.DayNumber() + kUnixEpochDay;
  if (day < kFirstTrueDay) {
    return std::nullopt;
  }
  return static_cast<double>(day);
}

}  // namespace s75
