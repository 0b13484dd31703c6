// kpix diff --db PATH OLD NEW [--format text|jsonl]: what a new edition of a
// report changed (pipeline/dataset/diff.h). OLD and NEW are stored documents,
// by file name, path or SHA-256 (a prefix of 8 or more hex digits); with one
// document only, its previous edition is OLD.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "pipeline/cli/commands.h"
#include "pipeline/dataset/dataset.h"
#include "pipeline/dataset/diff_format.h"
#include "pipeline/dataset/stored_documents.h"
#include "pipeline/model/error.h"

namespace kpix::cli {
namespace {

struct DiffArgs {
  std::string db, format = "text";
  std::vector<std::string> documents;
};

// The one document `ref` names; a usage error (status 2) otherwise.
std::optional<DocumentRef> resolve(sqlite3* db, const std::string& ref) {
  std::vector<DocumentRef> found = find_documents(db, ref);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    std::cerr << "kpix: " << shown_name(ref) << ": no such document in the dataset (give its file name, path or SHA-256)\n";
  } else {
    std::cerr << "kpix: " << shown_name(ref) << ": " << found.size() << " documents have that name; give the SHA-256 of one:\n";
    for (const DocumentRef& d : found) std::cerr << "  " << d.sha256.substr(0, 12) << "  " << shown_name(d.path) << "  " << d.date << "\n";
  }
  return std::nullopt;
}

DiffDocument diff_document(const DocumentRef& d) { return {d.file, d.sha256, d.date}; }

int run_diff(const DiffArgs& a) {
  try {
    Dataset db(a.db, Dataset::Access::read_only);
    std::optional<DocumentRef> old_doc, new_doc = resolve(db.handle(), a.documents.back());
    if (!new_doc) return 2;
    if (a.documents.size() == 2) {
      old_doc = resolve(db.handle(), a.documents.front());
      if (!old_doc) return 2;
    } else if (auto link = previous_edition(db.handle(), new_doc->id)) {
      old_doc = document_by_id(db.handle(), link->previous_id);
    } else {
      std::cerr << "kpix: " << shown_name(new_doc->file) << ": no previous edition in the dataset; give both documents\n";
      return 2;
    }
    EditionDiff d = diff_editions(records_of(db.handle(), old_doc->id), records_of(db.handle(), new_doc->id));
    if (a.format == "jsonl") std::cout << diff_jsonl(d, diff_document(*old_doc), diff_document(*new_doc));
    else std::cout << diff_text(d, diff_document(*old_doc), diff_document(*new_doc));
    return 0;
  } catch (const InputError& e) {
    std::cerr << "kpix: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kpix: " << a.db << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_diff_command(CLI::App& app, int& status) {
  auto a = std::make_shared<DiffArgs>();
  auto* cmd = app.add_subcommand("diff", "What a new edition of a report changed: new actuals, restated values, "
                                         "revised targets, KPIs added and dropped");
  cmd->add_option("--db", a->db, "Dataset file (opened read-only)")->required();
  cmd->add_option("DOCUMENT", a->documents, "OLD NEW (file name, path or SHA-256); NEW alone: against its previous edition")
      ->required()
      ->expected(1, 2);
  cmd->add_option("--format", a->format, "text or jsonl")->check(CLI::IsMember({"text", "jsonl"}))->capture_default_str();
  cmd->callback([a, &status] { status = run_diff(*a); });
}

}  // namespace kpix::cli
