// What the dataset gained after its first tables (docs/dataset.md): the plan
// each document reports on (`document_plans`), the link from a document to
// its previous edition (`editions`), and each record's indicator concept
// (`records.concept`, `records.concept_qualifiers`). Created on open; a
// dataset made by an older kpix gets them added (its old records keep a NULL
// concept and its old documents no plan until they are ingested again).
#pragma once

struct sqlite3;

namespace kpix {

// Idempotent; safe when two kpix open the same file at once.
void add_schema_additions(sqlite3* db);

}  // namespace kpix
