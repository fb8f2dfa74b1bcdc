/// @file indexer.cc
/// @brief The single writer: batching, replacement by id, commits.
#include "newsgrep/indexer.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "internal/cluster_assigner.h"
#include "internal/document_builder.h"
#include "newsgrep/cleaner.h"
#include "newsgrep/near_duplicates.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"

namespace newsgrep {

struct Indexer::State {
  IndexerOptions options;
  Xapian::WritableDatabase db;
  std::unique_ptr<internal::DocumentBuilder> builder;
  size_t pending = 0;
};

Indexer::Indexer(std::unique_ptr<State> state) : state_(std::move(state)) {}

Indexer::~Indexer() {
  // Best effort: a failure here has nowhere to go; callers that care call Commit().
  (void)Commit();
}

absl::StatusOr<std::unique_ptr<Indexer>> Indexer::Open(const IndexerOptions& options) {
  if (options.db_path.empty()) return absl::InvalidArgumentError("index path is empty");
  if (options.commit_every == 0) {
    return absl::InvalidArgumentError("commit_every must be at least 1");
  }
  const std::string context = absl::StrCat("opening index ", options.db_path, " for writing");
  std::error_code error;
  std::filesystem::create_directories(options.db_path, error);
  if (error) {
    return absl::NotFoundError(absl::StrCat(context, ": ", error.message()));
  }
  auto state = std::make_unique<State>();
  state->options = options;
  state->builder = options.extract_entities
                       ? std::make_unique<internal::DocumentBuilder>()
                       : std::make_unique<internal::DocumentBuilder>(nullptr);
  try {
    state->db = Xapian::WritableDatabase(options.db_path,
                                         Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    NEWSGREP_RETURN_IF_ERROR(schema::CheckSchemaVersion(state->db, options.db_path));
    state->db.set_metadata(std::string(schema::kSchemaVersionKey),
                           std::to_string(schema::kSchemaVersion));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, context);
  }
  return std::unique_ptr<Indexer>(new Indexer(std::move(state)));
}

absl::Status Indexer::Add(const Article& article) {
  if (article.id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(article.origin, ": article has no id"));
  }
  const std::string id_term = schema::IdTerm(article.id);
  Article cleaned = article;
  internal::DocumentBuilder::Extras extras;
  if (state_->options.clean_bodies) {
    cleaned.body = CleanBody(article.body);
    if (cleaned.body != article.body) extras.original_body = article.body;
  }
  const TextFingerprint fingerprint = FingerprintArticle(cleaned.title, cleaned.body);
  if (state_->options.detect_duplicates) {
    absl::StatusOr<std::string> cluster =
        internal::AssignCluster(state_->db, id_term, fingerprint);
    if (!cluster.ok()) return cluster.status();
    extras.cluster = *std::move(cluster);
    extras.band_terms = fingerprint.band_terms;
  }
  if (extras.cluster.empty()) extras.cluster = internal::NewClusterKey(article.id, fingerprint);
  try {
    Xapian::Document document = state_->builder->Build(cleaned, extras);
    state_->db.replace_document(id_term, document);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("indexing ", article.origin));
  }
  if (++state_->pending >= state_->options.commit_every) return Commit();
  return absl::OkStatus();
}

absl::Status Indexer::Remove(absl::string_view id) {
  const std::string term = schema::IdTerm(id);
  try {
    if (!state_->db.term_exists(term)) {
      return absl::NotFoundError(absl::StrCat("no article with id ", id));
    }
    state_->db.delete_document(term);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("removing ", id));
  }
  ++state_->pending;
  return absl::OkStatus();
}

absl::Status Indexer::Commit() {
  if (state_->pending == 0) return absl::OkStatus();
  try {
    state_->db.commit();
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(
        e, absl::StrCat("committing to index ", state_->options.db_path));
  }
  state_->pending = 0;
  return absl::OkStatus();
}

size_t Indexer::article_count() const { return state_->db.get_doccount(); }

absl::Status Indexer::IndexPath(const std::string& path, const IndexObserver* observer,
                                IndexReport* report) {
  ReadCallbacks callbacks;
  callbacks.on_article = [this, report](Article&& article) {
    NEWSGREP_RETURN_IF_ERROR(Add(article));
    ++report->articles;
    return absl::OkStatus();
  };
  callbacks.on_problem = [observer, report](const InputProblem& problem) {
    if (problem.outcome == InputProblem::Outcome::kSkipped) {
      ++report->skipped;
    } else {
      ++report->repaired;
    }
    if (observer != nullptr && observer->on_problem) observer->on_problem(problem);
  };
  callbacks.on_file_done = [observer, report](const std::string&) {
    ++report->files;
    if (observer != nullptr && observer->on_progress) observer->on_progress(*report);
  };
  return ReadArticles(path, callbacks);
}

}  // namespace newsgrep
