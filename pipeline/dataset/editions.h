// Editions: a council publishes a new report on the same plan every year or
// so, and a new plan after the last one ends. Each document whose plan kpix
// read (document_plans) is linked to the one before it (editions): same
// municipality (code), same kind of plan, the same term or the one before it
// (第2期 → 第3期: a successor plan), an earlier date. Documents of one date
// are renderings of one edition and never each other's editions.
//
//   auto changed = store_plan_and_link(db, doc_id, x);  // inside add_document's transaction:
//                                                        // the links this document made or moved
//
// Links are recomputed for the whole municipality whenever a document of it
// is stored, so they do not depend on the order documents were ingested in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/output/extractor.h"

struct sqlite3;

namespace kpix {

// A stored document as edition linking sees it.
struct EditionCandidate {
  int64_t id = 0;
  std::string municipality_code, municipality, file, sha256, producer;
  std::optional<std::string> date;  // ISO
  std::string kind;                 // plan kind (総合戦略); empty: no plan read
  int term = 0;
  std::optional<int> start_year, end_year;
};

struct EditionLink {
  int64_t document_id = 0, previous_id = 0;
  std::string relation;  // same_plan | successor_plan
  std::string why;       // same municipality, plan, later date, in words
  std::string file, previous_file;
  bool operator==(const EditionLink& o) const {
    return document_id == o.document_id && previous_id == o.previous_id && relation == o.relation && why == o.why;
  }
};

// Each document's previous edition, by document id; a document with none is absent.
std::map<int64_t, EditionLink> choose_editions(const std::vector<EditionCandidate>& docs);

// The plan of a stored document: what the text names; its end year, where
// the text prints no period, from the year most of its targets aim at.
void store_plan(sqlite3* db, int64_t document_id, const Extraction& x);

// Recomputes the links of `document_id`'s municipality; returns the links
// that are new or changed (for ingest to report).
std::vector<EditionLink> link_editions(sqlite3* db, int64_t document_id);

// store_plan, then link_editions: what add_document does once a document's
// records are in, inside its transaction.
std::vector<EditionLink> store_plan_and_link(sqlite3* db, int64_t document_id, const Extraction& x);

// The stored link of a document to its previous edition, if any.
std::optional<EditionLink> previous_edition(sqlite3* db, int64_t document_id);

}  // namespace kpix
