// What kpix report shows, read from the dataset alone: municipalities, their
// documents (one per edition: renderings of one report collapse to the one
// with most records), and KPI cards. A card follows one KPI across the
// editions of a plan (editions.h, matched as kpix diff matches them): the
// newest edition's baseline and targets, actuals of every edition (the
// newest one's figure for a year wins), each value with the document it
// was read from.
//
//   Site site = load_site(db);
//   for (const SiteMunicipality& m : site.municipalities) … m.cards …
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace kpix {

struct SiteDocument {
  int64_t id = 0;
  std::string file, path, sha256, date, title, municipality_code, municipality, plan;
  int pages = 0, records = 0;
  std::optional<int64_t> previous;        // previous edition (its representative)
  std::optional<int64_t> rendering_of;    // set when another file is shown for this edition
  bool pdf = false;
};

struct SiteValue {
  nlohmann::json value;  // the value object (records.md), source included
  const SiteDocument* doc = nullptr;
};

struct SiteCard {
  std::string indicator, project, unit, level, goal_title, concept_id, concept_qualifiers;
  int goal_number = 0;
  // The records the card joins, newest edition first, each with its document.
  std::vector<std::pair<nlohmann::json, const SiteDocument*>> records;
  std::vector<SiteValue> actuals;      // merged by period, oldest first
  std::optional<SiteValue> baseline;   // the newest edition's
  std::vector<SiteValue> targets;      // the newest edition's
  std::vector<SiteValue> old_targets;  // earlier editions' targets, for the chart
  std::optional<SiteValue> achievement;  // as printed (達成状況), newest
  const SiteDocument* newest = nullptr;      // the newest edition the KPI is in
  const SiteDocument* chain_head = nullptr;  // the newest edition of its plan
  bool current = true;  // false: a KPI the newest edition of its plan dropped
};

struct SiteMunicipality {
  std::string code, prefecture, name;  // code empty: documents naming no known municipality
  std::vector<const SiteDocument*> documents;  // shown editions, newest first
  std::vector<SiteCard> cards;                 // by document (newest first), then goal, project, order
};

struct SiteConcept {
  std::string id, label, unit;
  int municipalities = 0, cards = 0;
};

struct Site {
  std::vector<SiteDocument> documents;  // every stored document, by municipality and date
  std::vector<SiteMunicipality> municipalities;  // by code; unknown last
  std::vector<SiteConcept> concepts;             // those some card has, by id
};

Site load_site(sqlite3* db);

// The page of a municipality, relative to the site root (m/012106.html).
std::string municipality_page(const SiteMunicipality& m);
std::string concept_page(const std::string& id);  // c/population.tfr.html

}  // namespace kpix
