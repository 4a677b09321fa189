// An outcome's article in the HTML scorecard: its figures and a small inline
// SVG chart (baseline and figures, the fitted line dashed to the target date,
// the target with its tolerance band, the status as colour and word).
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "report/markup_escape.h"
#include "scorecard/scorecard_report.h"

namespace s75 {

std::string_view OutcomeBand(Status s);
std::string_view OutcomeSymbol(Status s);

namespace {

constexpr double kWidth = 320;
constexpr double kHeight = 130;
constexpr double kLeft = 44;  // room for the value labels
constexpr double kRight = 10;
constexpr double kTop = 10;
constexpr double kBottom = 22;  // room for the date labels

double Num(const Decimal& d) { return std::stod(d.ToString()); }

// A coordinate with one decimal place: the same text on every machine.
std::string Fixed(double v) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.1f", v);
  return buf.data();
}

// The chart's ranges: days from the first point to the target date, and the
// values of every point, line end, target and tolerance band.
struct Frame {
  long long first = 0;
  long long last = 1;
  double low = 0;
  double high = 1;

  double X(Date d) const {
    return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(d.DayNumber() - first) /
                       static_cast<double>(last - first);
  }
  double Y(double v) const { return kTop + (kHeight - kTop - kBottom) * (high - v) / (high - low); }
};

Frame FrameOf(const OutcomeCard& o) {
  Frame f;
  std::vector<double> values;
  std::vector<long long> days;
  for (const Point& p : o.points) {
    values.push_back(Num(p.value));
    days.push_back(p.date.DayNumber());
  }
  days.push_back(o.target_by->DayNumber());
  values.push_back(Num(*o.target));
  double tol = o.tolerance ? Num(*o.tolerance) : 0;
  values.push_back(Num(*o.target) + (o.direction == "decrease" ? tol : -tol));
  for (const std::optional<Decimal>& v : {o.forecast, o.line_start}) {
    if (v) {
      values.push_back(Num(*v));
    }
  }
  f.first = *std::min_element(days.begin(), days.end());
  f.last = std::max(*std::max_element(days.begin(), days.end()), f.first + 1);
  f.low = *std::min_element(values.begin(), values.end());
  f.high = *std::max_element(values.begin(), values.end());
  double pad = f.high > f.low ? (f.high - f.low) * 0.08 : 1;
  f.low -= pad;
  f.high += pad;
  return f;
}

void Axes(const OutcomeCard& o, const Frame& f, std::ostream& out) {
  double bottom = kHeight - kBottom;
  out << "<line class=\"axis\" x1=\"" << Fixed(kLeft) << "\" y1=\"" << Fixed(kTop) << "\" x2=\""
      << Fixed(kLeft) << "\" y2=\"" << Fixed(bottom) << "\"/><line class=\"axis\" x1=\""
      << Fixed(kLeft) << "\" y1=\"" << Fixed(bottom) << "\" x2=\"" << Fixed(kWidth - kRight)
      << "\" y2=\"" << Fixed(bottom) << "\"/>";
  Date start = o.points.empty() ? *o.target_by : o.points.front().date;
  Date end = std::max(*o.target_by, o.points.empty() ? *o.target_by : o.points.back().date);
  out << "<text x=\"" << Fixed(kLeft) << "\" y=\"" << Fixed(kHeight - 6) << "\">"
      << start.ToString() << "</text><text x=\"" << Fixed(kWidth - kRight) << "\" y=\""
      << Fixed(kHeight - 6) << "\" text-anchor=\"end\">" << end.ToString() << "</text>";
  out << "<text x=\"" << Fixed(kLeft - 4) << "\" y=\"" << Fixed(f.Y(Num(*o.target)) + 3)
      << "\" text-anchor=\"end\">" << o.target->ToString() << "</text>";
}

void TargetMarks(const OutcomeCard& o, const Frame& f, std::ostream& out) {
  double x = f.X(*o.target_by);
  double target = Num(*o.target);
  double tol = o.tolerance ? Num(*o.tolerance) : 0;
  double edge = o.direction == "decrease" ? target + tol : target - tol;
  double top = f.Y(std::max(target, edge));
  double height = std::max(f.Y(std::min(target, edge)) - top, 1.0);
  out << "<rect class=\"band\" x=\"" << Fixed(kLeft) << "\" y=\"" << Fixed(top) << "\" width=\""
      << Fixed(kWidth - kLeft - kRight) << "\" height=\"" << Fixed(height) << "\"/>";
  double y = f.Y(target);
  out << "<path class=\"target\" d=\"M" << Fixed(x) << " " << Fixed(y - 6) << " L" << Fixed(x + 6)
      << " " << Fixed(y) << " L" << Fixed(x) << " " << Fixed(y + 6) << " L" << Fixed(x - 6) << " "
      << Fixed(y) << " Z\"/>";
}

void Series(const OutcomeCard& o, const Frame& f, std::ostream& out) {
  std::string_view band = OutcomeBand(o.status);
  if (o.forecast && o.line_start) {
    out << "<line class=\"fit " << band << "\" x1=\"" << Fixed(f.X(o.points.front().date))
        << "\" y1=\"" << Fixed(f.Y(Num(*o.line_start))) << "\" x2=\"" << Fixed(f.X(*o.target_by))
        << "\" y2=\"" << Fixed(f.Y(Num(*o.forecast))) << "\"/>";
    out << "<circle class=\"" << band << "\" cx=\"" << Fixed(f.X(*o.target_by)) << "\" cy=\""
        << Fixed(f.Y(Num(*o.forecast))) << "\" r=\"4\"/>";
  }
  for (const Point& p : o.points) {
    bool baseline =
        o.baseline_date && p.date == *o.baseline_date && o.baseline && p.value == *o.baseline;
    double x = f.X(p.date);
    double y = f.Y(Num(p.value));
    if (baseline) {
      out << "<rect class=\"pt\" x=\"" << Fixed(x - 3.5) << "\" y=\"" << Fixed(y - 3.5)
          << "\" width=\"7\" height=\"7\"/>";
    } else {
      out << "<circle class=\"pt\" cx=\"" << Fixed(x) << "\" cy=\"" << Fixed(y) << "\" r=\"3\"/>";
    }
  }
}

// What the chart shows, in words, for screen readers and its tooltip.
std::string ChartText(const OutcomeCard& o) {
  std::string text = "Baseline " + BaselineText(o) + "; target " + TargetText(o);
  for (const Point& p : o.figures) {
    text += "; " + p.value.ToString() + " at " + p.date.ToString();
  }
  if (o.forecast) {
    text += "; forecast " + o.forecast->ToString() + " at " + o.target_by->ToString();
  }
  return text + "; " + std::string(StatusWord(o.status));
}

void Chart(const OutcomeCard& o, std::ostream& out) {
  if (!o.target || !o.target_by || o.direction.empty()) {
    return;
  }
  Frame f = FrameOf(o);
  std::string text = XmlEscape(ChartText(o));
  out << "<svg class=\"trend\" viewBox=\"0 0 " << Fixed(kWidth) << " " << Fixed(kHeight)
      << "\" role=\"img\" aria-label=\"" << text << "\"><title>" << text << "</title>";
  TargetMarks(o, f, out);
  Axes(o, f, out);
  Series(o, f, out);
  out << "</svg>\n";
}

void Item(std::string_view label, const std::string& value, std::ostream& out) {
  if (!value.empty()) {
    out << "<dt>" << label << "</dt><dd>" << XmlEscape(value) << "</dd>";
  }
}

}  // namespace

