// SPDX-License-Identifier: GPL-2.0-or-later
/// @file engines.cc
/// @brief Index builders and query runners for newsgrep, raw Xapian and SQLite FTS5.
#include "engines.h"

#include <sqlite3.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "corpus.h"
#include "index_fingerprint.h"  // generated: NEWSGREP_BENCH_INDEX_FINGERPRINT
#include "newsgrep/indexer.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"

namespace newsgrep::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kTopK = 10;
// Bump when the peers' index layout below changes. 2: raw Xapian keeps the body as the
// document data (for its page's snippets) and the title in a value.
constexpr int kPeerIndexVersion = 2;
// Bump to rebuild every cached Xapian index (newsgrep's and raw Xapian's). 2: runs before it
// added 1,000 articles to them and deleted them again, which left them twice as large (see
// AddToCopy).
constexpr int kXapianCacheVersion = 2;
constexpr Xapian::valueno kXapianDateSlot = 0;
constexpr Xapian::valueno kXapianTitleSlot = 1;
// A page's snippet: about newsgrep's 240 bytes (FTS5 counts tokens).
constexpr size_t kSnippetBytes = 240;
constexpr int kSnippetTokens = 40;

// Sets collapsing on or off explicitly (SearchOptions::collapse defaults to true, so every
// variant must say which it measures). Returns false when this build of newsgrep has no
// such option; the suite then needs no edit when it appears.
template <typename Options>
bool SetCollapse(Options& options, bool on) {
  if constexpr (requires { options.collapse = true; }) {
    options.collapse = on;
    return true;
  } else {
    return false;
  }
}

absl::Status XapianError(const Xapian::Error& e, const std::string& what) {
  return absl::InternalError(what + ": " + e.get_description());
}

// ---- SQLite helpers ----

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

absl::Status SqliteError(sqlite3* db, const std::string& what) {
  return absl::InternalError(what + ": " + (db != nullptr ? sqlite3_errmsg(db) : "no database"));
}

absl::StatusOr<SqliteDb> OpenSqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteDb db(raw);
  if (rc != SQLITE_OK) return SqliteError(raw, "opening " + path);
  return db;
}

absl::Status Exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message != nullptr ? message : "?";
    sqlite3_free(message);
    return absl::InternalError(sql + ": " + text);
  }
  return absl::OkStatus();
}

absl::StatusOr<Statement> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db, "preparing " + sql);
  }
  return Statement(raw);
}

void BindText(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

// ---- Builders ----

void AddRawXapianDocument(Xapian::WritableDatabase& db, Xapian::TermGenerator& generator,
                          const BenchArticle& article) {
  Xapian::Document document;
  generator.set_document(document);
  generator.index_text(article.title);
  generator.increase_termpos();
  generator.index_text(article.body);
  document.set_data(article.body);
  document.add_value(kXapianTitleSlot, article.title);
  const std::string date = DateValue(article.date);
  if (!date.empty()) document.add_value(kXapianDateSlot, date);
  document.add_boolean_term("Q" + article.id);  // for removing it again (incremental)
  db.add_document(document);
}

absl::Status BuildXapian(const std::string& corpus_path, const std::string& db_path,
                         size_t* articles) {
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    absl::Status status = ReadCorpus(corpus_path, [&](BenchArticle&& article) {
      AddRawXapianDocument(db, generator, article);
      ++*articles;
      return true;
    });
    if (!status.ok()) return status;
    db.commit();
  } catch (const Xapian::Error& e) {
    return XapianError(e, "building raw Xapian index " + db_path);
  }
  return absl::OkStatus();
}

constexpr const char* kFts5Insert =
    "INSERT INTO articles(rowid, title, body, date) VALUES(?1, ?2, ?3, ?4)";

absl::Status InsertFts5(sqlite3* db, sqlite3_stmt* insert, int64_t rowid,
                        const BenchArticle& article) {
  sqlite3_reset(insert);
  sqlite3_bind_int64(insert, 1, rowid);
  BindText(insert, 2, article.title);
  BindText(insert, 3, article.body);
  BindText(insert, 4, DateValue(article.date));
  if (sqlite3_step(insert) != SQLITE_DONE) return SqliteError(db, "inserting " + article.id);
  return absl::OkStatus();
}

