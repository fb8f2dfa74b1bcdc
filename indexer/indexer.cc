// SPDX-License-Identifier: GPL-2.0-or-later
/// @file indexer.cc
/// @brief The single writer: batching, replacement by id, commits.
#include "newsgrep/indexer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/band_store.h"
#include "internal/bulk_build.h"
#include "internal/cluster_assigner.h"
#include "internal/document_builder.h"
#include "internal/ordered_pipeline.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/entities.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep {

namespace {

// An article analysed and turned into a document, waiting for the writer.
struct PreparedArticle {
  std::string id;
  std::string id_term;
  std::string origin;  // for messages
  TextFingerprint fingerprint;
  Xapian::Document document;
  std::vector<std::string> words;  // the distinct words indexed, for the vocabulary
  absl::Status status;             // not OK: preparing failed; the writer reports it
};

// An article read, with what was gathered over its CorpusBlock: entity statistics (null
// without entities) and recurring chrome (null without cleaning).
struct BlockArticle {
  Article article;
  std::shared_ptr<const CorpusStatistics> statistics;
  std::shared_ptr<const RecurringChrome> chrome;
};

// Articles in flight per analysis thread: enough to keep the writer busy, few enough that
// memory stays flat.
constexpr size_t kInFlightPerThread = 64;

// Articles per chunk of a bulk build (IndexerOptions::bulk_chunk_articles).
constexpr size_t kBulkChunkArticles = 10000;

// "news/" and "news" are one index: its directory without a trailing slash.
std::string IndexDirectory(const std::string& db_path) {
  std::filesystem::path directory = std::filesystem::path(db_path).lexically_normal();
  if (!directory.has_filename()) directory = directory.parent_path();
  return directory.string();
}

// Where a bulk build writes its chunks, and a compaction its copy: beside the index, never
// inside it. Only the index's writer uses them; a killed writer leaves them behind, and the
// next one to open the index removes them (Indexer::Open).
std::string BulkDirectory(const std::string& db_path) { return IndexDirectory(db_path) + ".bulk"; }
std::string CompactingDirectory(const std::string& db_path) {
  return IndexDirectory(db_path) + ".compacting";
}

// A directory held open, named by a path through /proc/self/fd that leads to the directory
// wherever it is renamed to: a Xapian database opened by that path keeps its files and its
// lock when its directory is moved.
class DirectoryHandle {
 public:
  DirectoryHandle() = default;
  static absl::StatusOr<DirectoryHandle> Open(const std::string& directory) {
    DirectoryHandle handle;
    handle.fd_ = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (handle.fd_ < 0) {
      const int error = errno;
      const std::string message = absl::StrCat("opening ", directory, ": ", std::strerror(error));
      return error == EACCES || error == EPERM ? absl::PermissionDeniedError(message)
                                               : absl::InternalError(message);
    }
    return handle;
  }
  DirectoryHandle(DirectoryHandle&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  DirectoryHandle& operator=(DirectoryHandle&& other) noexcept {
    if (this != &other) {
      Close();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~DirectoryHandle() { Close(); }

  std::string path() const { return absl::StrCat("/proc/self/fd/", fd_); }

  // `status` with path() in its message replaced by `name` (what the user calls it).
  absl::Status Naming(const absl::Status& status, absl::string_view name) const {
    if (status.ok()) return status;
    return absl::Status(status.code(), absl::StrReplaceAll(status.message(), {{path(), name}}));
  }

 private:
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

  int fd_ = -1;
};

}  // namespace

struct Indexer::State {
  IndexerOptions options;
  // The indexes replaced by exchanges (ExchangeWith), deleted but kept open with their
  // locks until the end: a writer that opened an old lock file just before an exchange must
  // find it still locked whenever it tries to lock it, or it would then open the tables of
  // whatever index the path names by then, as a second writer. (A test probing the lock won
  // it 2 times in 10,855 attempts under load when the old index was closed at once, and 1
  // to 3 times in about 5,000 in 25 compactions when it was closed at the next exchange.)
  // The price: the replaced indexes' disk space is freed when the Indexer is destroyed.
  struct Retired {
    DirectoryHandle directory;
    Xapian::WritableDatabase db;  // declared after its directory: closed first
  };
  std::vector<Retired> retired;
  // The index's directory; `db` is opened through it, so that whatever `db` writes goes to
  // the directory it opened, wherever that is moved (ExchangeWith). Each database is declared
  // after its directory, so that it is closed first.
  DirectoryHandle index_directory;
  Xapian::WritableDatabase db;
  std::unique_ptr<internal::DocumentBuilder> builder;
  std::unique_ptr<internal::ClusterAssigner> clusters;
  // The index's band postings as this writer reads and adds them; written with each commit.
  internal::BandStore bands;
  bool opened_empty = true;
  bool compact = false;  // nothing written since the index was last compacted
  size_t pending = 0;
  size_t batch = 0;  // articles per commit until the next commit (IndexerOptions::commit_every)
  // The index's vocabulary (schema::kVocabularyKeyPrefix). `new_vocabulary_keys`: the keys
  // of the words of the articles written since the last commit that this session has not
  // yet put there; they go with that commit, so a committed article's words are always in
  // the vocabulary.
  // `words_in_vocabulary`: the words this session put there (forgotten when it grows past
  // kMaxWordsRemembered: adding a word again is harmless).
  absl::flat_hash_set<std::string> words_in_vocabulary;
  std::vector<std::string> new_vocabulary_keys;
  static constexpr size_t kMaxWordsRemembered = size_t{1} << 22;

  // The entity data every builder reads (null without entity extraction).
  std::shared_ptr<const EntityResources> resources;

  std::unique_ptr<internal::DocumentBuilder> NewBuilder() const {
    return std::make_unique<internal::DocumentBuilder>(options.extract_entities ? resources.get()
                                                                                : nullptr);
  }

  // Everything but writing: cleaning, fingerprint, entities, terms. Any thread, each with
  // its own builder.
  PreparedArticle Prepare(Article article, internal::DocumentBuilder& thread_builder,
                          const CorpusStatistics* statistics = nullptr,
                          const RecurringChrome* chrome = nullptr) const {
    PreparedArticle prepared;
    prepared.id = article.id;
    prepared.origin = article.origin;
    if (article.id.empty()) {
      prepared.status =
          absl::InvalidArgumentError(absl::StrCat(article.origin, ": article has no id"));
      return prepared;
    }
    prepared.id_term = schema::IdTerm(article.id);
    internal::DocumentBuilder::Extras extras;
    extras.statistics = statistics;
    if (options.clean_bodies) extras.original_body = CleanArticle(article, chrome);
    prepared.fingerprint = FingerprintArticle(article.title, article.body);
    if (!options.detect_duplicates) prepared.fingerprint.band_keys.clear();
    try {
      prepared.document = thread_builder.Build(article, extras, &prepared.words);
    } catch (const Xapian::Error& e) {
      prepared.status = internal::XapianErrorToStatus(e, absl::StrCat("indexing ", article.origin));
    }
    return prepared;
  }

  // The writer's part, in input order: cluster, replace by id, commit when a batch is full.
  absl::Status Write(PreparedArticle&& prepared) {
    NEWSGREP_RETURN_IF_ERROR(prepared.status);
    internal::DatabaseLookup lookup(db, bands);
    NEWSGREP_ASSIGN_OR_RETURN(const std::string cluster, ClusterOf(prepared, lookup));
    Xapian::docid docid = 0;
    try {
      internal::AddCluster(cluster, prepared.document);
      docid = db.replace_document(prepared.id_term, prepared.document);
      for (const uint64_t key : prepared.fingerprint.band_keys) bands.Add(db, key, docid);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("indexing ", prepared.origin));
    }
    if (options.detect_duplicates) {
      clusters->Record(docid, std::move(prepared.fingerprint), cluster);
    }
    for (std::string& key : NewVocabularyKeys(prepared.words)) {
      new_vocabulary_keys.push_back(std::move(key));
    }
    compact = false;
    if (++pending >= batch) return Commit();
    return absl::OkStatus();
  }

  // The story cluster `prepared` joins: its best near-duplicate's among the articles
  // `lookup` finds, else a new one.
  absl::StatusOr<std::string> ClusterOf(const PreparedArticle& prepared,
                                        internal::ArticleLookup& lookup) {
    std::string cluster;
    if (options.detect_duplicates) {
      NEWSGREP_ASSIGN_OR_RETURN(cluster,
                                clusters->Assign(lookup, prepared.id_term, prepared.fingerprint));
    }
    if (cluster.empty()) cluster = internal::NewClusterKey(prepared.id, prepared.fingerprint);
    return cluster;
  }

  // The words of `words` not yet in the vocabulary, as vocabulary keys.
  std::vector<std::string> NewVocabularyKeys(std::vector<std::string>& words) {
    std::vector<std::string> keys;
    for (std::string& word : words) {
      if (words_in_vocabulary.insert(word).second) {
        keys.push_back(absl::StrCat(schema::kVocabularyKeyPrefix, word));
      }
    }
    if (words_in_vocabulary.size() > kMaxWordsRemembered) words_in_vocabulary.clear();
    return keys;
  }

  // A bulk build's writer part, in input order: docid, cluster, then to the chunk writers
  // (a new article) or the replacement database (an id seen before in this build).
  absl::Status WriteBulk(PreparedArticle&& prepared, internal::ChunkWriters& chunks,
                         internal::BulkArticles& articles, Xapian::WritableDatabase& replacements,
                         std::vector<std::string>& replacement_keys) {
    NEWSGREP_RETURN_IF_ERROR(prepared.status);
    bool replacing = false;
    const Xapian::docid docid = articles.Assign(prepared.id_term, &replacing);
    // Documents of chunks still being written cannot be read back: keep them in memory.
    clusters->PinRecentFrom(chunks.FirstDocidOf(chunks.FirstOpenChunk()));
    NEWSGREP_ASSIGN_OR_RETURN(const std::string cluster, ClusterOf(prepared, articles));
    std::vector<std::string> keys = NewVocabularyKeys(prepared.words);
    try {
      internal::AddCluster(cluster, prepared.document);
      if (replacing) {
        replacements.replace_document(docid, prepared.document);
        articles.RecordReplacement(docid, prepared.fingerprint.band_keys);
        for (std::string& key : keys) replacement_keys.push_back(std::move(key));
      } else {
        articles.RecordNew(docid, prepared.fingerprint.band_keys);
        NEWSGREP_RETURN_IF_ERROR(chunks.Add(docid, std::move(prepared.document), std::move(keys)));
      }
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("indexing ", prepared.origin));
    }
    if (options.detect_duplicates) {
      clusters->Record(docid, std::move(prepared.fingerprint), cluster);
    }
    return absl::OkStatus();
  }

