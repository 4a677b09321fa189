// The model agreement `s75check init` prints, written from the format
// definition so that it covers every field and cannot drift from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace s75 {

// The shape of the model: the arrangements, the CIPFA financial model and the
// number of partners.
struct ModelOptions {
  std::vector<std::string> arrangements = {"pooled_fund"};
  std::string financial_model = "lead_body";
  int partners = 2;
};

// The arrangements and financial models `init` offers.
const std::vector<std::string>& ModelArrangements();
const std::vector<std::string>& ModelFinancialModels();
inline constexpr int kMinModelPartners = 2;
inline constexpr int kMaxModelPartners = 20;

// The placeholder written where the drafter must write text; the rules call
// it a placeholder (compile/placeholder.h).
inline constexpr std::string_view kModelPlaceholder = "TBC";

// A YAML agreement with every field of the format, each after a one-line
// comment saying what it is for and, in brackets, the source asking for it.
// Text the drafter must write is TBC; a value of another type the drafter
// must decide is left empty (absent). It loads with no document error.
std::string ModelAgreement(const ModelOptions& options);

}  // namespace s75