absl::Status BuildFts5(const std::string& corpus_path, const std::string& db_path,
                       size_t* articles) {
  std::error_code error;
  fs::remove(db_path, error);
  auto db = OpenSqlite(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db.ok()) return db.status();
  absl::Status status =
      Exec(db->get(),
           "CREATE VIRTUAL TABLE articles USING fts5(title, body, date UNINDEXED, "
           "tokenize='porter unicode61')");
  if (status.ok()) status = Exec(db->get(), "BEGIN");
  if (!status.ok()) return status;
  auto insert = Prepare(db->get(), kFts5Insert);
  if (!insert.ok()) return insert.status();
  absl::Status read = ReadCorpus(corpus_path, [&](BenchArticle&& article) {
    status = InsertFts5(db->get(), insert->get(), static_cast<int64_t>(*articles) + 1, article);
    ++*articles;
    return status.ok();
  });
  if (!status.ok()) return status;
  if (!read.ok()) return read;
  return Exec(db->get(), "COMMIT");
}

// The indexer's analysis stages that can be switched off, by the suite's name for them.
// Each is compiled in only when this build's IndexerOptions has the member.
template <typename Options>
bool SetStage(Options& options, std::string_view stage, bool on) {
  if (stage == "clean") {
    if constexpr (requires { options.clean_bodies = true; }) {
      options.clean_bodies = on;
      return true;
    }
  }
  if (stage == "dedup") {
    if constexpr (requires { options.detect_duplicates = true; }) {
      options.detect_duplicates = on;
      return true;
    }
  }
  return false;
}

absl::Status BuildNewsgrep(const std::string& corpus_path, const std::string& db_path,
                           size_t* articles, const std::vector<std::string>& stages_off) {
  std::error_code error;
  fs::remove_all(db_path, error);
  IndexerOptions indexer_options;
  indexer_options.db_path = db_path;
  for (const std::string& stage : stages_off) {
    if (!SetStage(indexer_options, stage, false)) {
      return absl::InvalidArgumentError("newsgrep has no analysis stage '" + stage + "'");
    }
  }
  auto indexer = Indexer::Open(indexer_options);
  if (!indexer.ok()) return indexer.status();
  IndexReport report;
  absl::Status status = (*indexer)->IndexPath(corpus_path, nullptr, &report);
  if (status.ok()) status = (*indexer)->Commit();
  // As `newsgrep index` does after a fresh build.
  if (status.ok()) status = (*indexer)->Compact();
  *articles = report.articles;
  return status;
}

// ---- Query engines ----

class XapianEngine : public QueryEngine {
 public:
  // `page`: also a highlighted snippet of each hit's body (MSet::snippet).
  XapianEngine(const std::string& path, bool page) : db_(path), page_(page) {
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(db_);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(kXapianDateSlot, "date:"))->release());
  }

  absl::StatusOr<size_t> Run(const QueryRow& row) override {
    try {
      Xapian::Enquire enquire(db_);
      enquire.set_query(parser_.parse_query(row.xapian));
      Xapian::MSet mset = enquire.get_mset(0, kTopK);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document document = it.get_document();
        sink_ += document.get_value(kXapianTitleSlot).size();
        if (page_) {
          sink_ += mset.snippet(document.get_data(), kSnippetBytes, stemmer_,
                                Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                    Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                "<b>", "</b>", "...")
                       .size();
        }
      }
      return static_cast<size_t>(mset.size());
    } catch (const Xapian::Error& e) {
      return absl::InvalidArgumentError(row.xapian + ": " + e.get_description());
    }
  }

  absl::StatusOr<size_t> Count(const QueryRow& row) override {
    try {
      Xapian::Enquire enquire(db_);
      enquire.set_query(parser_.parse_query(row.xapian));
      return static_cast<size_t>(
          enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated());
    } catch (const Xapian::Error& e) {
      return absl::InvalidArgumentError(row.xapian + ": " + e.get_description());
    }
  }

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  Xapian::Stem stemmer_{"english"};
  bool page_;
  size_t sink_ = 0;
};

class Fts5Engine : public QueryEngine {
 public:
  // `page`: also a highlighted snippet of each hit's body (FTS5's snippet()).
  static absl::StatusOr<std::unique_ptr<QueryEngine>> Open(const std::string& path, bool page) {
    auto db = OpenSqlite(path, SQLITE_OPEN_READONLY);
    if (!db.ok()) return db.status();
    auto engine = std::unique_ptr<Fts5Engine>(new Fts5Engine(std::move(*db)));
    const std::string select =
        page ? "SELECT rowid, title, snippet(articles, 1, '<b>', '</b>', '...', " +
                   std::to_string(kSnippetTokens) + ") FROM articles WHERE articles MATCH ?1"
             : "SELECT rowid, title FROM articles WHERE articles MATCH ?1";
    const std::string dated = " AND date BETWEEN ?2 AND ?3";
    const std::string order = " ORDER BY rank LIMIT " + std::to_string(kTopK);
    const std::string count = "SELECT count(*) FROM articles WHERE articles MATCH ?1";
    for (auto [statement, sql] :
         {std::pair{&engine->top_, select + order},
          std::pair{&engine->top_dated_, select + dated + order}, std::pair{&engine->count_, count},
          std::pair{&engine->count_dated_, count + dated}}) {
      auto prepared = Prepare(engine->db_.get(), sql);
      if (!prepared.ok()) return prepared.status();
      *statement = std::move(*prepared);
    }
    return std::unique_ptr<QueryEngine>(std::move(engine));
  }

