// The scorecard as data: json (exact decimal strings) and csv.
#include <nlohmann/json.hpp>

#include "report/csv.h"
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

std::vector<std::string> OutcomeRow(const AgreementCard& a, const OutcomeCard& o) {
  const Point* latest = o.Latest();
  std::string schemes;
  for (const std::string& s : o.schemes) {
    schemes += (schemes.empty() ? "" : " ") + s;
  }
  return {a.path,
          a.agreement_id,
          o.id,
          o.domain,
          o.weight.ToString(),
          o.description,
          o.indicator,
          o.unit,
          Figure(o.baseline),
          o.baseline_period,
          Figure(o.target),
          o.target_by ? o.target_by->ToString() : "",
          o.direction,
          Figure(o.tolerance),
          latest ? latest->value.ToString() : "",
          latest ? latest->date.ToString() : "",
          Figure(o.forecast),
          o.outturn ? o.outturn->value.ToString() : "",
          o.outturn ? o.outturn->date.ToString() : "",
          Figure(o.miss),
          std::string(StatusWord(o.status)),
          std::string(TrendWord(o.trend)),
          o.note.empty() ? "" : NoteLine(a, o),
          schemes};
}

}  // namespace

void WriteScorecardCsv(const Portfolio& p, std::ostream& out) {
  CsvLine(
      {"path",           "agreement_id", "outcome",  "domain",          "weight",   "description",
       "indicator",      "unit",         "baseline", "baseline_period", "target",   "target_by",
       "direction",      "tolerance",    "latest",   "latest_period",   "forecast", "outturn",
       "outturn_period", "miss",         "status",   "trend",           "note",     "schemes"},
      out);
  for (const AgreementCard& a : p.agreements) {
    if (!a.readable) {
      CsvLine({a.path, "", "", "", "", "", "", "", "",           "", "",           "",
               "",     "", "", "", "", "", "", "", "unreadable", "", a.unreadable, ""},
              out);
    }
    for (const OutcomeCard& o : a.outcomes) {
      CsvLine(OutcomeRow(a, o), out);
    }
  }
  out << "\r\n";
  CsvLine({"path", "agreement_id", "domain", "outcomes", "scored_weight", "score"}, out);
  for (const AgreementCard& a : p.agreements) {
    for (const DomainScore& d : a.domains) {
      CsvLine(
          {a.path, a.agreement_id, d.domain.empty() ? "none" : d.domain, std::to_string(d.outcomes),
           d.weight.ToString(), d.score ? d.score->ToString(kScorePlaces) : ""},
          out);
    }
    if (a.readable) {
      CsvLine({a.path, a.agreement_id, "overall", std::to_string(a.outcomes.size()), "",
               a.score ? a.score->ToString(kScorePlaces) : ""},
              out);
    }
  }
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
  return {"text", "json", "markdown", "html", "csv"};
}

}  // namespace s75
