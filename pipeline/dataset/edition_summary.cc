#include "pipeline/dataset/edition_summary.h"

#include "pipeline/dataset/diff.h"
#include "pipeline/dataset/stored_documents.h"

namespace kpix {
namespace {

// A document as the diff command should name it: the file name where it is
// the only one of that name, else its hash.
std::string name_for_command(sqlite3* db, const DocumentRef& d) {
  return find_documents(db, d.file).size() == 1 ? d.file : d.sha256.substr(0, 12);
}

std::string shell_word(const std::string& s) {
  if (s.find_first_of(" '\"\\$`!*?&;|<>()") == std::string::npos) return s;
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string edition_summary(sqlite3* db, const EditionLink& link, const std::string& db_path,
                            const std::string& given_sha256, const std::string& given_path) {
  // The document is stored by now: a failure here must not read as its failure.
  try {
    DocumentRef prev = document_by_id(db, link.previous_id), doc = document_by_id(db, link.document_id);
    EditionDiff d = diff_editions(records_of(db, prev.id), records_of(db, doc.id));
    const std::string& shown = !given_sha256.empty() && doc.sha256 == given_sha256 ? given_path : doc.path;
    return "kpix: " + shown + ": edition of " + prev.file + " (" + link.why + "): " + diff_counts(d) +
           "; kpix diff --db " + shell_word(db_path) + " " + shell_word(name_for_command(db, prev)) + " " +
           shell_word(name_for_command(db, doc));
  } catch (const std::exception& e) {
    return "kpix: " + link.file + ": edition of " + link.previous_file + " (" + link.why + "); no diff: " + e.what();
  }
}

}  // namespace kpix
