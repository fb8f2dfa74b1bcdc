/// @file searcher.cc
/// @brief Query parsing, field boosts, ranking, snippets.
#include "newsgrep/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "internal/query_check.h"
#include "newsgrep/analysis.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

// Marks Xapian puts around highlighted words; control characters cannot occur in text.
constexpr char kHighlightStart[] = "\x01";
constexpr char kHighlightEnd[] = "\x02";

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// True when `term` is an unprefixed full-text term (stemmed "Zword" or plain "word"), not a
// field term or a boolean filter.
bool IsPlainTextTerm(absl::string_view term) {
  if (term.empty()) return false;
  if (term[0] == 'Z') {
    return term.size() == 1 || !absl::ascii_isupper(static_cast<unsigned char>(term[1]));
  }
  return !absl::ascii_isupper(static_cast<unsigned char>(term[0]));
}

// The term a free-text term `term` becomes under field prefix `prefix`, or "" when `term`
// is not a plain free-text term (a boolean filter, or already in a field).
std::string InField(absl::string_view term, absl::string_view prefix) {
  if (!IsPlainTextTerm(term)) return "";
  if (term[0] == 'Z') return absl::StrCat("Z", prefix, term.substr(1));
  return absl::StrCat(prefix, term);
}

// Xapian's parser never stems a word directly followed by '"' (a "stem preventer"), so the
// last word of "security guarantee" would only match exactly, unlike the words before it.
// A space before each closing quote lets it be stemmed too. REQUIRES: balanced quotes
// (CheckQuerySyntax pairs them the same way).
std::string SpaceBeforeClosingQuotes(absl::string_view query) {
  std::string out;
  out.reserve(query.size() + 8);
  bool in_quote = false;
  for (const char c : query) {
    if (c == '"') {
      const bool after_space =
          out.empty() || absl::ascii_isspace(static_cast<unsigned char>(out.back()));
      if (in_quote && !after_space) out += ' ';
      in_quote = !in_quote;
    }
    out += c;
  }
  return out;
}

// When every word of a query is a stopword, Xapian keeps them all ("the of" searches for
// "the" and "of", which are indexed), so an emptiness check alone misses such a query.
// Returns true when `query` holds anything but bare stopwords: another word, a field term,
// a phrase (stopwords in phrases are meant), a wildcard, a range. `parser` is the one that
// produced `query` (for the words as typed).
bool HasSearchableWords(const Xapian::Query& query, const Xapian::QueryParser& parser) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *query.get_terms_begin();
      if (!IsPlainTextTerm(term)) return true;
      bool typed = false;
      for (auto it = parser.unstem_begin(term); it != parser.unstem_end(term); ++it) {
        typed = true;
        if (!analysis::IsQueryStopword(*it)) return true;
      }
      return !typed && !analysis::IsQueryStopword(term);
    }
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return false;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SCALE_WEIGHT:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (HasSearchableWords(query.get_subquery(i), parser)) return true;
      }
      return false;
    default:  // phrase, NEAR, wildcard, value range, match-all
      return true;
  }
}

// Adds, for each boosted free-text field, an optional clause that raises the weight of
// documents where the query's words occur in that field, without changing which documents
// match: OR(query, FILTER(field words, query)). (Xapian 1.4.22's OP_AND_MAYBE, the obvious
// operator, drops valid hits from some result pages; see
// SearcherTest.TitleBoostNeverDropsHitsFromAPage.)
Xapian::Query WithFieldBoosts(const Xapian::Query& query) {
  Xapian::Query boosted = query;
  for (const schema::Field& field : schema::kFields) {
    if (field.kind != schema::FieldKind::kFreeText || field.boost <= 1.0) continue;
    std::vector<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      std::string term = InField(*it, field.prefix);
      if (!term.empty()) terms.push_back(std::move(term));
    }
    if (terms.empty()) continue;
    Xapian::Query field_terms(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Query boost(Xapian::Query::OP_SCALE_WEIGHT, field_terms, field.boost - 1.0);
    boosted = Xapian::Query(Xapian::Query::OP_OR, boosted,
                            Xapian::Query(Xapian::Query::OP_FILTER, boost, query));
  }
  return boosted;
}

