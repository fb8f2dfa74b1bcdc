// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests for the Indexer: opening, adding, replacing, removing, committing, indexing
// a directory tree, and the terms and values the documents get.
#include "newsgrep/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/analysis.h"
#include "newsgrep/article.h"
#include "newsgrep/dates.h"
#include "newsgrep/entities.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

namespace fs = std::filesystem;

using test::IndexedTerm;
using test::MakeArticle;
using test::TempDir;
using test::WriteFile;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

using Outcome = InputProblem::Outcome;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

std::unique_ptr<Indexer> OpenOrDie(const std::string& path, size_t commit_every = 10000,
                                   bool bulk_build = true) {
  absl::StatusOr<std::unique_ptr<Indexer>> indexer =
      Indexer::Open({.db_path = path, .commit_every = commit_every, .bulk_build = bulk_build});
  EXPECT_TRUE(indexer.ok()) << indexer.status();
  return indexer.ok() ? *std::move(indexer) : nullptr;
}

// The document whose id is `id`, if any.
std::optional<Xapian::Document> FindDocument(const Xapian::Database& db, absl::string_view id) {
  const std::string term = schema::IdTerm(id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

std::vector<Xapian::termpos> Positions(const Xapian::Database& db, Xapian::docid did,
                                       const std::string& term) {
  return std::vector<Xapian::termpos>(db.positionlist_begin(did, term),
                                      db.positionlist_end(did, term));
}

Xapian::doccount Matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 100).size();
}

// ---------------------------------------------------------------------------------------
// Open

TEST(IndexerTest, OpenWithEmptyPathIsInvalidArgument) {
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open({.db_path = ""});
  EXPECT_EQ(indexer.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(indexer.status()), HasSubstr("empty"));
}

TEST(IndexerTest, MissingEntityDataIsAnErrorNamingTheFileAndPackageNotADowngrade) {
  TempDir dir;
  EntityResourcesOptions data;
  data.dictionary = dir / "no-such-word-list";
  absl::StatusOr<std::shared_ptr<const EntityResources>> partial = EntityResources::Load(data);
  ASSERT_TRUE(partial.ok()) << partial.status();  // the gazetteers are there
  absl::StatusOr<std::unique_ptr<Indexer>> indexer =
      Indexer::Open({.db_path = dir / "db", .entity_resources = *partial});
  EXPECT_EQ(indexer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(indexer.status().message(),
              HasSubstr("no-such-word-list (Debian package wamerican)"));
  EXPECT_THAT(indexer.status().message(), HasSubstr("--no-entities"));
  EXPECT_FALSE(std::filesystem::exists(dir / "db")) << "nothing is created";
  // Without entities the data is not needed.
  EXPECT_TRUE(Indexer::Open(
                  {.db_path = dir / "db", .extract_entities = false, .entity_resources = *partial})
                  .ok());
}

TEST(IndexerTest, CommitBatchGrowsWithTheIndexWithinBounds) {
  EXPECT_EQ(CommitBatch(0), 1000u);
  EXPECT_EQ(CommitBatch(30000), 1000u);
  EXPECT_EQ(CommitBatch(90000), 3000u);
  EXPECT_EQ(CommitBatch(300000), 10000u);
  EXPECT_EQ(CommitBatch(5000000), 10000u);
}

TEST(IndexerTest, ByDefaultCommitsEveryCommitBatchArticles) {
  TempDir dir;
  const std::string path = dir / "db";
  absl::StatusOr<std::unique_ptr<Indexer>> indexer =
      Indexer::Open({.db_path = path, .detect_duplicates = false, .extract_entities = false});
  ASSERT_TRUE(indexer.ok()) << indexer.status();
  const size_t batch = CommitBatch(0);
  auto committed = [&] { return Xapian::Database(path).get_doccount(); };
  for (size_t i = 0; i + 1 < batch; ++i) {
    ASSERT_TRUE((*indexer)->Add(MakeArticle(absl::StrCat("a", i), "Title", "Body text.")).ok());
  }
  EXPECT_EQ(committed(), 0u);  // the batch is not full yet
  ASSERT_TRUE((*indexer)->Add(MakeArticle("last", "Title", "Body text.")).ok());
  EXPECT_EQ(committed(), batch);
}

TEST(IndexerTest, OpenCreatesTheDirectoryAndRecordsTheSchemaVersion) {
  TempDir dir;
  const std::string path = dir / "nested/deeper/db";
  ASSERT_FALSE(fs::exists(path));
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_EQ(indexer->article_count(), 0u);
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 0u);
  EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)),
            std::to_string(schema::kSchemaVersion));
}