  // Reads every article under `path`: the caller's thread reads and gathers each block's
  // entity statistics and recurring chrome (CorpusBlock), analysis threads prepare, `write` gets
  // the prepared articles in input order on one more thread.
  absl::Status Index(const std::string& path, const IndexObserver* observer, IndexReport* report,
                     std::function<absl::Status(PreparedArticle&&)> write) {
    const size_t threads = AnalysisThreads(options);
    std::vector<std::unique_ptr<internal::DocumentBuilder>> builders;
    for (size_t i = 0; i < threads; ++i) builders.push_back(NewBuilder());
    internal::OrderedPipeline<BlockArticle, PreparedArticle> pipeline(
        threads, threads * kInFlightPerThread,
        [this, &builders](BlockArticle&& item, size_t worker) {
          return Prepare(std::move(item.article), *builders[worker], item.statistics.get(),
                         item.chrome.get());
        },
        std::move(write));

    CorpusBlock block;
    const auto submit_block = [&] {
      CorpusBlock::Taken taken = block.Take(resources.get());
      std::shared_ptr<const RecurringChrome> chrome;
      if (options.clean_bodies) chrome = std::make_shared<const RecurringChrome>(taken.articles);
      for (Article& article : taken.articles) {
        NEWSGREP_RETURN_IF_ERROR(pipeline.Submit({std::move(article), taken.statistics, chrome}));
      }
      return absl::OkStatus();
    };
    ReadCallbacks callbacks;
    callbacks.on_article = [&](Article&& article) {
      ++report->articles;
      return block.Add(std::move(article)) ? submit_block() : absl::OkStatus();
    };
    callbacks.on_problem = [observer, report](const InputProblem& problem) {
      switch (problem.outcome) {
        case InputProblem::Outcome::kSkipped:
          ++report->skipped;
          break;
        case InputProblem::Outcome::kRepaired:
          ++report->repaired;
          break;
        case InputProblem::Outcome::kIgnored:
          ++report->ignored;
          break;
      }
      if (observer != nullptr && observer->on_problem) observer->on_problem(problem);
    };
    // Bytes of the files finished before the one being read.
    uint64_t finished_bytes = report->bytes_read;
    callbacks.on_bytes_read = [observer, report, &finished_bytes](const std::string&,
                                                                  uint64_t bytes) {
      report->bytes_read = finished_bytes + bytes;
      if (observer != nullptr && observer->on_progress) observer->on_progress(*report);
    };
    callbacks.on_file_done = [observer, report, &finished_bytes](const std::string&) {
      ++report->files;
      finished_bytes = report->bytes_read;
      if (observer != nullptr && observer->on_progress) observer->on_progress(*report);
    };
    absl::Status read = ReadArticles(path, callbacks, options.read_limits, options.input_format);
    // What was read before an input error is indexed, as it would be without blocks.
    if (!block.empty()) read.Update(submit_block());
    absl::Status written = pipeline.Finish();
    // The writer's error is the cause when both failed (reading stops when writing does).
    return written.ok() ? read : written;
  }

