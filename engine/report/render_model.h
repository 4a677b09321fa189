// An agreement as a readable document: numbered clauses in the order a lawyer
// expects (parties, term, aims and outcomes, scope, host and management,
// governance, finance and risk share, capital, technical matters,
// information, termination, schedules), each holding the provisions the
// agreement makes, with money and dates written for people. A format 2
// agreement also has its definitions first, a clause per fund (its host,
// manager, contributions, schemes, ...) after finance, its variations and
// extensions as a history in the term, and its own clauses, in order, before
// the schedules. Text keeps its paragraphs. Built from the loaded document,
// so every field of the format has its place; the Markdown and HTML writers
// (render_writer.h) only lay the model out.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "load/document.h"

namespace s75 {

// One numbered line of a clause: a provision ("2.1"), an entry of a list in it
// ("(a)"), or a detail of such an entry ("(i)"). Text is plain, unescaped.
struct Provision {
  std::string number;  // "2.1", "(a)", "(i)"
  int depth = 0;       // 0 provision, 1 entry, 2 detail
  std::string label;   // "Commencement"; "" for an entry that is only text
  std::string text;    // "1 April 2024"; the first paragraph of a text of several
  std::string path;    // the YAML path it shows: "term.commencement", "partners[0]"
  std::vector<const Finding*> findings;  // findings about it
  std::vector<std::string> paragraphs;   // the text's further paragraphs, if any
};

// A clause: its provisions, and findings about the clause as a whole (a
// missing provision, say).
struct Clause {
  int number = 0;     // 0 for the particulars, which are not numbered; a schedule's own
  std::string title;  // "Term"
  std::vector<Provision> provisions;
  std::vector<const Finding*> findings;
  std::string path;       // the entry a clause of one entry shows ("funds[0]"); "" otherwise
  bool schedule = false;  // a schedule of the signing copy (a fund), numbered apart
};

// Who signs for a partner: the execution block of the signing copy. Values
// as the document shows them (the date in words); "" where the agreement
// gives none, which the copy leaves as a blank line to fill in.
struct Signatory {
  std::string party;  // the partner's name
  std::string name;
  std::string title;
  std::string signed_on;
  std::string path;  // "partners[0].signatory"
};

// What the document is for. The signing copy (the Word document a board
// signs) leaves out what is the tool's rather than the agreement's: the
// format, the identifiers of the agreement, its partners, outcomes, funds
// and schemes (an outcome a scheme serves or a payment rewards is named by
// its description), and the accepted findings (waivers); and it has the
// funds as schedules after the clauses.
struct RenderOptions {
  bool signing_copy = false;
};

struct RenderedAgreement {
  std::string title;  // agreement.title, else the file
  std::string file;
  std::vector<Clause> clauses;            // the particulars, then the numbered clauses
  std::vector<const Finding*> general;    // findings no clause concerns
  std::set<std::string> rendered_fields;  // format paths shown: "partners[].signatory.name"
  std::vector<Signatory> signatories;     // one per partner, in order
};

// The agreement `doc` (loaded; its root a validated mapping) as clauses, with
// `findings` (which must outlive the result) placed beside the provision or
// clause they concern. Values with a type error are shown as written.
RenderedAgreement RenderAgreement(const Document& doc, const std::vector<Finding>& findings,
                                  RenderOptions options = {});

// The clause (by title: "Term", "Particulars") that shows the format field at
// `path` ("term.review.frequency", "partners[].name"), or "" when none does;
// "Fund" for a field of a fund, shown in the fund's own clause ("Fund: NAME").
std::string ClauseOfField(std::string_view path);

}  // namespace s75