TEST(IndexerTest, TheIndexRecordsTheDataPeopleAndPlacesAreRecognisedWith) {
  TempDir dir;
  const std::string key(schema::kEntityDataKey);
  const std::string shared = DescribeDataSources(EntityResources::Shared()->sources());
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
    ASSERT_NE(indexer, nullptr);
    ASSERT_TRUE(indexer->Commit().ok());
    // Nothing added yet: nothing recorded.
    EXPECT_EQ(Xapian::Database(dir / "db").get_metadata(key), "");
    ASSERT_TRUE(indexer->Add(MakeArticle("a", "Talks resume", "Talks resumed in Kyiv.")).ok());
    ASSERT_TRUE(indexer->Commit().ok());
  }
  std::string recorded = Xapian::Database(dir / "db").get_metadata(key);
  EXPECT_EQ(recorded, shared);
  EXPECT_THAT(recorded, HasSubstr("iso-codes\t"));
  EXPECT_THAT(recorded, HasSubstr("libgeonames0\t"));
  // Other data adds its description; the same data again, or articles without entities,
  // add nothing.
  EntityResourcesOptions other;
  other.dictionary = dir / "words";
  WriteFile(other.dictionary, "harbour\n");
  auto resources = EntityResources::Load(other);
  ASSERT_TRUE(resources.ok());
  for (const IndexerOptions& options :
       {IndexerOptions{.db_path = dir / "db", .entity_resources = *resources},
        IndexerOptions{.db_path = dir / "db"},
        IndexerOptions{.db_path = dir / "db", .extract_entities = false}}) {
    absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open(options);
    ASSERT_TRUE(indexer.ok()) << indexer.status();
    ASSERT_TRUE((*indexer)->Add(MakeArticle("b", "Talks end", "Talks ended in Kyiv.")).ok());
    ASSERT_TRUE((*indexer)->Commit().ok());
  }
  recorded = Xapian::Database(dir / "db").get_metadata(key);
  EXPECT_EQ(recorded, shared + "\n" + DescribeDataSources((*resources)->sources()));
  // Without entities, nothing is recorded.
  {
    absl::StatusOr<std::unique_ptr<Indexer>> plain =
        Indexer::Open({.db_path = dir / "plain", .extract_entities = false});
    ASSERT_TRUE(plain.ok());
    ASSERT_TRUE((*plain)->Add(MakeArticle("a", "Talks resume", "Talks resumed.")).ok());
  }
  EXPECT_EQ(Xapian::Database(dir / "plain").get_metadata(key), "");
}

TEST(IndexerTest, OpenOnAPathThatIsAFileFails) {
  TempDir dir;
  WriteFile(dir / "file", "not a directory");
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open({.db_path = dir / "file"});
  EXPECT_FALSE(indexer.ok());
  EXPECT_THAT(Message(indexer.status()), HasSubstr(dir / "file"));
}

TEST(IndexerTest, SecondIndexerOnTheSamePathIsUnavailable) {
  TempDir dir;
  const std::string path = dir / "db";
  std::unique_ptr<Indexer> first = OpenOrDie(path);
  ASSERT_NE(first, nullptr);
  absl::StatusOr<std::unique_ptr<Indexer>> second = Indexer::Open({.db_path = path});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(Message(second.status()), HasSubstr("locked"));
  EXPECT_THAT(Message(second.status()), HasSubstr(path));

  // Once the first writer is gone, the index can be opened again.
  first.reset();
  absl::StatusOr<std::unique_ptr<Indexer>> third = Indexer::Open({.db_path = path});
  EXPECT_TRUE(third.ok()) << third.status();
}

TEST(IndexerTest, IndexOfAnotherSchemaVersionIsFailedPrecondition) {
  TempDir dir;
  const std::string path = dir / "db";
  const std::string other = std::to_string(schema::kSchemaVersion + 1);
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kSchemaVersionKey), other);
    db.commit();
  }
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open({.db_path = path});
  EXPECT_EQ(indexer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(indexer.status()), HasSubstr("re-index"));
  EXPECT_THAT(Message(indexer.status()), HasSubstr(other));
  // The refused index is left as it was.
  Xapian::Database db(path);
  EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)), other);
}

