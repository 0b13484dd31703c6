#include "pipeline/dataset/stored_documents.h"

#include <re2/re2.h>

#include "pipeline/dataset/sql.h"

namespace kpix {
namespace {

constexpr const char* kColumns =
    "SELECT id, file, path, sha256, COALESCE(date, ''), COALESCE(municipality_code, ''), COALESCE(municipality, '') "
    "FROM documents ";

std::vector<DocumentRef> read(Sql& q) {
  std::vector<DocumentRef> out;
  while (q.row()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
  return out;
}

}  // namespace

std::vector<DocumentRef> find_documents(sqlite3* db, const std::string& ref) {
  {
    Sql q(db, std::string(kColumns) + "WHERE file = ?1 OR path = ?1 ORDER BY id");
    q.bind(1, ref);
    auto found = read(q);
    if (!found.empty()) return found;
  }
  // A hash prefix short enough to type, long enough not to meet another by chance.
  static const RE2 hex("[0-9a-fA-F]{8,64}");
  if (!RE2::FullMatch(ref, hex)) return {};
  std::string lower = ref;
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  Sql q(db, std::string(kColumns) + "WHERE substr(sha256, 1, ?2) = ?1 ORDER BY id");
  q.bind(1, lower).bind(2, int64_t(lower.size()));
  return read(q);
}

DocumentRef document_by_id(sqlite3* db, int64_t id) {
  Sql q(db, std::string(kColumns) + "WHERE id = ?");
  q.bind(1, id);
  auto found = read(q);
  if (found.empty()) throw std::runtime_error("no document " + std::to_string(id) + " in the dataset");
  return found.front();
}

std::vector<nlohmann::json> records_of(sqlite3* db, int64_t document_id) {
  Sql q(db, "SELECT json FROM records WHERE document_id = ? ORDER BY ordinal");
  q.bind(1, document_id);
  std::vector<nlohmann::json> out;
  while (q.row()) out.push_back(nlohmann::json::parse(q.text(0)));
  return out;
}

}  // namespace kpix