// Turns Xapian's HTML-escaped, marked snippet into plain text plus highlight spans.
void ParseSnippet(absl::string_view marked, std::string& text, std::vector<Highlight>& spans) {
  text.clear();
  spans.clear();
  bool space = false;
  for (size_t i = 0; i < marked.size(); ++i) {
    const char c = marked[i];
    if (c == kHighlightStart[0]) {
      if (space && !text.empty()) text += ' ';
      space = false;
      spans.push_back({text.size(), text.size()});
      continue;
    }
    if (c == kHighlightEnd[0]) {
      if (!spans.empty()) spans.back().end = text.size();
      continue;
    }
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !text.empty()) text += ' ';
    space = false;
    if (c == '&') {
      static constexpr std::pair<absl::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [entity, ch] : kEntities) {
        if (marked.substr(i, entity.size()) == entity) {
          text += ch;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    text += c;
  }
}

// `date:2025-08-20` (one day) → `date:2025-08-20..2025-08-20`: Xapian's range processor
// only understands ranges and would otherwise match nothing.
std::string ExpandSingleDays(absl::string_view query) {
  std::string out;
  out.reserve(query.size() + 16);
  bool in_quote = false;
  for (size_t i = 0; i < query.size(); ++i) {
    if (query[i] == '"') in_quote = !in_quote;
    const bool word_start = i == 0 || query[i - 1] == ' ' || query[i - 1] == '(';
    if (!in_quote && word_start && query.substr(i, 5) == "date:") {
      size_t end = i + 5;
      while (end < query.size() && query[end] != ' ' && query[end] != ')') ++end;
      const absl::string_view value = query.substr(i + 5, end - i - 5);
      if (!value.empty() && value.find("..") == absl::string_view::npos) {
        absl::StrAppend(&out, "date:", value, "..", value);
        i = end - 1;
        continue;
      }
    }
    out += query[i];
  }
  return out;
}

// Decodes a document into an ArticleRecord (cluster size from the cluster term's frequency,
// which is exact).
absl::StatusOr<ArticleRecord> ToRecord(const Xapian::Database& db,
                                       const Xapian::Document& document) {
  NEWSGREP_ASSIGN_OR_RETURN(StoredArticle stored, DecodeStoredArticle(document.get_data()));
  ArticleRecord record;
  record.article = std::move(stored);
  record.cluster_id = document.get_value(schema::kClusterSlot);
  record.cluster_size =
      record.cluster_id.empty()
          ? 1
          : db.get_termfreq(absl::StrCat(schema::kClusterPrefix, record.cluster_id));
  return record;
}

}  // namespace

struct Searcher::State {
  std::vector<std::string> paths;
  Xapian::Database db;
  Xapian::QueryParser parser;
  Xapian::Stem stemmer = analysis::Stemmer();
};

Searcher::Searcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
Searcher::~Searcher() = default;

absl::StatusOr<std::unique_ptr<Searcher>> Searcher::Open(
    const std::vector<std::string>& db_paths) {
  if (db_paths.empty()) return absl::InvalidArgumentError("no index to open");
  auto state = std::make_unique<State>();
  state->paths = db_paths;
  for (const std::string& path : db_paths) {
    try {
      Xapian::Database shard(path);
      NEWSGREP_RETURN_IF_ERROR(schema::CheckSchemaVersion(shard, path));
      state->db.add_database(shard);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("opening index ", path));
    }
  }
  analysis::ConfigureQueryParser(state->parser);
  state->parser.set_database(state->db);
  state->parser.set_default_op(Xapian::Query::OP_AND);
  state->parser.add_rangeprocessor(
      (new Xapian::DateRangeProcessor(schema::kDateSlot, "date:"))->release());
  return std::unique_ptr<Searcher>(new Searcher(std::move(state)));
}

absl::Status Searcher::Reopen() {
  try {
    state_->db.reopen();
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, "reopening index");
  }
  return absl::OkStatus();
}

size_t Searcher::article_count() const { return state_->db.get_doccount(); }