TEST(IndexerTest, NonEmptyIndexWithoutSchemaVersionIsFailedPrecondition) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("foreign");
    db.add_document(doc);
    db.commit();
  }
  absl::StatusOr<std::unique_ptr<Indexer>> indexer = Indexer::Open({.db_path = path});
  EXPECT_EQ(indexer.status().code(), absl::StatusCode::kFailedPrecondition);
}

// ---------------------------------------------------------------------------------------
// Add, replace, remove, commit

TEST(IndexerTest, AddThenCommitIsVisibleWithIdTermValuesAndData) {
  TempDir dir;
  const std::string path = dir / "db";
  std::unique_ptr<Indexer> indexer = OpenOrDie(path);
  ASSERT_NE(indexer, nullptr);
  Article article = MakeArticle("reuters-0001", "Bahia cocoa review",
                                "Showers continued throughout the week in the cocoa zone.");
  article.date = ParseNewsDate("2025-08-20T14:05:09+02:00");
  ASSERT_TRUE(article.date.has_value());
  article.source = "Reuters";
  article.url = "https://example.com/cocoa";
  article.dateline = "SALVADOR";
  ASSERT_EQ(indexer->Add(article), absl::OkStatus());
  EXPECT_EQ(indexer->article_count(), 1u);

  {
    // Not committed yet: a reader does not see it.
    Xapian::Database before(path);
    EXPECT_EQ(before.get_doccount(), 0u);
  }
  ASSERT_EQ(indexer->Commit(), absl::OkStatus());

  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(db.get_termfreq(schema::IdTerm("reuters-0001")), 1u);
  std::optional<Xapian::Document> doc = FindDocument(db, "reuters-0001");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->get_value(schema::kDateSlot), "20250820");
  EXPECT_EQ(doc->get_value(schema::kTimestampSlot), "20250820120509");
  for (const char* term : {"D20250820", "M202508", "Y2025"}) {  // date terms
    EXPECT_EQ(db.get_termfreq(term), 1u) << term;
  }

  absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*doc);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->id, "reuters-0001");
  EXPECT_EQ(stored->title, "Bahia cocoa review");
  EXPECT_EQ(stored->date, "2025-08-20T12:05:09Z");
  EXPECT_EQ(stored->source, "Reuters");
  EXPECT_EQ(stored->url, "https://example.com/cocoa");
  EXPECT_EQ(stored->dateline, "SALVADOR");
  EXPECT_EQ(stored->body, "Showers continued throughout the week in the cocoa zone.");

  // Field terms.
  EXPECT_TRUE(db.term_exists("ZXSOURCEreuter"));
  EXPECT_TRUE(db.term_exists("ZXDATELINEsalvador"));
  EXPECT_TRUE(db.term_exists("Zshower"));
  EXPECT_FALSE(db.term_exists("showers"));   // only stems are indexed
  EXPECT_FALSE(db.term_exists("ZSshower"));  // body words are not title words
  // The words as written are in the vocabulary.
  const std::string v(schema::kVocabularyKeyPrefix);
  const std::set<std::string> vocabulary(db.metadata_keys_begin(v), db.metadata_keys_end(v));
  EXPECT_THAT(vocabulary,
              ::testing::IsSupersetOf({v + "showers", v + "cocoa", v + "reuters", v + "salvador"}));
}

TEST(IndexerTest, ArticleWithoutDateHasNoDateValues) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("undated", "No date here", "Body text.")), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  std::optional<Xapian::Document> doc = FindDocument(db, "undated");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->get_value(schema::kDateSlot), "");
  EXPECT_EQ(doc->get_value(schema::kTimestampSlot), "");
  for (const char* prefix : {"D", "M", "Y"}) {  // no date terms
    EXPECT_EQ(db.allterms_begin(prefix), db.allterms_end(prefix)) << prefix;
  }
  absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*doc);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->date, "");
}

