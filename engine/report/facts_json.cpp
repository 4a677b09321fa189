#include "report/facts_json.h"

#include <cstdint>
#include <limits>
#include <tuple>
#include <type_traits>
#include <vector>

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

// One member of a struct and its JSON key.
template <typename T, typename M>
struct Field {
  const char* name;
  M T::*member;
};
template <typename T, typename M>
Field(const char*, M T::*) -> Field<T, M>;

// The fields of each struct written, in the order they are written.
template <typename T>
struct Fields {
  static constexpr bool kDescribed = false;
};

template <>
struct Fields<PartnerFacts> {
  static constexpr bool kDescribed = true;
  static constexpr auto kList =
      std::tuple{Field{"id", &PartnerFacts::id}, Field{"name", &PartnerFacts::name},
                 Field{"kind", &PartnerFacts::kind}, Field{"role", &PartnerFacts::role},
                 Field{"has_signed", &PartnerFacts::has_signed}};
};

template <>
struct Fields<FundFacts> {
  static constexpr bool kDescribed = true;
  static constexpr auto kList =
      std::tuple{Field{"id", &FundFacts::id},
                 Field{"name", &FundFacts::name},
                 Field{"arrangement", &FundFacts::arrangement},
                 Field{"host", &FundFacts::host},
                 Field{"pooled", &FundFacts::pooled},
                 Field{"tallied_arrangements", &FundFacts::tallied_arrangements},
                 Field{"tallied_client_groups", &FundFacts::tallied_client_groups},
                 Field{"year", &FundFacts::year},
                 Field{"pool_total", &FundFacts::pool_total},
                 Field{"pool_from_contributions", &FundFacts::pool_from_contributions},
                 Field{"revenue", &FundFacts::revenue},
                 Field{"capital", &FundFacts::capital}};
};

template <>
struct Fields<OutturnFacts> {
  static constexpr bool kDescribed = true;
  static constexpr auto kList =
      std::tuple{Field{"year", &OutturnFacts::year}, Field{"kind", &OutturnFacts::kind},
                 Field{"spend", &OutturnFacts::spend}, Field{"variance", &OutturnFacts::variance}};
};

template <>
struct Fields<OutcomeCounts> {
  static constexpr bool kDescribed = true;
  static constexpr auto kList =
      std::tuple{Field{"red", &OutcomeCounts::red}, Field{"amber", &OutcomeCounts::amber},
                 Field{"green", &OutcomeCounts::green}, Field{"no_data", &OutcomeCounts::no_data}};
};

template <>
struct Fields<AgreementFacts> {
  static constexpr bool kDescribed = true;
  static constexpr auto kList =
      std::tuple{Field{"title", &AgreementFacts::title},
                 Field{"status", &AgreementFacts::status},
                 Field{"legal_basis", &AgreementFacts::legal_basis},
                 Field{"financial_model", &AgreementFacts::financial_model},
                 Field{"arrangements", &AgreementFacts::arrangements},
                 Field{"client_groups", &AgreementFacts::client_groups},
                 Field{"partners", &AgreementFacts::partners},
                 Field{"format_version", &AgreementFacts::version},
                 Field{"host", &AgreementFacts::host},
                 Field{"funds", &AgreementFacts::funds},
                 Field{"pool_total", &AgreementFacts::pool_total},
                 Field{"pool_from_contributions", &AgreementFacts::pool_from_contributions},
                 Field{"revenue", &AgreementFacts::revenue},
                 Field{"capital", &AgreementFacts::capital},
                 Field{"commencement", &AgreementFacts::commencement},
                 Field{"expiry", &AgreementFacts::expiry},
                 Field{"outturn", &AgreementFacts::outturn},
                 Field{"outcomes", &AgreementFacts::outcomes}};
};

template <typename T>
constexpr bool kIsOptional = false;
template <typename T>
constexpr bool kIsOptional<std::optional<T>> = true;
template <typename T>
constexpr bool kIsVector = false;
template <typename T>
constexpr bool kIsVector<std::vector<T>> = true;

template <typename T>
Json Write(const T& value) {
  if constexpr (std::is_same_v<T, Decimal> || std::is_same_v<T, Date>) {
    return value.ToString();
  } else if constexpr (kIsOptional<T>) {
    return value ? Write(*value) : Json();
  } else if constexpr (kIsVector<T>) {
    Json list = Json::array();
    for (const auto& item : value) {
      list.push_back(Write(item));
    }
    return list;
  } else if constexpr (Fields<T>::kDescribed) {
    Json object = Json::object();
    std::apply(
        [&](const auto&... field) { ((object[field.name] = Write(value.*field.member)), ...); },
        Fields<T>::kList);
    return object;
  } else {
    return Json(value);  // a string, bool or int
  }
}

// `why`, a problem inside the value at `where`, said from there.
std::string Within(const std::string& where, const std::string& why) {
  return where + (why.front() == '.' || why.front() == '[' ? "" : ": ") + why;
}

// Reads `j` into `value`; "" or what `j` should have been.
template <typename T>
std::string Read(const Json& j, T& value) {
  if constexpr (std::is_same_v<T, Decimal> || std::is_same_v<T, Date>) {
    std::optional<T> parsed = j.is_string() ? T::Parse(j.get<std::string>()) : std::nullopt;
    if (!parsed) {
      return std::is_same_v<T, Date> ? "not a date (YYYY-MM-DD)" : "not an exact decimal string";
    }
    value = *parsed;
    return "";
  } else if constexpr (kIsOptional<T>) {
    if (j.is_null()) {
      value.reset();
      return "";
    }
    return Read(j, value.emplace());
  } else if constexpr (kIsVector<T>) {
    if (!j.is_array()) {
      return "not a list";
    }
    value.resize(j.size());
    for (size_t i = 0; i < j.size(); ++i) {
      if (std::string why = Read(j[i], value[i]); !why.empty()) {
        return Within("[" + std::to_string(i) + "]", why);
      }
    }
    return "";
  } else if constexpr (Fields<T>::kDescribed) {
    if (!j.is_object()) {
      return "not an object";
    }
    std::string why;  // the first wrong key; a key left out is an absent value
    auto one = [&](const auto& field) {
      if (why.empty() && j.contains(field.name)) {
        if (std::string inner = Read(j.at(field.name), value.*field.member); !inner.empty()) {
          why = Within(std::string(".") + field.name, inner);
        }
      }
    };
    std::apply([&](const auto&... field) { (one(field), ...); }, Fields<T>::kList);
    return why;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return j.is_string() ? (value = j.get<std::string>(), "") : "not a string";
  } else if constexpr (std::is_same_v<T, bool>) {
    return j.is_boolean() ? (value = j.get<bool>(), "") : "not true or false";
  } else {
    static_assert(std::is_same_v<T, int>);
    // A count: a whole number an int holds, never one cut to fit.
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    bool fits = j.is_number_unsigned() ? j.get<std::uint64_t>() <= kMax
                : j.is_number_integer()
                    ? j.get<std::int64_t>() >= 0 &&
                          static_cast<std::uint64_t>(j.get<std::int64_t>()) <= kMax
                    : false;
    return fits ? (value = j.get<int>(), "") : "not a whole number from 0 to 2147483647";
  }
}

}  // namespace

Json FactsJson(const AgreementFacts& facts) { return Write(facts); }

std::string ReadFactsJson(const Json& j, AgreementFacts& facts) {
  std::string why = Read(j, facts);
  return why.empty() || why.front() != '.' ? why : why.substr(1);
}

}  // namespace s75
