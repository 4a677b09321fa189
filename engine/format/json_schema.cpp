#include "format/json_schema.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "format/format.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kIdPattern = "^[a-z0-9_-]+$";

// The words YAML reads as booleans and the loader accepts, in any case.
std::string BoolPattern() {
  std::string out = "^(?:";
  bool first = true;
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off"}) {
    out += first ? "" : "|";
    first = false;
    for (char c : word) {
      out += std::string("[") + c + static_cast<char>(std::toupper(static_cast<unsigned char>(c))) +
             "]";
    }
  }
  return out + ")$";
}

// JSON types for a value, with null added where the key may be left empty
// (`key:` means the same as leaving the key out).
Json Types(std::initializer_list<const char*> types, bool nullable) {
  Json out = Json::array();
  for (const char* t : types) {
    out.push_back(t);
  }
  if (nullable) {
    out.push_back("null");
  }
  return out.size() == 1 ? out[0] : out;
}

Json Schema(const FieldSpec& spec, bool nullable);

Json ObjectSchema(const FieldSpec& spec, bool nullable) {
  Json j;
  j["type"] = Types({"object"}, nullable);
  Json properties = Json::object();
  Json required = Json::array();
  for (const FieldSpec& f : spec.fields) {
    properties[f.name] = Schema(f, !f.required);
    if (f.required) {
      required.push_back(f.name);
    }
  }
  j["properties"] = std::move(properties);
  if (!required.empty()) {
    j["required"] = std::move(required);
  }
  j["additionalProperties"] = false;
  return j;
}

// The keywords of a scalar type; `nullable` adds null to the types.
Json ScalarSchema(const FieldSpec& spec, bool nullable) {
  Json j;
  switch (spec.type) {
    case ValueType::kText:  // any scalar: the loader reads `title: 2009` as text
      j["type"] = Types({"string", "number", "boolean"}, nullable);
      break;
    case ValueType::kDate:
      j["type"] = Types({"string"}, nullable);
      j["format"] = "date";
      j["pattern"] = DatePattern();
      break;
    case ValueType::kYear:
      j["type"] = Types({"string"}, nullable);
      j["pattern"] = YearPattern();
      break;
    case ValueType::kMoney:
    case ValueType::kNumber:
      j["type"] = Types({"number"}, nullable);
      break;
    case ValueType::kShare:
      j["type"] = Types({"number"}, nullable);
      j["minimum"] = 0;
      j["maximum"] = 1;
      break;
    case ValueType::kId:  // `id: 7` is a plain scalar the loader reads as the id "7"
      j["type"] = Types({"string", "integer"}, nullable);
      j["pattern"] = kIdPattern;
      j["minimum"] = 0;
      break;
    case ValueType::kBool:  // YAML 1.2 editors read `yes` as a string
      j["type"] = Types({"boolean", "string"}, nullable);
      j["pattern"] = BoolPattern();
      break;
    case ValueType::kInteger:
      j["type"] = Types({"integer"}, nullable);
      j["minimum"] = spec.min_integer;
      break;
    default: {  // kEnum
      Json words(spec.vocabulary);
      if (nullable) {
        words.push_back(nullptr);
      }
      j["enum"] = std::move(words);
    }
  }
  return j;
}

Json Schema(const FieldSpec& spec, bool nullable) {
  Json j;
  j["description"] = FieldNote(spec);
  switch (spec.type) {
    case ValueType::kObject:
      j.update(ObjectSchema(spec, nullable));
      break;
    case ValueType::kList:
      j["type"] = Types({"array"}, nullable);
      j["items"] = Schema(*spec.element, true);
      if (spec.min_items > 0) {
        j["minItems"] = spec.min_items;
      }
      break;
    case ValueType::kMap:
      j["type"] = Types({"object"}, nullable);
      j["propertyNames"] = {{"pattern", kIdPattern}};
      j["additionalProperties"] = Schema(*spec.element, true);
      break;
    default:
      j.update(ScalarSchema(spec, nullable));
  }
  return j;
}

}  // namespace

std::string DatePattern() {
  const std::string day28 = "(?:0[1-9]|1\\d|2[0-8])";
  const std::string month_day =
      "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-" +
      day28 + ")";
  const std::string leap_year =
      "(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|"
      "[13579][26])00)";
  return "^(?:\\d{4}-" + month_day + "|" + leap_year + "-02-29)$";
}

std::string YearPattern() {
  std::string out = "^\\d{2}(?:";
  for (int last = 0; last < 100; ++last) {
    std::array<char, 8> pair{};
    std::snprintf(pair.data(), pair.size(), "%02d/%02d", last, (last + 1) % 100);
    out += (last == 0 ? "" : "|") + std::string(pair.data());
  }
  return out + ")$";
}

std::string AgreementJsonSchema() {
  const FieldSpec& root = AgreementFormat();
  Json j;
  j["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  j["title"] = "s75check agreement (format " + std::string(kFormatVersion) + ")";
  j.update(Schema(root, false));
  const FieldSpec& format = root.fields[static_cast<size_t>(root.FieldIndex("format"))];
  j["properties"]["format"] = {{"description", FieldNote(format)},
                               {"const", std::string(kFormatVersion)}};
  return j.dump(2) + "\n";
}

}  // namespace s75