TEST(IndexerTest, DateOnlyArticleHasMidnightTimestamp) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    Article article = MakeArticle("dated", "Dated", "Body.");
    article.date = ParseNewsDate("1987-02-26");
    ASSERT_EQ(indexer->Add(article), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  std::optional<Xapian::Document> doc = FindDocument(db, "dated");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->get_value(schema::kDateSlot), "19870226");
  EXPECT_EQ(doc->get_value(schema::kTimestampSlot), "19870226000000");
  absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*doc);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->date, "1987-02-26");
}

TEST(IndexerTest, AddWithoutIdIsInvalidArgument) {
  TempDir dir;
  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  Article article = MakeArticle("", "Title", "Body");
  article.origin = "feed.jsonl:7";
  const absl::Status status = indexer->Add(article);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("feed.jsonl:7"));
  EXPECT_EQ(indexer->article_count(), 0u);
}

TEST(IndexerTest, ReaddingTheSameIdReplacesTheArticle) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("same", "Obsolete headline", "Stale text.")),
              absl::OkStatus());
    ASSERT_EQ(indexer->Add(MakeArticle("same", "Fresh headline", "Updated text.")),
              absl::OkStatus());
    EXPECT_EQ(indexer->article_count(), 1u);
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  {
    Xapian::Database db(path);
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_EQ(db.get_termfreq(schema::IdTerm("same")), 1u);
    EXPECT_FALSE(db.term_exists(IndexedTerm("obsolete")));
    EXPECT_FALSE(db.term_exists(IndexedTerm("stale")));
    EXPECT_TRUE(db.term_exists(IndexedTerm("fresh")));
    std::optional<Xapian::Document> doc = FindDocument(db, "same");
    ASSERT_TRUE(doc.has_value());
    absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*doc);
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_EQ(stored->title, "Fresh headline");
  }
  {
    // Replacing also works across sessions (re-indexing the same input).
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("same", "Third headline", "Third text.")), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(db.term_exists(IndexedTerm("fresh")));
  EXPECT_TRUE(db.term_exists(IndexedTerm("third")));
}

TEST(IndexerTest, RemoveExistingArticleDeletesIt) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("keep", "Kept", "Body one.")), absl::OkStatus());
    ASSERT_EQ(indexer->Add(MakeArticle("drop", "Dropped", "Body two.")), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    EXPECT_EQ(indexer->Remove("drop"), absl::OkStatus());
    EXPECT_EQ(indexer->article_count(), 1u);
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(FindDocument(db, "drop").has_value());
  EXPECT_TRUE(FindDocument(db, "keep").has_value());
  EXPECT_FALSE(db.term_exists("dropped"));
}

TEST(IndexerTest, RemoveOfAnUncommittedArticleWorks) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("brief", "Short lived", "Body.")), absl::OkStatus());
    EXPECT_EQ(indexer->Remove("brief"), absl::OkStatus());
    EXPECT_EQ(indexer->article_count(), 0u);
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 0u);
}

TEST(IndexerTest, TheArticlesOfFilesThatAreGoneAreFoundAndRemoved) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  WriteFile(corpus + "/kept.txt", "Kept story\nIt stays.\n");
  WriteFile(corpus + "/feed.jsonl",
            "{\"id\":\"r1\",\"title\":\"One\",\"body\":\"First record.\"}\n"
            "{\"id\":\"r2\",\"title\":\"Two\",\"body\":\"Second record.\"}\n");
  WriteFile(corpus + "/sub/gone.txt", "Gone story\nIt goes.\n");
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    IndexReport report;
    ASSERT_EQ(indexer->IndexPath(corpus, nullptr, &report), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
    ASSERT_EQ(indexer->article_count(), 4u);
  }
  // Each article holds its file's absolute path, whatever path it was read by.
  Xapian::Database db(path);
  const std::string absolute = std::filesystem::absolute(corpus).lexically_normal().string();
  EXPECT_EQ(db.get_termfreq(schema::FileTerm(absolute + "/feed.jsonl")), 2u);
  EXPECT_EQ(db.get_termfreq(schema::FileTerm(absolute + "/sub/gone.txt")), 1u);
  db.close();

  std::filesystem::remove(corpus + "/feed.jsonl");
  std::filesystem::remove_all(corpus + "/sub");
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    absl::StatusOr<std::vector<Indexer::GoneFile>> listed = indexer->ArticlesOfGoneFiles(false);
    ASSERT_TRUE(listed.ok()) << listed.status();
    ASSERT_THAT(*listed, SizeIs(2));
    EXPECT_EQ((*listed)[0].path, absolute + "/feed.jsonl");
    EXPECT_THAT((*listed)[0].ids, UnorderedElementsAre("r1", "r2"));
    EXPECT_EQ((*listed)[1].path, absolute + "/sub/gone.txt");
    EXPECT_EQ(indexer->article_count(), 4u) << "listing removes nothing";

    absl::StatusOr<std::vector<Indexer::GoneFile>> removed = indexer->ArticlesOfGoneFiles(true);
    ASSERT_TRUE(removed.ok()) << removed.status();
    ASSERT_THAT(*removed, SizeIs(2));
    EXPECT_EQ(indexer->article_count(), 1u);
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
    absl::StatusOr<std::vector<Indexer::GoneFile>> again = indexer->ArticlesOfGoneFiles(true);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_THAT(*again, IsEmpty()) << "their file terms went with them";
  }
  Xapian::Database after(path);
  EXPECT_EQ(after.get_doccount(), 1u);
  EXPECT_TRUE(FindDocument(after, corpus + "/kept.txt").has_value());
}