  // IndexPath on an index without articles (IndexerOptions::bulk_build): chunks written in
  // parallel (bulk_build.h), merged by compaction, exchanged with the empty index.
  absl::Status IndexInBulk(const std::string& path, const IndexObserver* observer,
                           IndexReport* report) {
    NEWSGREP_RETURN_IF_ERROR(Commit());
    const std::string directory = BulkDirectory(options.db_path);
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) {
      return absl::InternalError(absl::StrCat("creating ", directory, ": ", error.message()));
    }
    struct RemoveOnExit {
      std::string directory;
      ~RemoveOnExit() {
        std::error_code ignored;
        std::filesystem::remove_all(directory, ignored);
      }
    } remove_on_exit{directory};

    internal::ChunkWriters::Options chunk_options;
    chunk_options.directory = directory;
    chunk_options.first_docid = db.get_lastdocid() + 1;
    chunk_options.chunk_articles =
        options.bulk_chunk_articles > 0 ? options.bulk_chunk_articles : kBulkChunkArticles;
    chunk_options.threads = WriterThreads(options);
    chunk_options.commit_every = options.commit_every > 0 ? options.commit_every : CommitBatch(0);
    chunk_options.metadata = {
        {std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion)}};
    if (resources != nullptr) {
      chunk_options.metadata.emplace_back(std::string(schema::kEntityDataKey),
                                          DescribeDataSources(resources->sources()));
    }
    const std::string replacements_path = directory + "/replacements";
    Xapian::WritableDatabase replacements;
    try {
      replacements = Xapian::WritableDatabase(
          replacements_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("creating ", replacements_path));
    }
    std::vector<std::string> replacement_keys;
    internal::ChunkWriters chunks(std::move(chunk_options));
    internal::BulkArticles articles(chunks, replacements);
    absl::Status indexed = Index(path, observer, report, [&](PreparedArticle&& prepared) {
      return WriteBulk(std::move(prepared), chunks, articles, replacements, replacement_keys);
    });
    absl::Status written = chunks.Finish();
    if (!written.ok()) return written;  // the cause when both failed
    if (!indexed.ok()) return indexed;  // the index stays as it was: empty
    const std::vector<size_t> written_chunks = chunks.WrittenChunks();
    if (written_chunks.empty()) return absl::OkStatus();