  absl::StatusOr<size_t> Run(const QueryRow& row) override {
    if (row.fts5.empty()) return absl::UnimplementedError("FTS5 has no form of this query");
    sqlite3_stmt* statement = Bind(row, top_.get(), top_dated_.get());
    size_t hits = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      sink_ += static_cast<size_t>(sqlite3_column_int64(statement, 0));
      sink_ += static_cast<size_t>(sqlite3_column_bytes(statement, 1));
      if (sqlite3_column_count(statement) > 2) {
        sink_ += static_cast<size_t>(sqlite3_column_bytes(statement, 2));
      }
      ++hits;
    }
    if (rc != SQLITE_DONE) {
      return absl::InvalidArgumentError(row.fts5 + ": " + sqlite3_errmsg(db_.get()));
    }
    return hits;
  }

  absl::StatusOr<size_t> Count(const QueryRow& row) override {
    if (row.fts5.empty()) return absl::UnimplementedError("FTS5 has no form of this query");
    sqlite3_stmt* statement = Bind(row, count_.get(), count_dated_.get());
    if (sqlite3_step(statement) != SQLITE_ROW) {
      return absl::InvalidArgumentError(row.fts5 + ": " + sqlite3_errmsg(db_.get()));
    }
    return static_cast<size_t>(sqlite3_column_int64(statement, 0));
  }

 private:
  explicit Fts5Engine(SqliteDb db) : db_(std::move(db)) {}

  sqlite3_stmt* Bind(const QueryRow& row, sqlite3_stmt* plain, sqlite3_stmt* dated) {
    sqlite3_stmt* statement = row.date_from.empty() ? plain : dated;
    sqlite3_reset(statement);
    BindText(statement, 1, row.fts5);
    if (!row.date_from.empty()) {
      BindText(statement, 2, row.date_from);
      BindText(statement, 3, row.date_to);
    }
    return statement;
  }

  SqliteDb db_;
  Statement top_, top_dated_, count_, count_dated_;
  size_t sink_ = 0;
};

class NewsgrepEngine : public QueryEngine {
 public:
  NewsgrepEngine(std::unique_ptr<Searcher> searcher, SearchOptions options)
      : searcher_(std::move(searcher)), options_(options) {}

  absl::StatusOr<size_t> Run(const QueryRow& row) override {
    auto results = searcher_->Search(row.newsgrep, options_);
    if (!results.ok()) return results.status();
    for (const Hit& hit : results->hits) sink_ += hit.article.title.size() + hit.snippet.size();
    return results->hits.size();
  }

  absl::StatusOr<size_t> Count(const QueryRow& row) override {
    SearchOptions options = options_;
    options.limit = 0;
    options.snippets = false;
    options.exact_count = true;
    auto results = searcher_->Search(row.newsgrep, options);
    if (!results.ok()) return results.status();
    return results->total;
  }

 private:
  std::unique_ptr<Searcher> searcher_;
  SearchOptions options_;
  size_t sink_ = 0;
};

}  // namespace

std::string_view EngineName(Engine engine) {
  switch (engine) {
    case Engine::kNewsgrep:
      return "newsgrep";
    case Engine::kXapian:
      return "xapian";
    case Engine::kFts5:
      return "fts5";
  }
  return "?";
}

bool EngineFromName(std::string_view name, Engine* engine) {
  for (const Engine e : {Engine::kNewsgrep, Engine::kXapian, Engine::kFts5}) {
    if (EngineName(e) == name) {
      *engine = e;
      return true;
    }
  }
  return false;
}