TEST(IndexerTest, ContainsAnswersWhetherAnIdIsIndexed) {
  TempDir dir;
  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  ASSERT_EQ(indexer->Add(MakeArticle("here", "Here", "Body.")), absl::OkStatus());
  EXPECT_EQ(indexer->Contains("here"), absl::OkStatus());
  EXPECT_EQ(indexer->Contains("elsewhere").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(indexer->article_count(), 1u);
}

TEST(IndexerTest, RemoveMissingArticleIsNotFound) {
  TempDir dir;
  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  ASSERT_EQ(indexer->Add(MakeArticle("present", "Here", "Body.")), absl::OkStatus());
  const absl::Status status = indexer->Remove("absent-id");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(status), HasSubstr("absent-id"));
  EXPECT_EQ(indexer->article_count(), 1u);
}

TEST(IndexerTest, LongIdsCanBeAddedReplacedAndRemoved) {
  TempDir dir;
  const std::string path = dir / "db";
  const std::string long_a = std::string(400, 'd') + "/a.txt";
  const std::string long_b = std::string(400, 'd') + "/b.txt";
  std::unique_ptr<Indexer> indexer = OpenOrDie(path);
  ASSERT_NE(indexer, nullptr);
  ASSERT_EQ(indexer->Add(MakeArticle(long_a, "A", "Body a.")), absl::OkStatus());
  ASSERT_EQ(indexer->Add(MakeArticle(long_b, "B", "Body b.")), absl::OkStatus());
  ASSERT_EQ(indexer->Add(MakeArticle(long_a, "A again", "Body a.")), absl::OkStatus());
  EXPECT_EQ(indexer->article_count(), 2u);
  EXPECT_EQ(indexer->Remove(long_b), absl::OkStatus());
  EXPECT_EQ(indexer->article_count(), 1u);
  EXPECT_EQ(indexer->Remove(long_b).code(), absl::StatusCode::kNotFound);
}

TEST(IndexerTest, DestroyingTheIndexerCommitsPendingArticles) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("one", "One", "Body.")), absl::OkStatus());
    ASSERT_EQ(indexer->Add(MakeArticle("two", "Two", "Body.")), absl::OkStatus());
  }
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 2u);
}

TEST(IndexerTest, CommitEveryCommitsFullBatchesDuringAdd) {
  TempDir dir;
  const std::string path = dir / "db";
  std::unique_ptr<Indexer> indexer = OpenOrDie(path, /*commit_every=*/3);
  ASSERT_NE(indexer, nullptr);
  for (int i = 1; i <= 7; ++i) {
    ASSERT_EQ(indexer->Add(MakeArticle(absl::StrCat("id", i), "Title", "Body.")), absl::OkStatus());
  }
  {
    Xapian::Database db(path);
    EXPECT_GE(db.get_doccount(), 6u);  // two full batches of 3 are committed
    EXPECT_LE(db.get_doccount(), 7u);
  }
  ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 7u);
}

// ---------------------------------------------------------------------------------------
// IndexPath