void WriteOutcomeArticle(const AgreementCard& a, const OutcomeCard& o, std::ostream& out) {
  std::string_view band = OutcomeBand(o.status);
  out << "<article class=\"outcome\" data-status=\"" << StatusWord(o.status) << "\"><h4>"
      << XmlEscape(o.id.empty() ? "(no id)" : o.id) << " <span>"
      << XmlEscape(Shortened(o.description, 90)) << "</span></h4><span class=\"badge " << band
      << "\">" << OutcomeSymbol(o.status) << " " << XmlEscape(StatusText(o)) << "</span>"
      << (o.trend == Trend::kNone
              ? ""
              : " <span class=\"note\">" + std::string(TrendWord(o.trend)) + "</span>")
      << "\n";
  Chart(o, out);
  out << "<dl>";
  Item("Indicator", o.indicator + (o.unit.empty() ? "" : " (" + o.unit + ")"), out);
  Item("Baseline", BaselineText(o), out);
  Item("Target", TargetText(o), out);
  Item("Latest", LatestText(o), out);
  Item("Forecast", Figure(o.forecast), out);
  Item("Weight", o.weight.ToString(), out);
  Item("Schemes", SchemesText(o), out);
  out << "</dl>";
  if (!o.note.empty()) {
    out << "<p class=\"note missing\">" << XmlEscape(NoteLine(a, o)) << "</p>";
  }
  out << "</article>\n";
}

}  // namespace s75