absl::StatusOr<SearchResults> Searcher::Search(absl::string_view query_text,
                                               const SearchOptions& options) {
  NEWSGREP_RETURN_IF_ERROR(internal::CheckQuerySyntax(query_text));
  Xapian::Query query;
  bool searchable = false;
  try {
    query = state_->parser.parse_query(SpaceBeforeClosingQuotes(ExpandSingleDays(query_text)),
                                       kParserFlags);
    searchable = HasSearchableWords(query, state_->parser);
  } catch (const Xapian::QueryParserError& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot parse query \"", query_text, "\": ", e.get_msg()));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("parsing query \"", query_text, "\""));
  }
  if (query.empty() || !searchable) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query \"", query_text, "\" has no searchable words (only stopwords or punctuation)"));
  }
  query = WithFieldBoosts(query);

  // A DatabaseModifiedError means a writer committed twice while we read: reopen, retry.
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(state_->db);
      enquire.set_query(query);
      if (options.sort == SortOrder::kNewest) {
        enquire.set_sort_by_value_then_relevance(schema::kTimestampSlot, true);
      } else {
        // Equal scores (copies of one text): the earliest version first, so that it is the
        // one that represents its cluster.
        enquire.set_sort_by_relevance_then_value(schema::kTimestampSlot, false);
      }
      if (options.collapse) enquire.set_collapse_key(schema::kClusterSlot);
      const Xapian::doccount check_at_least =
          options.exact_count ? state_->db.get_doccount() : 0;
      Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                           static_cast<Xapian::doccount>(options.limit),
                                           check_at_least);
      SearchResults results;
      results.total = mset.get_matches_estimated();
      results.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      if (options.exact_count && options.collapse) {
        // Xapian's counts after collapsing are bounds even when every match was visited;
        // the number of distinct cluster keys among all matches is exact.
        Xapian::Enquire counter(state_->db);
        counter.set_query(query);
        Xapian::ValueCountMatchSpy clusters(schema::kClusterSlot);
        counter.add_matchspy(&clusters);
        counter.get_mset(0, 0, state_->db.get_doccount());
        results.total = static_cast<size_t>(
            std::distance(clusters.values_begin(), clusters.values_end()));
        results.total_is_exact = true;
      }
      size_t rank = options.offset;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document document = it.get_document();
        NEWSGREP_ASSIGN_OR_RETURN(ArticleRecord record, ToRecord(state_->db, document));
        StoredArticle& stored = record.article;
        Hit hit;
        hit.cluster_id = std::move(record.cluster_id);
        hit.similar_count = record.cluster_size > 0 ? record.cluster_size - 1 : 0;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        if (options.snippets) {
          const std::string& text = stored.body.empty() ? stored.title : stored.body;
          const std::string marked =
              mset.snippet(text, options.snippet_length, state_->stemmer,
                           Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                               Xapian::MSet::SNIPPET_EXHAUSTIVE,
                           kHighlightStart, kHighlightEnd, "…");
          ParseSnippet(marked, hit.snippet, hit.highlights);
        }
        stored.body.clear();
        hit.article = std::move(stored);
        results.hits.push_back(std::move(hit));
      }
      return results;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) {
        return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
      }
      NEWSGREP_RETURN_IF_ERROR(Reopen());
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
    }
  }
}

absl::StatusOr<ArticleRecord> Searcher::Get(absl::string_view id) {
  const std::string id_term = schema::IdTerm(id);
  try {
    Xapian::PostingIterator posting = state_->db.postlist_begin(id_term);
    if (posting == state_->db.postlist_end(id_term)) {
      return absl::NotFoundError(absl::StrCat("no article with id ", id));
    }
    return ToRecord(state_->db, state_->db.get_document(*posting));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("reading article ", id));
  }
}

absl::StatusOr<std::vector<ArticleRecord>> Searcher::Similar(absl::string_view id) {
  NEWSGREP_ASSIGN_OR_RETURN(ArticleRecord self, Get(id));
  std::vector<ArticleRecord> versions;
  if (self.cluster_id.empty()) return versions;
  const std::string cluster_term = absl::StrCat(schema::kClusterPrefix, self.cluster_id);
  try {
    for (auto it = state_->db.postlist_begin(cluster_term);
         it != state_->db.postlist_end(cluster_term); ++it) {
      NEWSGREP_ASSIGN_OR_RETURN(ArticleRecord record,
                                ToRecord(state_->db, state_->db.get_document(*it)));
      if (record.article.id != self.article.id) versions.push_back(std::move(record));
    }
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("listing versions of ", id));
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const ArticleRecord& a, const ArticleRecord& b) {
                     // Undated versions sort last.
                     if (a.article.date.empty() != b.article.date.empty()) {
                       return b.article.date.empty();
                     }
                     return a.article.date < b.article.date;
                   });
  return versions;
}

}  // namespace newsgrep
