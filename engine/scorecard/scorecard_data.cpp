// The scorecard as data: json (exact decimal strings), csv and xlsx.
#include <functional>
#include <nlohmann/json.hpp>

#include "report/cells.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "scorecard/scorecard_report.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::optional<Decimal>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json Score(const std::optional<Decimal>& d) {
  return d ? Json(d->ToString(kScorePlaces)) : Json(nullptr);
}
Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json DateJson(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); }
Json PointJson(const Point* p) {
  return p == nullptr ? Json(nullptr)
                      : Json{{"period", p->date.ToString()}, {"value", p->value.ToString()}};
}

Json Counts(const std::array<int, kStatusCount>& counts) {
  Json j = Json::object();
  for (size_t i = 0; i < kStatusCount; ++i) {
    j[std::string(StatusWord(static_cast<Status>(i)))] = counts[i];
  }
  return j;
}

Json OutcomeJson(const AgreementCard& a, const OutcomeCard& o) {
  Json j = {{"id", o.id},
            {"description", Str(o.description)},
            {"indicator", Str(o.indicator)},
            {"unit", Str(o.unit)},
            {"domain", Str(o.domain)},
            {"weight", o.weight.ToString()},
            {"schemes", o.schemes},
            {"location", {{"line", o.line}, {"column", o.column}}},
            {"baseline", {{"value", Str(o.baseline)}, {"period", Str(o.baseline_period)}}},
            {"target",
             {{"value", Str(o.target)},
              {"by", DateJson(o.target_by)},
              {"direction", Str(o.direction)},
              {"tolerance", Str(o.tolerance)}}},
            {"latest", PointJson(o.Latest())},
            {"forecast", Str(o.forecast)},
            {"outturn", PointJson(o.outturn ? &*o.outturn : nullptr)},
            {"miss", Str(o.miss)},
            {"status", StatusWord(o.status)},
            {"trend", Str(std::string(TrendWord(o.trend)))}};
  if (!o.note.empty()) {
    j["note"] = {{"message", o.note},
                 {"location", {{"line", o.note_line}, {"column", o.note_column}}},
                 {"text", NoteLine(a, o)}};
  }
  return j;
}

Json AgreementJson(const AgreementCard& a) {
  Json j = {{"path", a.path}, {"agreement_id", Str(a.agreement_id)}, {"readable", a.readable}};
  if (!a.readable) {
    j["unreadable"] = a.unreadable;
    return j;
  }
  j["title"] = Str(a.title);
  j["score"] = Score(a.score);
  j["users_and_carers_share"] = Score(a.users_and_carers_share);
  j["counts"] = Counts(a.counts);
  j["domains"] = Json::array();
  for (const DomainScore& d : a.domains) {
    j["domains"].push_back({{"domain", Str(d.domain)},
                            {"outcomes", d.outcomes},
                            {"scored_weight", d.weight.ToString()},
                            {"score", Score(d.score)}});
  }
  j["outcomes"] = Json::array();
  for (const OutcomeCard& o : a.outcomes) {
    j["outcomes"].push_back(OutcomeJson(a, o));
  }
  return j;
}

}  // namespace

void WriteScorecardJson(const Portfolio& p, std::ostream& out) {
  Json j = {{"tool", {{"name", "s75check"}, {"version", p.tool_version}}},
            {"as_of", p.as_of.ToString()},
            {"agreements", Json::array()}};
  for (const AgreementCard& a : p.agreements) {
    j["agreements"].push_back(AgreementJson(a));
  }
  j["summary"] = {{"agreements", p.agreements.size()},
                  {"unreadable", p.unreadable},
                  {"counts", Counts(p.counts)}};
  out << j.dump(2) << "\n";
}