TEST(IndexerTest, IndexPathFillsTheReportAndReportsProblems) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  WriteFile(corpus + "/a.txt", "Title: Plain article\nDate: 2025-08-20\n\nA plain body.\n");
  WriteFile(corpus + "/b.jsonl",
            "{\"id\":\"b1\",\"title\":\"First record\"}\n"                   // ok
            "{\"id\":\"b2\",\"title\":\n"                                    // malformed
            "{\"id\":\"b3\",\"title\":\"Bad date\",\"date\":\"someday\"}\n"  // repaired
            "{\"id\":\"b4\",\"title\":\"Caf\xE9 record\"}\n");               // repaired
  WriteFile(corpus + "/c/empty.txt", "");
  WriteFile(corpus + "/c/binary.txt", std::string("\x7F"
                                                  "ELF\0\0\0\0",
                                                  8));
  WriteFile(corpus + "/d.txt", "Caf\xE9 headline\nBody of d.\n");
  WriteFile(corpus + "/.hidden.txt", "Hidden\nNever read.\n");

  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  std::vector<InputProblem> problems;
  std::vector<size_t> progress_files;
  IndexReport last_progress;
  IndexObserver observer;
  observer.on_problem = [&](const InputProblem& problem) { problems.push_back(problem); };
  observer.on_progress = [&](const IndexReport& report) {
    progress_files.push_back(report.files);
    last_progress = report;
  };
  IndexReport report;
  ASSERT_EQ(indexer->IndexPath(corpus, &observer, &report), absl::OkStatus());

  EXPECT_EQ(report.files, 5u);
  EXPECT_EQ(report.articles, 5u);
  EXPECT_EQ(report.repaired, 3u);
  EXPECT_EQ(report.skipped, 3u);
  // Progress comes after each file and, within one, after each article.
  EXPECT_TRUE(std::is_sorted(progress_files.begin(), progress_files.end()));
  for (size_t files = 1; files <= 5; ++files) {
    EXPECT_THAT(progress_files, Contains(files)) << files;
  }
  EXPECT_EQ(progress_files.back(), 5u);
  EXPECT_EQ(last_progress.articles, 5u);
  EXPECT_EQ(last_progress.skipped, 3u);
  uint64_t bytes = 0;  // every file but the hidden one is small enough to be read whole
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().filename() != ".hidden.txt") {
      bytes += entry.file_size();
    }
  }
  EXPECT_EQ(last_progress.bytes_read, bytes);
  EXPECT_EQ(report.bytes_read, bytes);

  std::vector<std::pair<Outcome, std::string>> seen;
  for (const InputProblem& problem : problems) seen.emplace_back(problem.outcome, problem.location);
  EXPECT_THAT(seen, UnorderedElementsAre(std::pair(Outcome::kSkipped, corpus + "/b.jsonl:2:20"),
                                         std::pair(Outcome::kRepaired, corpus + "/b.jsonl:3"),
                                         std::pair(Outcome::kRepaired, corpus + "/b.jsonl:4:24"),
                                         std::pair(Outcome::kSkipped, corpus + "/c/binary.txt"),
                                         std::pair(Outcome::kSkipped, corpus + "/c/empty.txt"),
                                         std::pair(Outcome::kRepaired, corpus + "/d.txt")));

  ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  EXPECT_EQ(indexer->article_count(), 5u);
  Xapian::Database db(dir / "db");
  EXPECT_EQ(db.get_doccount(), 5u);
  for (const std::string& id : {corpus + "/a.txt", std::string("b1"), std::string("b3"),
                                std::string("b4"), corpus + "/d.txt"}) {
    EXPECT_TRUE(FindDocument(db, id).has_value()) << id;
  }
  std::optional<Xapian::Document> a = FindDocument(db, corpus + "/a.txt");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->get_value(schema::kDateSlot), "20250820");
  std::optional<Xapian::Document> b4 = FindDocument(db, "b4");
  ASSERT_TRUE(b4.has_value());
  absl::StatusOr<StoredArticle> stored = ReadStoredArticle(*b4);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->title, "Café record");
}