std::string IndexKey(Engine engine) {
  std::string inputs;
  switch (engine) {
    case Engine::kNewsgrep:
      inputs = "newsgrep schema " + std::to_string(schema::kSchemaVersion) + " sources " +
               NEWSGREP_BENCH_INDEX_FINGERPRINT + " xapian " + Xapian::version_string() +
               " cache " + std::to_string(kXapianCacheVersion);
      break;
    case Engine::kXapian:
      inputs = "xapian " + std::string(Xapian::version_string()) + " layout " +
               std::to_string(kPeerIndexVersion) + " cache " + std::to_string(kXapianCacheVersion);
      break;
    case Engine::kFts5:
      inputs = "sqlite " + std::string(sqlite3_libversion()) + " layout " +
               std::to_string(kPeerIndexVersion);
      break;
  }
  return std::string(EngineName(engine)) + "-" + Hex(Fnv1a(inputs)).substr(0, 12);
}

std::string DatabasePath(Engine engine, const std::string& dir) {
  return dir + (engine == Engine::kFts5 ? "/fts5.db" : "/db");
}

std::vector<std::string> NewsgrepStages() {
  std::vector<std::string> stages;
  for (const char* stage : {"clean", "dedup"}) {
    IndexerOptions options;
    if (SetStage(options, stage, true)) stages.push_back(stage);
  }
  return stages;
}

absl::Status BuildIndex(Engine engine, const std::string& corpus_path, const std::string& db_path,
                        size_t* articles, const std::vector<std::string>& stages_off) {
  *articles = 0;
  switch (engine) {
    case Engine::kNewsgrep:
      return BuildNewsgrep(corpus_path, db_path, articles, stages_off);
    case Engine::kXapian:
      return BuildXapian(corpus_path, db_path, articles);
    case Engine::kFts5:
      return BuildFts5(corpus_path, db_path, articles);
  }
  return absl::InternalError("unknown engine");
}

absl::StatusOr<double> AddToCopy(Engine engine, const std::string& db_path,
                                 const std::string& extra_path, size_t base_articles) {
  // Never the cached index itself: removing the articles again would not give it back.
  // Adding 1,000 articles to a compacted Xapian index splits B-tree blocks all over its
  // position and posting tables, and deleting them leaves those blocks half empty (a
  // Reuters-21578 index went from 86 to 185 MB and its phrase queries became 40 % slower);
  // FTS5 would keep segments and tombstones.
  const std::string target = db_path + ".incremental";  // a file (FTS5) or a directory
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } remover{target};
  std::error_code error;
  fs::remove_all(target, error);  // left by a killed run
  fs::copy(db_path, target, fs::copy_options::recursive, error);
  if (error) return absl::InternalError("copying " + db_path + ": " + error.message());
  double seconds = 0;
  absl::Status status;
  switch (engine) {
    case Engine::kNewsgrep: {
      IndexerOptions indexer_options;
      indexer_options.db_path = target;
      auto indexer = Indexer::Open(indexer_options);
      if (!indexer.ok()) return indexer.status();
      const double start = Now();
      IndexReport report;
      status = (*indexer)->IndexPath(extra_path, nullptr, &report);
      if (status.ok()) status = (*indexer)->Commit();
      seconds = Now() - start;
      if (!status.ok()) return status;
      break;
    }
    case Engine::kXapian: {
      try {
        Xapian::WritableDatabase db(target, Xapian::DB_OPEN);
        const double start = Now();
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        status = ReadCorpus(extra_path, [&](BenchArticle&& article) {
          AddRawXapianDocument(db, generator, article);
          return true;
        });
        if (!status.ok()) return status;
        db.commit();
        seconds = Now() - start;
      } catch (const Xapian::Error& e) {
        return XapianError(e, "adding to " + target);
      }
      break;
    }
    case Engine::kFts5: {
      auto db = OpenSqlite(target, SQLITE_OPEN_READWRITE);
      if (!db.ok()) return db.status();
      const double start = Now();
      status = Exec(db->get(), "BEGIN");
      if (!status.ok()) return status;
      auto insert = Prepare(db->get(), kFts5Insert);
      if (!insert.ok()) return insert.status();
      int64_t rowid = static_cast<int64_t>(base_articles);
      absl::Status read = ReadCorpus(extra_path, [&](BenchArticle&& article) {
        status = InsertFts5(db->get(), insert->get(), ++rowid, article);
        return status.ok();
      });
      if (!status.ok()) return status;
      if (!read.ok()) return read;
      status = Exec(db->get(), "COMMIT");
      seconds = Now() - start;
      if (!status.ok()) return status;
      break;
    }
  }
  return seconds;
}

std::string_view VariantName(NewsgrepVariant variant) {
  switch (variant) {
    case NewsgrepVariant::kIds:
      return "newsgrep_ids";
    case NewsgrepVariant::kSnippets:
      return "newsgrep_snippets";
    case NewsgrepVariant::kCollapsed:
      return "newsgrep_collapsed";
    case NewsgrepVariant::kPage:
      return "newsgrep_page";
    case NewsgrepVariant::kFacets:
      return "newsgrep_facets";
    case NewsgrepVariant::kTimeline:
      return "newsgrep_timeline";
  }
  return "?";
}