    // The band postings, in a database of their own that the compaction merges in.
    const std::string bands_path = directory + "/bands";
    try {
      Xapian::WritableDatabase buckets(bands_path,
                                       Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
      articles.ForEachBandBucket(
          [&](uint32_t bucket, const std::vector<internal::BandPosting>& postings) {
            internal::WriteBandBucket(buckets, bucket, postings);
          });
      buckets.commit();
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("writing ", bands_path));
    }
    const std::string merged = directory + "/merged";
    try {
      Xapian::Database all;
      for (size_t chunk : written_chunks) all.add_database(Xapian::Database(chunks.PathOf(chunk)));
      all.add_database(Xapian::Database(bands_path));
      all.compact(merged, Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("merging the chunks in ", directory));
    }
    const std::vector<Xapian::docid> replaced = articles.Replaced();
    bool still_compact = true;
    if (!replaced.empty()) {
      try {
        replacements.commit();
        Xapian::WritableDatabase target(merged, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
        for (Xapian::docid docid : replaced) {
          target.replace_document(docid, replacements.get_document(docid));
        }
        for (const std::string& key : replacement_keys) target.set_metadata(key, "1");
        target.commit();
        still_compact = false;
      } catch (const Xapian::Error& e) {
        return internal::XapianErrorToStatus(e, absl::StrCat("applying replacements to ", merged));
      }
    }
    try {
      replacements.close();
    } catch (const Xapian::Error&) {
      // Only its files remain; the directory is removed anyway.
    }
    NEWSGREP_RETURN_IF_ERROR(ExchangeWith(merged));
    compact = still_compact;
    NextBatch();  // the commit batch of the index as it now is
    return absl::OkStatus();
  }