TEST(IndexerTest, IndexPathAddsToTheReportAndIsIdempotent) {
  TempDir dir;
  WriteFile(dir / "corpus/one.txt", "One\nFirst body.\n");
  WriteFile(dir / "corpus/two.txt", "Two\nSecond body.\n");
  WriteFile(dir / "corpus/empty.txt", " \n");
  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  IndexReport report;
  report.files = 100;  // counts are added to, not reset
  ASSERT_EQ(indexer->IndexPath(dir / "corpus", nullptr, &report), absl::OkStatus());
  EXPECT_EQ(report.files, 103u);
  EXPECT_EQ(report.articles, 2u);
  EXPECT_EQ(report.skipped, 1u);
  EXPECT_EQ(report.repaired, 0u);

  ASSERT_EQ(indexer->IndexPath(dir / "corpus", nullptr, &report), absl::OkStatus());
  EXPECT_EQ(report.files, 106u);
  EXPECT_EQ(report.articles, 4u);
  EXPECT_EQ(report.skipped, 2u);
  EXPECT_EQ(indexer->article_count(), 2u);  // the same articles replaced, not duplicated
}

TEST(IndexerTest, IndexPathOfAMissingPathIsReportedNotFatal) {
  TempDir dir;
  std::unique_ptr<Indexer> indexer = OpenOrDie(dir / "db");
  ASSERT_NE(indexer, nullptr);
  std::vector<InputProblem> problems;
  IndexObserver observer;
  observer.on_problem = [&](const InputProblem& problem) { problems.push_back(problem); };
  IndexReport report;
  ASSERT_EQ(indexer->IndexPath(dir / "missing", &observer, &report), absl::OkStatus());
  EXPECT_EQ(report.articles, 0u);
  EXPECT_EQ(report.skipped, 1u);
  ASSERT_THAT(problems, SizeIs(1));
  EXPECT_EQ(problems[0].location, dir / "missing");
}

TEST(IndexerTest, CommitEveryMakesCommitsHappenDuringIndexPath) {
  TempDir dir;
  for (int i = 1; i <= 5; ++i) {
    WriteFile(dir / absl::StrCat("corpus/", i, ".txt"),
              absl::StrCat("Headline number ", i, "\nBody text ", i, ".\n"));
  }
  // Not a bulk build, which is all or nothing (ParallelIndexingTest).
  const std::string path = dir / "db";
  std::unique_ptr<Indexer> indexer = OpenOrDie(path, /*commit_every=*/2, /*bulk_build=*/false);
  ASSERT_NE(indexer, nullptr);
  IndexReport report;
  ASSERT_EQ(indexer->IndexPath(dir / "corpus", nullptr, &report), absl::OkStatus());
  ASSERT_EQ(report.articles, 5u);
  {
    // Opened after IndexPath but before Commit: the full batches are already durable.
    Xapian::Database db(path);
    EXPECT_GE(db.get_doccount(), 4u);
    EXPECT_LE(db.get_doccount(), 5u);
  }
  ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 5u);
}

TEST(IndexerTest, WithoutCommitEveryNothingIsVisibleBeforeCommit) {
  TempDir dir;
  for (int i = 1; i <= 3; ++i) {
    WriteFile(dir / absl::StrCat("corpus/", i, ".txt"), absl::StrCat("Headline ", i, "\nBody.\n"));
  }
  // Not a bulk build, which is all or nothing (ParallelIndexingTest).
  const std::string path = dir / "db";
  std::unique_ptr<Indexer> indexer = OpenOrDie(path, 10000, /*bulk_build=*/false);
  ASSERT_NE(indexer, nullptr);
  IndexReport report;
  ASSERT_EQ(indexer->IndexPath(dir / "corpus", nullptr, &report), absl::OkStatus());
  {
    Xapian::Database db(path);
    EXPECT_EQ(db.get_doccount(), 0u);
  }
  ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), 3u);
}

// ---------------------------------------------------------------------------------------
// Document terms

TEST(IndexerTest, TitleWordsAreSearchableUnprefixedAndWithTitlePrefix) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("v1", "Volcanic eruptions", "Lava flows reached town.")),
              absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  EXPECT_TRUE(db.term_exists("Zvolcan"));
  EXPECT_TRUE(db.term_exists("ZSvolcan"));
  EXPECT_TRUE(db.term_exists("ZSerupt"));
  EXPECT_TRUE(db.term_exists("Zlava"));
  EXPECT_FALSE(db.term_exists("ZSlava"));

  Xapian::QueryParser parser;
  analysis::ConfigureQueryParser(parser);
  parser.set_database(db);
  EXPECT_EQ(Matches(db, parser.parse_query("eruption")), 1u);
  EXPECT_EQ(Matches(db, parser.parse_query("title:eruption")), 1u);
  EXPECT_EQ(Matches(db, parser.parse_query("title:volcanic")), 1u);
  EXPECT_EQ(Matches(db, parser.parse_query("lava")), 1u);
  EXPECT_EQ(Matches(db, parser.parse_query("title:lava")), 0u);
  EXPECT_EQ(Matches(db, parser.parse_query("id:v1")), 1u);
}