namespace {

// The status in its word and its RAG colour: green or met green, amber
// amber, red or missed red; the statuses not scored uncoloured.
Cell StatusCell(Status status) {
  Rag rag = status == Status::kGreen || status == Status::kMet    ? Rag::kGreen
            : status == Status::kAmber                            ? Rag::kAmber
            : status == Status::kRed || status == Status::kMissed ? Rag::kRed
                                                                  : Rag::kNone;
  return TextCell(std::string(StatusWord(status)), rag);
}

std::vector<Cell> OutcomeRow(const AgreementCard& a, const OutcomeCard& o) {
  const Point* latest = o.Latest();
  std::string schemes;
  for (const std::string& s : o.schemes) {
    schemes += (schemes.empty() ? "" : " ") + s;
  }
  auto value = [](const Point* p) { return p ? NumberCell(p->value) : Cell(); };
  auto period = [](const Point* p) { return p ? DateCell(p->date) : Cell(); };
  const Point* outturn = o.outturn ? &*o.outturn : nullptr;
  return {TextCell(a.path),
          TextCell(a.agreement_id),
          TextCell(o.id),
          TextCell(o.domain),
          NumberCell(o.weight),
          TextCell(o.description),
          TextCell(o.indicator),
          TextCell(o.unit),
          NumberCell(o.baseline),
          TextCell(o.baseline_period),
          NumberCell(o.target),
          DateCell(o.target_by),
          TextCell(o.direction),
          NumberCell(o.tolerance),
          value(latest),
          period(latest),
          NumberCell(o.forecast),
          value(outturn),
          period(outturn),
          NumberCell(o.miss),
          StatusCell(o.status),
          TextCell(std::string(TrendWord(o.trend))),
          TextCell(o.note.empty() ? "" : NoteLine(a, o)),
          TextCell(schemes)};
}

const std::vector<std::string> kOutcomeColumns = {
    "path",           "agreement_id", "outcome",  "domain",          "weight",   "description",
    "indicator",      "unit",         "baseline", "baseline_period", "target",   "target_by",
    "direction",      "tolerance",    "latest",   "latest_period",   "forecast", "outturn",
    "outturn_period", "miss",         "status",   "trend",           "note",     "schemes"};

const std::vector<std::string> kScoreColumns = {"path",     "agreement_id",  "domain",
                                                "outcomes", "scored_weight", "score"};

// Each agreement's outcomes, one row each (an unreadable file one row saying why).
void OutcomeRows(const Portfolio& p, const std::function<void(const std::vector<Cell>&)>& sink) {
  for (const AgreementCard& a : p.agreements) {
    if (!a.readable) {
      std::vector<Cell> row(kOutcomeColumns.size());
      row[0] = TextCell(a.path);
      row[20] = TextCell("unreadable", Rag::kRed);
      row[22] = TextCell(a.unreadable);
      sink(row);
    }
    for (const OutcomeCard& o : a.outcomes) {
      sink(OutcomeRow(a, o));
    }
  }
}

// Each agreement's domain scores, then its overall score.
void ScoreRows(const Portfolio& p, const std::function<void(const std::vector<Cell>&)>& sink) {
  for (const AgreementCard& a : p.agreements) {
    for (const DomainScore& d : a.domains) {
      sink({TextCell(a.path), TextCell(a.agreement_id),
            TextCell(d.domain.empty() ? "none" : d.domain), CountCell(d.outcomes),
            NumberCell(d.weight), NumberCell(d.score, kScorePlaces)});
    }
    if (a.readable) {
      sink({TextCell(a.path), TextCell(a.agreement_id), TextCell("overall"),
            CountCell(static_cast<long long>(a.outcomes.size())), Cell(),
            NumberCell(a.score, kScorePlaces)});
    }
  }
}

}  // namespace

void WriteScorecardCsv(const Portfolio& p, std::ostream& out) {
  auto line = [&out](const std::vector<Cell>& cells) { CsvLine(CellTexts(cells), out); };
  CsvLine(kOutcomeColumns, out);
  OutcomeRows(p, line);
  out << "\r\n";
  CsvLine(kScoreColumns, out);
  ScoreRows(p, line);
}

std::string WriteScorecardXlsx(const Portfolio& p, std::ostream& out) {
  XlsxWorkbook book(p.as_of);
  int outcomes = book.AddSheet("outcomes", kOutcomeColumns);
  OutcomeRows(p, [&](const std::vector<Cell>& cells) { book.AddRow(outcomes, cells); });
  int scores = book.AddSheet("scores", kScoreColumns);
  ScoreRows(p, [&](const std::vector<Cell>& cells) { book.AddRow(scores, cells); });
  return book.Finish(out);
}

bool WriteScorecard(const Portfolio& p, std::string_view format, std::ostream& out) {
  if (format == "text") {
    WriteScorecardText(p, out);
  } else if (format == "json") {
    WriteScorecardJson(p, out);
  } else if (format == "csv") {
    WriteScorecardCsv(p, out);
  } else if (format == "markdown") {
    WriteScorecardMarkdown(p, out);
  } else if (format == "html") {
    WriteScorecardHtml(p, out);
  } else {
    return false;
  }
  return true;
}

std::vector<std::string_view> ScorecardFormats() {
  return {"text", "json", "markdown", "html", "csv", "xlsx"};
}

}  // namespace s75