  // Replaces the index by the database at `replacement` (a directory beside it) and deletes
  // the old one. The replacement is opened for writing before the two directories are
  // exchanged (renameat2(RENAME_EXCHANGE)), through a path that follows its directory
  // (DirectoryHandle), so its lock is the index's lock from the instant of the exchange, and
  // the old index's lock is held after it (`retired`): at no instant can another writer lock
  // the index. (Closing the index before the exchange and reopening it after let a second
  // writer in: it lost a whole build in 1 of 52 concurrent runs.)
  absl::Status ExchangeWith(const std::string& replacement) {
    const std::string path = IndexDirectory(options.db_path);
    std::error_code ignored;
    auto handle = DirectoryHandle::Open(replacement);
    Xapian::WritableDatabase next;
    absl::Status status = handle.status();
    if (status.ok()) {
      try {
        next = Xapian::WritableDatabase(handle->path(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
      } catch (const Xapian::Error& e) {
        status = handle->Naming(
            internal::XapianErrorToStatus(e, absl::StrCat("opening ", replacement)), replacement);
      }
    }
    if (status.ok() &&
        renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
      status = absl::InternalError(
          absl::StrCat("replacing index ", path, " by ", replacement, ": ", std::strerror(errno)));
    }
    if (!status.ok()) {
      next.close();
      std::filesystem::remove_all(replacement, ignored);  // the unused new index
      return status;
    }
    // The old index has nothing pending (Commit came first): kept open, it writes nothing.
    retired.reserve(retired.size() + 1);  // (no allocation failure between the moves)
    retired.push_back({std::move(index_directory), std::move(db)});
    db = std::move(next);
    index_directory = *std::move(handle);
    std::filesystem::remove_all(replacement, ignored);  // the old index's files
    bands.Clear();  // what it holds is written (Commit came first)
    return absl::OkStatus();
  }

  void NextBatch() {
    batch = options.commit_every > 0 ? options.commit_every : CommitBatch(db.get_doccount());
  }

  // Adds this session's entity data to the index's record (schema::kEntityDataKey) when it
  // is not there yet: the record lists every data set articles in the index were
  // recognised with, one description after another.
  template <typename Database>
  void RecordEntityData(Database& target) const {
    if (resources == nullptr || !options.extract_entities) return;
    const std::string description = DescribeDataSources(resources->sources());
    const std::string key(schema::kEntityDataKey);
    // Descriptions are blocks of lines, a blank line between two; each is compared whole.
    const std::string recorded = target.get_metadata(key);
    for (absl::string_view block : absl::StrSplit(recorded, "\n\n")) {
      if (absl::StripTrailingAsciiWhitespace(block) ==
          absl::StripTrailingAsciiWhitespace(description)) {
        return;
      }
    }
    target.set_metadata(key, recorded.empty() ? description : recorded + "\n" + description);
  }

  absl::Status Commit() {
    if (pending == 0) return absl::OkStatus();
    try {
      bands.Flush(db);
      for (const std::string& key : new_vocabulary_keys) db.set_metadata(key, "1");
      new_vocabulary_keys.clear();
      RecordEntityData(db);
      db.commit();
      NextBatch();
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e,
                                           absl::StrCat("committing to index ", options.db_path));
    }
    pending = 0;
    return absl::OkStatus();
  }
};

Indexer::Indexer(std::unique_ptr<State> state) : state_(std::move(state)) {}

Indexer::~Indexer() {
  // Best effort: a failure here has nowhere to go; callers that care call Commit().
  (void)Commit();
}

absl::StatusOr<std::unique_ptr<Indexer>> Indexer::Open(const IndexerOptions& options) {
  if (options.db_path.empty()) return absl::InvalidArgumentError("index path is empty");
  const std::string context = absl::StrCat("opening index ", options.db_path, " for writing");
  // Before anything is created: an index built without part of this data would silently
  // find fewer people and places.
  std::shared_ptr<const EntityResources> resources;
  if (options.extract_entities) {
    resources =
        options.entity_resources != nullptr ? options.entity_resources : EntityResources::Shared();
    if (!resources->warnings().empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          context, ": the data people and places are recognised with is incomplete (",
          absl::StrJoin(resources->warnings(), "; "),
          "); install what is missing, or index without recognising them (newsgrep index "
          "--no-entities)"));
    }
  }
  std::error_code error;
  std::filesystem::create_directories(options.db_path, error);
  if (error) {
    return absl::NotFoundError(absl::StrCat(context, ": ", error.message()));
  }
  if (std::filesystem::exists(std::filesystem::path(options.db_path) / "XAPIANDB", error)) {
    return absl::InvalidArgumentError(
        absl::StrCat(context,
                     ": it holds a Xapian stub file (XAPIANDB); an index is written only to the "
                     "directory of one database"));
  }
  auto state = std::make_unique<State>();
  state->options = options;
  state->resources = std::move(resources);
  state->builder = state->NewBuilder();
  auto directory = DirectoryHandle::Open(options.db_path);
  if (!directory.ok()) return directory.status();
  state->index_directory = *std::move(directory);
  try {
    state->db = Xapian::WritableDatabase(state->index_directory.path(),
                                         Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    NEWSGREP_RETURN_IF_ERROR(schema::CheckSchemaVersion(state->db, options.db_path));
    // Committed at once: nothing but articles is ever pending (Commit() counts only them).
    const std::string version = std::to_string(schema::kSchemaVersion);
    if (state->db.get_metadata(std::string(schema::kSchemaVersionKey)) != version) {
      state->db.set_metadata(std::string(schema::kSchemaVersionKey), version);
      state->db.commit();
    }
    // This writer holds the index's lock: what a killed writer left beside it is garbage.
    std::error_code ignored;
    std::filesystem::remove_all(BulkDirectory(options.db_path), ignored);
    std::filesystem::remove_all(CompactingDirectory(options.db_path), ignored);
    state->opened_empty = state->db.get_doccount() == 0;
    state->NextBatch();
    state->clusters = std::make_unique<internal::ClusterAssigner>(!state->opened_empty,
                                                                  state->db.get_lastdocid() + 1);
  } catch (const Xapian::Error& e) {
    return state->index_directory.Naming(internal::XapianErrorToStatus(e, context),
                                         options.db_path);
  }
  return std::unique_ptr<Indexer>(new Indexer(std::move(state)));
}