TEST(IndexerTest, PhraseCannotMatchAcrossTitleAndBody) {
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    ASSERT_EQ(indexer->Add(MakeArticle("p1", "Markets rally", "Strongly today in Tokyo.")),
              absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  std::optional<Xapian::Document> doc = FindDocument(db, "p1");
  ASSERT_TRUE(doc.has_value());
  const Xapian::docid did = doc->get_docid();
  const std::vector<Xapian::termpos> rally = Positions(db, did, IndexedTerm("rally"));
  const std::vector<Xapian::termpos> strongly = Positions(db, did, IndexedTerm("strongly"));
  ASSERT_THAT(rally, SizeIs(1));
  ASSERT_THAT(strongly, SizeIs(1));
  EXPECT_GT(strongly[0], rally[0] + 10);  // a gap, not adjacent positions

  const std::vector<std::string> within_title = {IndexedTerm("markets"), IndexedTerm("rally")};
  const std::vector<std::string> within_body = {IndexedTerm("strongly"), IndexedTerm("today")};
  const std::vector<std::string> across = {IndexedTerm("rally"), IndexedTerm("strongly")};
  EXPECT_EQ(Matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, within_title.begin(),
                                      within_title.end())),
            1u);
  EXPECT_EQ(
      Matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, within_body.begin(), within_body.end())),
      1u);
  EXPECT_EQ(Matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, across.begin(), across.end())), 0u);
  EXPECT_EQ(Matches(db, Xapian::Query(Xapian::Query::OP_NEAR, across.begin(), across.end(), 5)),
            0u);

  Xapian::QueryParser parser;
  analysis::ConfigureQueryParser(parser);
  parser.set_database(db);
  EXPECT_EQ(Matches(db, parser.parse_query("\"rally strongly\"", Xapian::QueryParser::FLAG_PHRASE)),
            0u);
  EXPECT_EQ(Matches(db, parser.parse_query("\"markets rally\"", Xapian::QueryParser::FLAG_PHRASE)),
            1u);
}

TEST(IndexerTest, PhraseCannotMatchFromBodyIntoTitleField) {
  // The title is indexed again under its prefix after the body; a prefixed phrase stays
  // within the title.
  TempDir dir;
  const std::string path = dir / "db";
  {
    std::unique_ptr<Indexer> indexer = OpenOrDie(path);
    ASSERT_NE(indexer, nullptr);
    Article article = MakeArticle("p2", "Harbour closed", "Storm warning issued.");
    article.source = "Coast Guard";
    article.dateline = "Harbour town";
    ASSERT_EQ(indexer->Add(article), absl::OkStatus());
    ASSERT_EQ(indexer->Commit(), absl::OkStatus());
  }
  Xapian::Database db(path);
  const std::vector<std::string> title_phrase = {IndexedTerm("harbour", "S"),
                                                 IndexedTerm("closed", "S")};
  EXPECT_EQ(Matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, title_phrase.begin(),
                                      title_phrase.end())),
            1u);
  std::optional<Xapian::Document> doc = FindDocument(db, "p2");
  ASSERT_TRUE(doc.has_value());
  const Xapian::docid did = doc->get_docid();
  const std::vector<Xapian::termpos> issued = Positions(db, did, IndexedTerm("issued"));
  const std::vector<Xapian::termpos> title_first = Positions(db, did, IndexedTerm("harbour", "S"));
  const std::vector<Xapian::termpos> source = Positions(db, did, IndexedTerm("coast", "XSOURCE"));
  ASSERT_THAT(issued, SizeIs(1));
  ASSERT_THAT(title_first, SizeIs(1));
  ASSERT_THAT(source, SizeIs(1));
  EXPECT_GT(title_first[0], issued[0] + 10);
  EXPECT_GT(source[0], title_first[0] + 10);
}

}  // namespace
}  // namespace newsgrep