bool NewsgrepSupports(NewsgrepVariant variant, std::string* why) {
  if (variant == NewsgrepVariant::kIds || variant == NewsgrepVariant::kSnippets) return true;
  SearchOptions options;
  if (SetCollapse(options, true)) return true;
  *why = "collapsing near-duplicates (SearchOptions has no `collapse` member)";
  return false;
}

absl::StatusOr<std::unique_ptr<QueryEngine>> OpenQueryEngine(Engine engine,
                                                             const std::string& db_path,
                                                             NewsgrepVariant variant) {
  switch (engine) {
    case Engine::kXapian:
      try {
        return std::unique_ptr<QueryEngine>(
            new XapianEngine(db_path, variant == NewsgrepVariant::kPage));
      } catch (const Xapian::Error& e) {
        return XapianError(e, "opening " + db_path);
      }
    case Engine::kFts5:
      return Fts5Engine::Open(db_path, variant == NewsgrepVariant::kPage);
    case Engine::kNewsgrep: {
      auto searcher = Searcher::Open({db_path});
      if (!searcher.ok()) return searcher.status();
      SearchOptions options;  // the CLI's defaults: top 10, snippets on
      options.limit = kTopK;
      // The facet and timeline variants are the page plus what they count.
      const bool page = variant == NewsgrepVariant::kPage || variant == NewsgrepVariant::kFacets ||
                        variant == NewsgrepVariant::kTimeline;
      options.snippets = variant == NewsgrepVariant::kSnippets || page;
      const bool collapse = variant == NewsgrepVariant::kCollapsed || page;
      if (variant == NewsgrepVariant::kFacets) {
        options.facets.assign(schema::kDefaultFacets.begin(), schema::kDefaultFacets.end());
      }
      if (variant == NewsgrepVariant::kTimeline) options.timeline = TimelineUnit::kAuto;
      if (!SetCollapse(options, collapse) && collapse) {
        return absl::UnimplementedError("newsgrep cannot collapse near-duplicates yet");
      }
      return std::unique_ptr<QueryEngine>(new NewsgrepEngine(std::move(*searcher), options));
    }
  }
  return absl::InternalError("unknown engine");
}

bool NewsgrepHasProximity(const std::string& scratch_dir, std::string* why) {
  const std::string dir = scratch_dir + "/proximity-probe-" + std::to_string(getpid());
  std::error_code error;
  fs::remove_all(dir, error);
  bool near_ok = false, adj_ok = false;
  {
    IndexerOptions indexer_options;
    indexer_options.db_path = dir;
    auto indexer = Indexer::Open(indexer_options);
    if (!indexer.ok()) {
      *why = "probe index: " + std::string(indexer.status().message());
      return false;
    }
    const std::pair<const char*, const char*> docs[] = {
        {"p1", "zyxal qwerb"},
        {"p2", "qwerb zyxal"},
        {"p3", "zyxal lorem ipsum dolor sit amet consectetur adipiscing elit sed do qwerb"}};
    for (const auto& [id, body] : docs) {
      Article article;
      article.id = id;
      article.title = "probe";
      article.body = body;
      article.origin = id;
      if (!(*indexer)->Add(article).ok()) return false;
    }
    if (!(*indexer)->Commit().ok()) return false;
  }
  auto searcher = Searcher::Open({dir});
  auto matches = [&](const std::string& query) {
    std::set<std::string> ids;
    if (!searcher.ok()) return ids;
    SearchOptions options;
    options.snippets = false;
    SetCollapse(options, false);
    auto results = (*searcher)->Search(query, options);
    if (results.ok()) {
      for (const Hit& hit : results->hits) ids.insert(hit.article.id);
    }
    return ids;
  };
  near_ok = matches("zyxal NEAR/3 qwerb") == std::set<std::string>{"p1", "p2"};
  adj_ok = matches("zyxal ADJ/3 qwerb") == std::set<std::string>{"p1"};
  searcher = absl::UnavailableError("closed");
  fs::remove_all(dir, error);
  if (!near_ok || !adj_ok) {
    *why = std::string("proximity operators (") + (near_ok ? "" : "NEAR/n ") +
           (adj_ok ? "" : "ADJ/n ") + "did not match as proximity)";
    return false;
  }
  return true;
}

}  // namespace newsgrep::bench
