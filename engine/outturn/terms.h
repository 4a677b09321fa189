// What a fund's year-end terms say, read from the loaded document for the
// outturn: its budget, contributions, shares, host and approaches, and the
// agreement's risk fund. Each reader gives the value, or the fault that stops
// an allocation (the rule that flags it, where, and how to say it); nothing
// is guessed. A value the loader rejected is DOC.04's fault.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/document.h"
#include "outturn/outturn.h"

namespace s75 {

// The rules whose faults stop an allocation (rule-catalogue.md).
inline constexpr std::string_view kRuleHost = "T1.03";
inline constexpr std::string_view kRuleYearEnd = "T1.07";
inline constexpr std::string_view kRuleContributor = "FIN.02";
inline constexpr std::string_view kRuleShares = "FIN.03";
inline constexpr std::string_view kRuleHostFirst = "FIN.04";
inline constexpr std::string_view kRuleAmounts = "FIN.05";

// The document and its partners, as the readers below see them.
struct Terms {
  const Document& doc;
  std::vector<OutturnPartner> partners;  // each valid id once, in `partners` order

  explicit Terms(const Document& document);

  // The index of partner `id` in `partners`, or nullopt.
  std::optional<size_t> PartnerIndex(std::string_view id) const;

  // How messages name key `key` of `fund`, as the file writes it:
  // `finance.overspend.approach` in format 1, `funds[ccg-pool].overspend.approach` in 2.
  std::string Key(const Node* fund, std::string_view key) const;

  // Where `at` is written: file:line:col (the file's start for no node).
  SourceRange Where(const Node* at) const;

  // A fault of rule `rule` at `at` (the node of the field, or the nearest one written).
  CannotAllocate Fault(std::string_view rule, const Node* at, std::string message) const;
};

// The node of the dotted field `key` of `map` when written, else the nearest
// mapping written on its way (for a format 1 fund, the section it belongs in).
const Node* NodeAt(const Node* map, std::string_view key);

// The fund's id, "" for a format 1 agreement's fund.
std::string FundId(const Node* fund);

// The fund's financial years: `years`, else `year`; empty when it states none.
std::vector<FinancialYear> FundYears(const Node* fund);

// The budget of `fund` for `year`: its pool_total, else the sum of the
// contributions (of `year`, for a fund with `years`).
std::optional<CannotAllocate> ReadBudget(const Terms& t, const Node* fund,
                                         std::optional<FinancialYear> year, Decimal& budget);

// Each partner's contributions to `fund` (of `year`, for a fund with
// `years`), in `partners` order: what a proportional approach shares by.
std::optional<CannotAllocate> ReadContributions(const Terms& t, const Node* fund,
                                                std::optional<FinancialYear> year,
                                                std::vector<Decimal>& weights);

// Each partner's share from the `shares` of `owner` (an approach, or the
// risk fund), in `partners` order; `key` names `owner` in messages.
std::optional<CannotAllocate> ReadShares(const Terms& t, const Node* owner, const std::string& key,
                                         std::vector<Decimal>& shares);

// The index in `partners` of the fund's host.
std::optional<CannotAllocate> ReadHost(const Terms& t, const Node* fund, size_t& host);

// The fund's approach to an overspend or underspend (`side`), and its mapping.
std::optional<CannotAllocate> ReadApproach(const Terms& t, const Node* fund, std::string_view side,
                                           std::string& approach, const Node*& mapping);

// The amount the host bears first (host_first_then_proportional).
std::optional<CannotAllocate> ReadHostFirst(const Terms& t, const Node* fund, Decimal& amount);

// The agreement's risk fund: its shares, and its amount when it states one.
std::optional<CannotAllocate> ReadRiskFund(const Terms& t, const Node* fund,
                                           std::vector<Decimal>& shares,
                                           std::optional<Decimal>& amount);

}  // namespace s75
