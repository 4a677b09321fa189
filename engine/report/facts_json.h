// An agreement's facts (what the register shows of it) as JSON and back: how
// `check --format json --facts` saves a sweep with its money and outcomes,
// and how `compare` reads two such reports. Each struct's fields are listed
// once (facts_json.cpp) and both directions are driven by that list.
// Money is written as an exact decimal string ("1250000.50"), dates as
// YYYY-MM-DD, an absent value as null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/check_report.h"

namespace s75 {

nlohmann::ordered_json FactsJson(const AgreementFacts& facts);

// Reads `j` into `facts`; "" or what is wrong, naming the key ("funds[1].pool_total:
// not an exact decimal string").
std::string ReadFactsJson(const nlohmann::ordered_json& j, AgreementFacts& facts);

}  // namespace s75