absl::Status Indexer::Add(const Article& article, const CorpusStatistics* statistics,
                          const RecurringChrome* chrome) {
  return state_->Write(state_->Prepare(article, *state_->builder, statistics, chrome));
}

absl::Status Indexer::Remove(absl::string_view id) {
  const std::string term = schema::IdTerm(id);
  try {
    auto found = state_->db.postlist_begin(term);
    if (found == state_->db.postlist_end(term)) {
      return absl::NotFoundError(absl::StrCat("no article with id ", id));
    }
    state_->clusters->Forget(*found);
    state_->db.delete_document(term);
    state_->compact = false;
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("removing ", id));
  }
  ++state_->pending;
  return absl::OkStatus();
}

absl::Status Indexer::Contains(absl::string_view id) const {
  const std::string term = schema::IdTerm(id);
  try {
    if (state_->db.term_exists(term)) return absl::OkStatus();
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("looking up ", id));
  }
  return absl::NotFoundError(absl::StrCat("no article with id ", id));
}

absl::StatusOr<std::vector<Indexer::GoneFile>> Indexer::ArticlesOfGoneFiles(bool remove) {
  std::vector<GoneFile> gone;
  const std::string prefix(schema::kFilePrefix);
  try {
    Xapian::WritableDatabase& db = state_->db;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      const std::string path = (*term).substr(prefix.size());
      std::error_code error;
      const std::filesystem::file_status status = std::filesystem::status(path, error);
      if (status.type() != std::filesystem::file_type::not_found) continue;
      GoneFile file{path, {}};
      for (auto docid = db.postlist_begin(*term); docid != db.postlist_end(*term); ++docid) {
        // The id is in the display record: no need to read and inflate the bodies.
        absl::StatusOr<StoredArticle> stored =
            DecodeDisplayRecord(db.get_document(*docid).get_value(schema::kDisplaySlot));
        if (!stored.ok()) return stored.status();
        file.ids.push_back(stored->id);
      }
      gone.push_back(std::move(file));
    }
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, "reading the index's files");
  }
  // Removed once the term lists are read: removing changes what they iterate over.
  if (remove) {
    for (const GoneFile& file : gone) {
      for (const std::string& id : file.ids) {
        if (absl::Status removed = Remove(id); !removed.ok() && !absl::IsNotFound(removed)) {
          return removed;
        }
      }
    }
  }
  return gone;
}

