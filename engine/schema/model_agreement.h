// The model agreement `s75check init` prints, written from the format
// definition so that it covers every field and cannot drift from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace s75 {

// The shape of the model: the format version, the arrangements, the CIPFA
// financial model, the number of partners, the host and (format 2) the funds.
struct ModelOptions {
  std::vector<std::string> arrangements = {"pooled_fund"};
  std::string financial_model = "lead_body";
  int partners = 2;
  int version = 2;   // the format version written: 1 or 2
  std::string host;  // the host partner's id; "" for the first partner
  int funds = 0;     // format 2: the funds written; 0 for one per arrangement
};

// The arrangements and financial models `init` offers.
const std::vector<std::string>& ModelArrangements();
const std::vector<std::string>& ModelFinancialModels();
inline constexpr int kMinModelPartners = 2;
inline constexpr int kMaxModelPartners = 20;
inline constexpr int kMaxModelFunds = 10;

// The partner ids of a model with `partners` partners: nhs-body, council,
// partner-3, ...
std::vector<std::string> ModelPartnerIds(int partners);

// "" when `options` can be written, else why not, naming the option at fault
// ("--host must be one of the model's partner ids: ..."). Checks what the
// options' own validators cannot: --host against --partners, and --funds
// against the version and the arrangements.
std::string CheckModelOptions(const ModelOptions& options);

// The placeholder written where the drafter must write text; the rules call
// it a placeholder (compile/placeholder.h).
inline constexpr std::string_view kModelPlaceholder = "TBC";

// A YAML agreement with every field a file of `options.version` may write,
// each after a one-line comment saying what it is for and, in brackets, the
// source asking for it. Text the drafter must write is TBC; a value of another
// type the drafter must decide is left empty (absent). The host is written
// wherever the format names it (the host's role, the host of each fund or of
// format 1's `host`, and the employer of each fund manager). It loads with no
// document error. `options` must pass CheckModelOptions.
std::string ModelAgreement(const ModelOptions& options);

}  // namespace s75