absl::Status Indexer::Commit() { return state_->Commit(); }

size_t Indexer::article_count() const { return state_->db.get_doccount(); }

bool Indexer::opened_empty() const { return state_->opened_empty; }

absl::Status Indexer::Compact() {
  NEWSGREP_RETURN_IF_ERROR(Commit());
  if (state_->compact) return absl::OkStatus();
  const std::string path = IndexDirectory(state_->options.db_path);
  const std::string compacted = CompactingDirectory(state_->options.db_path);
  std::error_code ignored;
  try {
    // Read through a reader while this writer still holds the lock: nobody else writes.
    // Document ids stay as they are (the cluster assigner remembers recent ones).
    Xapian::Database(path).compact(compacted, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    std::filesystem::remove_all(compacted, ignored);
    return internal::XapianErrorToStatus(e, absl::StrCat("compacting index ", path));
  }
  NEWSGREP_RETURN_IF_ERROR(state_->ExchangeWith(compacted));
  state_->compact = true;
  return absl::OkStatus();
}

absl::Status Indexer::IndexPath(const std::string& path, const IndexObserver* observer,
                                IndexReport* report) {
  if (state_->options.bulk_build && state_->db.get_doccount() == 0) {
    return state_->IndexInBulk(path, observer, report);
  }
  return state_->Index(path, observer, report, [this](PreparedArticle&& prepared) {
    return state_->Write(std::move(prepared));
  });
}

size_t CommitBatch(size_t articles) {
  // Measured with `newsgrep index --commit-every N` on generated articles: a fixed 1,000
  // per commit was 7 % faster than 10,000 at 100,000 articles, 10,000 was 9 % faster at
  // 300,000; this schedule beat a fixed 1,000 by 19 % at 100,000 and 5 % at 300,000.
  return std::clamp<size_t>(articles / 30, 1000, 10000);
}

size_t WriterThreads(const IndexerOptions& options) {
  if (options.writer_threads > 0) return options.writer_threads;
  const size_t cores = std::thread::hardware_concurrency();
  return std::clamp<size_t>(cores, 1, 2);
}

size_t AnalysisThreads(const IndexerOptions& options) {
  if (options.analysis_threads > 0) return options.analysis_threads;
  // One core is the writer's. (On 2 cores, two analysis threads beside the writer took
  // 13.3 s of wall time for Reuters-21578 where one took 11.0 s: the writer is the
  // bottleneck, and a third busy thread only takes turns with it.)
  const size_t cores = std::thread::hardware_concurrency();
  return cores > 2 ? cores - 1 : 1;
}

}  // namespace newsgrep
