// SPDX-License-Identifier: GPL-2.0-or-later
/// @file searcher.cc
/// @brief Query parsing, field boosts, ranking, snippets.
#include "newsgrep/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "internal/case_field.h"
#include "internal/date_range.h"
#include "internal/entity_counts.h"
#include "internal/highlight.h"
#include "internal/match_counter.h"
#include "internal/parsed_query.h"
#include "internal/person_field.h"
#include "internal/proximity.h"
#include "internal/query_text.h"
#include "internal/quote_matches.h"
#include "internal/recency.h"
#include "internal/search_budget.h"
#include "internal/spelling.h"
#include "internal/text_words.h"
#include "internal/wildcards.h"
#include "newsgrep/analysis.h"
#include "newsgrep/facet_record.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

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

// True when the plain free-text term `term` stands only for stopwords: every word typed
// that `parser` turned into it is one (or, when none is recorded, the term itself).
bool IsStopwordTerm(const std::string& term, const Xapian::QueryParser& parser) {
  bool typed = false;
  for (auto it = parser.unstem_begin(term); it != parser.unstem_end(term); ++it) {
    typed = true;
    if (!analysis::IsQueryStopword(*it)) return false;
  }
  return typed || analysis::IsQueryStopword(term);
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
      return !IsPlainTextTerm(term) || !IsStopwordTerm(term, parser);
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

// The optional clauses that raise the weight of documents where the query's words occur in
// a boosted free-text field: for each such field, SCALE_WEIGHT(OR(the words in that field),
// boost - 1). Empty when the query has no plain words. See WithBonuses.
// Stopwords (which the query keeps inside phrases and proximity) get no bonus: "the" in a
// headline says nothing about the article, and at 1M articles the bonus lists of a
// phrase's stopwords were up to 29 % of its instructions (callgrind, ids only:
// `"said the interests"` 286M with them, 203M without).
std::vector<Xapian::Query> FieldBoosts(const Xapian::Query& query,
                                       const Xapian::QueryParser& parser) {
  std::vector<std::string> words;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    if (IsPlainTextTerm(*it) && !IsStopwordTerm(*it, parser)) words.push_back(*it);
  }
  std::vector<Xapian::Query> boosts;
  for (const schema::Field& field : schema::kFields) {
    if (field.kind != schema::FieldKind::kFreeText || field.boost <= 1.0) continue;
    std::vector<std::string> terms;
    for (const std::string& word : words) terms.push_back(InField(word, field.prefix));
    if (terms.empty()) continue;
    Xapian::Query field_terms(Xapian::Query::OP_OR, terms.begin(), terms.end());
    boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, field_terms, field.boost - 1.0);
  }
  return boosts;
}

// True when `query` checks more than its terms' posting lists for each candidate: word
// positions (phrase, NEAR, ADJ, newsgrep's proximity source) or document values (--since;
// `date:` ranges are date terms). Matching such a query costs far more than visiting its
// posting lists.
bool ChecksEachCandidate(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
    case Xapian::Query::LEAF_POSTING_SOURCE:
      return true;
    default:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (ChecksEachCandidate(query.get_subquery(i))) return true;
      }
      return false;
  }
}

// `query` with `bonuses` added to the weight of the documents it matches, without changing
// which documents match. Two equivalent forms, each the cheaper one somewhere (callgrind,
// Reuters-21578, ids only):
// - OR(query, FILTER(OR(bonuses), query)): the query is matched twice. Cheap when it is
//   only terms; a phrase, proximity or value check then costs twice.
// - AND(query, OR(OR(bonuses), SCALE_WEIGHT(MatchAll, 0))): the query is matched once, and
//   each of its candidates is looked up in the bonus terms and in the all-documents list.
//   13-48 % fewer instructions for phrase and proximity queries, 47 % for a date range
//   when it was a value range; for bare terms it
//   costs the same on a fresh index (contiguous docids: the all-documents list is a
//   counter) and up to 37 % more once replaced articles leave gaps in the docids.
// The weight is the query's plus each bonus clause that matches, in both. (Xapian 1.4.22's
// OP_AND_MAYBE, the obvious operator, drops valid hits from some result pages; see
// CliEndToEndTest.PagesOfATitleBoostedSearchAreSlicesOfTheFullRanking.)
Xapian::Query WithBonuses(const Xapian::Query& query, const std::vector<Xapian::Query>& bonuses) {
  if (bonuses.empty()) return query;
  const Xapian::Query any_bonus =
      bonuses.size() == 1 ? bonuses[0]
                          : Xapian::Query(Xapian::Query::OP_OR, bonuses.begin(), bonuses.end());
  if (ChecksEachCandidate(query)) {
    // Query(""), not the static Query::MatchAll: copying that shared object changes its
    // reference count, which is not atomic, from every searching thread at once.
    const Xapian::Query every_document(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(std::string()),
                                       0.0);
    return Xapian::Query(Xapian::Query::OP_AND, query,
                         Xapian::Query(Xapian::Query::OP_OR, any_bonus, every_document));
  }
  return Xapian::Query(Xapian::Query::OP_OR, query,
                       Xapian::Query(Xapian::Query::OP_FILTER, any_bonus, query));
}

absl::Status OutOfTime(absl::string_view query_text, absl::Duration limit) {
  return absl::DeadlineExceededError(absl::StrCat(
      "searching \"", query_text, "\" took longer than its time limit of ",
      absl::FormatDuration(limit),
      "; narrow it (more letters before a *, smaller NEAR/ADJ windows, fewer OR words) or "
      "allow more time"));
}

// "date:", as the query language writes the date field.
std::string DateColon() { return absl::StrCat(schema::kDateField, ":"); }

// Decodes a document into an ArticleRecord (cluster size from the cluster term's frequency,
// which is exact).
absl::StatusOr<ArticleRecord> ToRecord(const Xapian::Database& db,
                                       const Xapian::Document& document) {
  NEWSGREP_ASSIGN_OR_RETURN(StoredArticle stored, ReadStoredArticle(document));
  ArticleRecord record;
  record.article = std::move(stored);
  record.cluster_id = document.get_value(schema::kClusterSlot);
  record.cluster_size =
      record.cluster_id.empty()
          ? 1
          : db.get_termfreq(absl::StrCat(schema::kClusterPrefix, record.cluster_id));
  return record;
}

// ReadValues' slot for the document data.
constexpr Xapian::valueno kDocumentData = Xapian::BAD_VALUENO;

// The values in `slot` (kDocumentData: the document data) of the documents of `mset`, in
// its order. Read one slot at a time in docid order, Xapian's cursor moves forward through
// that slot's chunks instead of back and forth between slots for every hit: person: pages
// on Reuters-21578 read 17 % fewer blocks (pread calls) than hit by hit.
// `by_docid`: DocidOrder(mset).
std::vector<std::string> ReadValues(const Xapian::MSet& mset,
                                    const std::vector<Xapian::doccount>& by_docid,
                                    Xapian::valueno slot) {
  std::vector<std::string> values(by_docid.size());
  for (const Xapian::doccount at : by_docid) {
    const Xapian::Document document = mset[at].get_document();
    values[at] = slot == kDocumentData ? document.get_data() : document.get_value(slot);
  }
  return values;
}

// A count record with only a cluster key (the story count needs nothing else).
std::string ClusterCountRecord(absl::string_view cluster) {
  CountRecord record;
  record.cluster = cluster;
  return EncodeCountRecord(record);
}

// The collapse keys of the hits of `mset` (a match collapsed on kClusterSlot: its
// values), in its order, without reading them again.
std::vector<std::string> CollapseKeys(const Xapian::MSet& mset) {
  std::vector<std::string> keys;
  keys.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) keys.push_back(it.get_collapse_key());
  return keys;
}

// The indexes of the hits of `mset`, in docid order.
std::vector<Xapian::doccount> DocidOrder(const Xapian::MSet& mset) {
  std::vector<Xapian::doccount> order(mset.size());
  for (Xapian::doccount i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&mset](Xapian::doccount a, Xapian::doccount b) { return *mset[a] < *mset[b]; });
  return order;
}

// The number of versions of each cluster in `cluster_ids` (1 for "": an article in no
// cluster), looked up in key order, so that the lookups share the blocks they read.
std::vector<Xapian::doccount> ClusterSizes(const Xapian::Database& db,
                                           const std::vector<std::string>& cluster_ids) {
  std::vector<std::pair<std::string, size_t>> order;  // cluster term, index
  for (size_t i = 0; i < cluster_ids.size(); ++i) {
    if (!cluster_ids[i].empty()) {
      order.emplace_back(absl::StrCat(schema::kClusterPrefix, cluster_ids[i]), i);
    }
  }
  std::sort(order.begin(), order.end());
  std::vector<Xapian::doccount> sizes(cluster_ids.size(), 1);
  for (const auto& [term, at] : order) sizes[at] = db.get_termfreq(term);
  return sizes;
}

// Remembers, for each term of `query`, the word typed for it (for spelling suggestions).
void CollectTypedWords(const Xapian::Query& query, const Xapian::QueryParser& parser,
                       std::map<std::string, std::string>& typed) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    auto word = parser.unstem_begin(*it);
    if (word != parser.unstem_end(*it)) typed.emplace(*it, *word);
  }
}

// The field term prefix and the word of a free-text term ("ZSsecur" → {"S", "secur"});
// false for boolean terms and unknown prefixes.
bool SplitTerm(absl::string_view term, std::string* prefix, std::string* word) {
  const std::optional<analysis::WordTerm> parts = analysis::SplitWordTerm(term);
  if (!parts) return false;
  *prefix = parts->field == nullptr ? "" : std::string(parts->field->prefix);
  *word = std::string(parts->stem);
  return true;
}

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return absl::ascii_isalnum(u) || u >= 0x80 || c == '\'';
}

// `text` with every whole-word occurrence (ASCII case-insensitive) of each key of
// `replacements` replaced by its value.
std::string ReplaceWords(absl::string_view text,
                         const std::map<std::string, std::string>& replacements) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsWordByte(text[end])) ++end;
    const std::string word = absl::AsciiStrToLower(text.substr(i, end - i));
    auto found = replacements.find(word);
    out += found != replacements.end() ? found->second : std::string(text.substr(i, end - i));
    i = end;
  }
  return out;
}

// Whether `path` is a directory with glass database files in it.
bool HoldsDatabaseFiles(const std::string& path) {
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name == "iamglass" || absl::EndsWith(name, ".glass")) return true;
  }
  return false;
}

}  // namespace

namespace {
constexpr std::pair<TimelineUnit, absl::string_view> kTimelineUnitNames[] = {
    {TimelineUnit::kAuto, "auto"},   {TimelineUnit::kDay, "day"},   {TimelineUnit::kWeek, "week"},
    {TimelineUnit::kMonth, "month"}, {TimelineUnit::kYear, "year"},
};
}  // namespace

absl::string_view TimelineUnitName(TimelineUnit unit) {
  for (const auto& [u, name] : kTimelineUnitNames) {
    if (u == unit) return name;
  }
  return "day";
}

std::optional<TimelineUnit> TimelineUnitNamed(absl::string_view name) {
  for (const auto& [unit, n] : kTimelineUnitNames) {
    if (n == name) return unit;
  }
  return std::nullopt;
}

const std::string& ParsedQuery::text() const {
  static const std::string* const kEmpty = new std::string();
  return rep_ == nullptr ? *kEmpty : rep_->text;
}

std::string ParsedQuery::DebugString() const {
  return rep_ == nullptr ? "Query()" : rep_->query.get_description();
}

bool ParsedQuery::has_proximity() const { return rep_ != nullptr && !rep_->proximity.empty(); }

struct Searcher::State {
  std::vector<std::string> paths;
  OpenOptions options;
  Xapian::Database db;
  std::vector<Xapian::Database> shards;  // the parts of `db`
  std::vector<IndexPart> parts;          // what each shard is, in the same order
  bool has_remote = false;               // some shard is a server or a program
  std::vector<std::string> missing;      // with options.partial: the shards left out
  // Makes `db` of `shards` again (after one was left out).
  void Rebuild();
  Xapian::QueryParser parser;
  internal::SpellingCorrector speller;
  Xapian::Stem stemmer = analysis::MemoisingStemmer();  // for wildcards
  // The running search's SearchOptions::time_limit, which the queries' proximity checks
  // (made by Parse) and the budget check (made by Search) read.
  std::shared_ptr<internal::SearchBudget> budget = std::make_shared<internal::SearchBudget>();
};

Searcher::Searcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
Searcher::~Searcher() = default;

namespace {

// Opens one shard and checks it (schema version, word positions); errors name it.
absl::StatusOr<Xapian::Database> OpenPart(const IndexPart& part, const OpenOptions& options) {
  // Xapian takes milliseconds as a 32-bit useconds_t.
  const auto timeout_ms =
      static_cast<useconds_t>(std::clamp<int64_t>(absl::ToInt64Milliseconds(options.remote_timeout),
                                                  1, std::numeric_limits<useconds_t>::max()));
  try {
    Xapian::Database shard;
    switch (part.kind) {
      case IndexPart::Kind::kServer:
        shard = Xapian::Remote::open(part.host, part.port, timeout_ms, timeout_ms);
        break;
      case IndexPart::Kind::kProgram:
        shard = Xapian::Remote::open(part.program, part.args, timeout_ms);
        break;
      case IndexPart::Kind::kDirectory:
        shard = Xapian::Database(part.path);
        break;
    }
    NEWSGREP_RETURN_IF_ERROR(schema::CheckSchemaVersion(shard, part.name));
    // Without position.glass Xapian turns phrases and NEAR into AND, silently.
    if (shard.get_doccount() > 0 && !shard.has_positions()) {
      return absl::DataLossError(
          absl::StrCat("index ", part.name,
                       " has no word positions (position.glass is missing or damaged), "
                       "so phrase, NEAR and ADJ searches cannot be answered; restore the index or "
                       "rebuild it"));
    }
    return shard;
  } catch (const Xapian::Error& e) {
    absl::Status status =
        internal::XapianErrorToStatus(e, absl::StrCat("opening index ", part.name));
    // Database files Xapian cannot open are a damaged index, not a missing one.
    if (status.code() == absl::StatusCode::kNotFound && part.kind == IndexPart::Kind::kDirectory &&
        HoldsDatabaseFiles(part.path)) {
      return absl::DataLossError(status.message());
    }
    return status;
  }
}

// How Xapian names a remote shard in the context of its network errors.
std::string RemoteContext(const IndexPart& part) {
  return part.kind == IndexPart::Kind::kServer
             ? absl::StrCat("remote:tcp(", part.host, ":", part.port, ")")
             : absl::StrCat("remote:prog(", part.program);
}

// Whether a failure to reach a shard may leave it out (OpenOptions::partial).
bool MayLeaveOut(const IndexPart& part, const absl::Status& status) {
  return part.kind != IndexPart::Kind::kDirectory &&
         (absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status));
}

}  // namespace

void Searcher::State::Rebuild() {
  db = Xapian::Database();
  for (const Xapian::Database& shard : shards) db.add_database(shard);
  parser.set_database(db);
  speller.Clear();
}

absl::StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const std::vector<std::string>& db_paths,
                                                         const OpenOptions& options) {
  if (db_paths.empty()) return absl::InvalidArgumentError("no index to open");
  if (options.remote_timeout < absl::Milliseconds(1)) {
    return absl::InvalidArgumentError("remote_timeout must be at least 1 ms");
  }
  auto state = std::make_unique<State>();
  state->paths = db_paths;
  state->options = options;
  for (const std::string& path : db_paths) {
    NEWSGREP_ASSIGN_OR_RETURN(std::vector<IndexPart> parts,
                              ResolveIndexLocation(path, options.location_policy));
    for (IndexPart& part : parts) {
      absl::StatusOr<Xapian::Database> shard = OpenPart(part, options);
      if (!shard.ok()) {
        if (options.partial && MayLeaveOut(part, shard.status())) {
          state->missing.push_back(std::string(shard.status().message()));
          continue;
        }
        return shard.status();
      }
      state->has_remote |= part.kind != IndexPart::Kind::kDirectory;
      state->db.add_database(*shard);
      state->shards.push_back(*std::move(shard));
      state->parts.push_back(std::move(part));
    }
  }
  if (state->shards.empty()) {
    return absl::UnavailableError(
        absl::StrCat("no shard could be opened: ", absl::StrJoin(state->missing, "; ")));
  }
  analysis::ConfigureQueryParser(state->parser);
  state->parser.set_database(state->db);
  state->parser.set_default_op(Xapian::Query::OP_AND);
  state->parser.add_rangeprocessor(
      (new internal::DateTermRangeProcessor(&state->db, schema::kDateSlot, DateColon()))
          ->release());
  // NEAR/ADJ chains (internal/proximity.h).
  state->parser.add_prefix(std::string(internal::kProximityField),
                           std::string(internal::kProximityPrefix));
  // person: and said: fold names like the indexer (internal/person_field.h).
  internal::AddNameFields(state->parser);
  // case: and query words in capitals (internal/case_field.h).
  internal::AddCaseFields(state->parser);
  return std::unique_ptr<Searcher>(new Searcher(std::move(state)));
}

absl::Status Searcher::Reopen() {
  try {
    state_->db.reopen();
    state_->speller.Clear();
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, "reopening index");
  }
  return absl::OkStatus();
}

size_t Searcher::article_count() const { return state_->db.get_doccount(); }

absl::StatusOr<ParsedQuery> Searcher::Parse(absl::string_view original_text) {
  // Tabs, line breaks and other control characters are spaces to every step below (one
  // byte for one, so columns stay). newsgrep's checks read ' ' where Xapian's parser reads
  // any white space: `x\tperson:(a b` passed the check for an unclosed group and crashed
  // Xapian 1.4.22's parser (found by the query fuzzer).
  std::string spaced(original_text);
  for (char& c : spaced) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  const absl::string_view query_text = spaced;
  NEWSGREP_RETURN_IF_ERROR(internal::CheckQuerySyntax(query_text));
  auto rep = std::make_shared<internal::ParsedQueryRep>();
  rep->text = std::string(original_text);
  std::vector<Xapian::Query> proximity_queries;  // by placeholder id
  bool searchable = false;
  try {
    // NEAR/ADJ chains first: their sides are parsed on their own, each chain becomes a
    // placeholder that the main parse turns into its query.
    const internal::SideParser parse_side =
        [&](absl::string_view side) -> absl::StatusOr<Xapian::Query> {
      try {
        Xapian::Query parsed =
            state_->parser.parse_query(internal::XapianQueryText(side), kParserFlags);
        const std::string case_start = schema::CaseTerm("");
        for (auto it = parsed.get_unique_terms_begin(); it != parsed.get_unique_terms_end(); ++it) {
          if (absl::StartsWith(*it, case_start)) {
            return absl::InvalidArgumentError(
                "case: cannot stand beside NEAR or ADJ: acronyms are kept without word "
                "positions; write the word in small letters there (it matches in any case)");
          }
        }
        CollectTypedWords(parsed, state_->parser, rep->typed);
        return internal::ExpandWildcards(parsed, state_->shards, state_->stemmer);
      } catch (const Xapian::QueryParserError& e) {
        return absl::InvalidArgumentError(e.get_msg());
      }
    };
    NEWSGREP_ASSIGN_OR_RETURN(const std::string rewritten,
                              internal::RewriteProximity(query_text, parse_side, &rep->proximity));
    for (size_t id = 0; id < rep->proximity.size(); ++id) {
      proximity_queries.push_back(internal::ProximityQuery(rep->proximity[id], id, state_->budget));
    }
    rep->query = internal::WithProximityQueries(
        state_->parser.parse_query(internal::XapianQueryText(rewritten, /*acronyms=*/true),
                                   kParserFlags),
        proximity_queries);
    CollectTypedWords(rep->query, state_->parser, rep->typed);
    searchable = HasSearchableWords(rep->query, state_->parser);
    rep->field_boosts = FieldBoosts(rep->query, state_->parser);
    NEWSGREP_ASSIGN_OR_RETURN(
        rep->query, internal::ExpandWildcards(rep->query, state_->shards, state_->stemmer));
  } catch (const Xapian::QueryParserError& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot parse query \"", query_text, "\": ", e.get_msg()));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("parsing query \"", query_text, "\""));
  }
  if (rep->query.empty() || !searchable) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query \"", query_text, "\" has no searchable words (only stopwords or punctuation)"));
  }
  rep->highlight = internal::HighlightPlan(rep->query, rep->proximity, proximity_queries);
  ParsedQuery parsed;
  parsed.rep_ = std::move(rep);
  return parsed;
}

absl::StatusOr<SearchResults> Searcher::Search(absl::string_view query_text,
                                               const SearchOptions& options) {
  NEWSGREP_ASSIGN_OR_RETURN(const ParsedQuery parsed, Parse(query_text));
  return Search(parsed, options);
}

absl::StatusOr<SearchResults> Searcher::Search(const ParsedQuery& parsed,
                                               const SearchOptions& options) {
  if (parsed.rep_ == nullptr) return absl::InvalidArgumentError("empty query");
  const internal::ParsedQueryRep& rep = *parsed.rep_;
  const std::string& query_text = rep.text;
  if (options.sort == SortOrder::kRecencyBoosted &&
      !(options.recency_weight >= 0 && options.recency_half_life_days > 0)) {
    return absl::InvalidArgumentError("recency_weight must be >= 0 and recency_half_life_days > 0");
  }
  if (options.time_limit <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("time_limit must be more than 0");
  }
  internal::SearchBudget& budget = *state_->budget;
  budget.Start(options.time_limit);
  const absl::Cleanup stop_budget = [&budget] { budget.Stop(); };
  const auto out_of_time = [&] { return OutOfTime(query_text, options.time_limit); };
  // A DatabaseModifiedError means a writer committed twice while we read: reopen, retry.
  for (int attempt = 0;; ++attempt) {
    try {
      const Xapian::Query query = MatchQuery(rep, options);
      std::vector<Xapian::Query> bonuses = rep.field_boosts;
      if (options.sort == SortOrder::kRecencyBoosted && options.recency_weight > 0) {
        const std::optional<absl::CivilDay> reference = internal::DayOfValue(
            options.recency_reference ? options.recency_reference->TimestampValue()
                                      : state_->db.get_value_upper_bound(schema::kDateSlot));
        if (reference) {
          // The bonus for every match (WithBonuses: only documents the query matches).
          bonuses.push_back(internal::RecencyBonus(state_->db, *reference, options.recency_weight,
                                                   options.recency_half_life_days));
        }
      }
      const Xapian::Query ranked = WithBonuses(query, bonuses);
      Xapian::Enquire enquire(state_->db);
      enquire.set_query(ranked);
      if (options.sort == SortOrder::kNewest) {
        enquire.set_sort_by_value_then_relevance(schema::kTimestampSlot, true);
      } else {
        // Equal scores (copies of one text): the earliest version first, so that it is the
        // one that represents its cluster; sorting by recency, the newest (the bonus is by
        // day: within one, the later article).
        enquire.set_sort_by_relevance_then_value(
            schema::kTimestampSlot,
            options.sort == SortOrder::kRecencyBoosted && options.recency_weight > 0);
      }
      if (options.collapse) enquire.set_collapse_key(schema::kClusterSlot);
      // Facets, timelines and, with collapsing, the exact count are made by a second pass
      // below: this one then only needs the page.
      const bool count_stories = options.exact_count && options.collapse;
      const bool counting_pass =
          count_stories || !options.facets.empty() || options.timeline.has_value();
      const Xapian::doccount check_at_least =
          options.exact_count && !counting_pass ? state_->db.get_doccount() : 0;
      Xapian::MSet mset =
          enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                           static_cast<Xapian::doccount>(options.limit), check_at_least);
      SearchResults results;
      results.total = mset.get_matches_estimated();
      results.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      if (counting_pass) {
        // Xapian's counts after collapsing are bounds even when every match was visited;
        // counting the distinct cluster keys among all matches is exact. (Unranked and
        // uncollapsed: the cheapest pass that visits every match.)
        Xapian::Enquire counter(state_->db);
        counter.set_query(query);
        counter.set_weighting_scheme(Xapian::BoolWeight());
        const internal::MatchCounter::Plan plan{.by_story = options.collapse,
                                                .facets = options.facets,
                                                .dates = options.timeline.has_value()};
        internal::MatchCounter local_counts(plan);
        std::optional<internal::MatchCounter> remote_counts;
        counter.add_matchspy(&local_counts);
        bool through_remote = false;
        try {
          counter.get_mset(0, 0, state_->db.get_doccount());
        } catch (const Xapian::UnimplementedError&) {
          through_remote = true;  // a stock xapian-tcpsrv runs only Xapian's own match spies
        }
        if (budget.Expired()) return out_of_time();
        if (through_remote) {
          // Xapian's own ValueCountMatchSpy, which every server runs, gathers each distinct
          // count record and the number of matches that have it; MatchCounter counts those
          // as it counts documents, so the counts are the local ones. The story count alone
          // needs only the cluster keys, a sixth of the bytes to send.
          remote_counts.emplace(plan);
          const bool clusters_only = options.facets.empty() && !options.timeline;
          Xapian::ValueCountMatchSpy records(clusters_only ? schema::kClusterSlot
                                                           : schema::kCountSlot);
          Xapian::Enquire remote_counter(state_->db);
          remote_counter.set_query(query);
          remote_counter.set_weighting_scheme(Xapian::BoolWeight());
          remote_counter.add_matchspy(&records);
          remote_counter.get_mset(0, 0, state_->db.get_doccount());
          if (budget.Expired()) return out_of_time();
          Xapian::doccount counted = 0;
          for (auto it = records.values_begin(); it != records.values_end(); ++it) {
            remote_counts->Count(clusters_only ? ClusterCountRecord(*it) : *it, it.get_termfreq());
            counted += it.get_termfreq();
          }
          // The spy leaves out documents without the value (none in a sound index).
          if (counted < records.get_total()) {
            remote_counts->Count(clusters_only ? ClusterCountRecord("") : "",
                                 records.get_total() - counted);
          }
        }
        const internal::MatchCounter& counts = remote_counts ? *remote_counts : local_counts;
        if (counts.saw_damaged_record()) {
          return absl::DataLossError(absl::StrCat(
              "searching \"", query_text,
              "\": an article's count record is damaged; check the index (newsgrep check)"));
        }
        results.total = counts.matches();
        results.facets = counts.Facets(options.facet_limit);
        if (options.timeline) {
          NEWSGREP_ASSIGN_OR_RETURN(Timeline timeline, counts.MakeTimeline(*options.timeline));
          results.timeline = std::move(timeline);
        }
        results.total_is_exact = true;
      }
      if (budget.Expired()) return out_of_time();
      size_t rank = options.offset;
      // One memo for the snippets of this page: the same words recur in its hits.
      const Xapian::Stem stems = analysis::MemoisingStemmer();
      // A hit's line comes from its values (the display record and the cluster key); the
      // document data, with the bodies, is read only for snippets.
      const std::vector<Xapian::doccount> by_docid = DocidOrder(mset);
      // Collapsing, the match has read each hit's cluster key already.
      const std::vector<std::string> cluster_ids =
          options.collapse ? CollapseKeys(mset) : ReadValues(mset, by_docid, schema::kClusterSlot);
      const std::vector<std::string> display = ReadValues(mset, by_docid, schema::kDisplaySlot);
      const std::vector<Xapian::doccount> versions = ClusterSizes(state_->db, cluster_ids);
      const std::vector<std::string> data =
          options.snippets ? ReadValues(mset, by_docid, kDocumentData) : std::vector<std::string>();
      results.hits.reserve(mset.size());
      size_t index = 0;
      for (auto it = mset.begin(); it != mset.end(); ++it, ++index) {
        NEWSGREP_ASSIGN_OR_RETURN(StoredArticle stored, DecodeDisplayRecord(display[index]));
        Hit hit;
        hit.cluster_id = cluster_ids[index];
        hit.similar_count = versions[index] > 0 ? versions[index] - 1 : 0;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        if (options.snippets) {
          NEWSGREP_ASSIGN_OR_RETURN(const absl::string_view body, StoredBodyOf(data[index]));
          const absl::string_view text = body.empty() ? absl::string_view(stored.title) : body;
          const std::vector<internal::TextWord> words = internal::SplitWords(text);
          const internal::Snippet snippet = internal::MakeSnippet(
              text, words, rep.highlight.Matched(text, words, stems), options.snippet_length);
          hit.snippet = snippet.text;
          for (const auto& [begin, end] : snippet.highlights) {
            hit.highlights.push_back({begin, end});
          }
          const std::vector<internal::TextWord> title_words = internal::SplitWords(stored.title);
          for (const auto& [begin, end] : internal::MatchedRanges(
                   title_words, rep.highlight.Matched(stored.title, title_words, stems))) {
            hit.title_highlights.push_back({begin, end});
          }
        }
        hit.article = std::move(stored);
        results.hits.push_back(std::move(hit));
      }
      if (options.spelling_suggestions) results.suggestion = Suggest(rep, mset);
      results.missing_shards = state_->missing;
      return results;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) {
        return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
      }
      NEWSGREP_RETURN_IF_ERROR(Reopen());
    } catch (const Xapian::UnimplementedError& e) {
      if (!state_->has_remote) {
        return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
      }
      return absl::UnimplementedError(absl::StrCat(
          "searching \"", query_text,
          "\": a phrase, field phrase, wildcard or OR group beside NEAR/ADJ is checked by "
          "newsgrep's own code, which a stock xapian-tcpsrv cannot run; search the shards' "
          "directories (--db), or put single words beside NEAR/ADJ"));
    } catch (const Xapian::NetworkError& e) {
      // Leaves out the shards that fail (OpenOptions::partial), then searches the rest.
      NEWSGREP_RETURN_IF_ERROR(LeaveOutFailedShards(
          e, absl::StrCat("searching \"", query_text, "\""), /*may_retry=*/attempt < 2));
      if (budget.Expired()) return out_of_time();
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
    }
  }
}

Xapian::Query Searcher::MatchQuery(const internal::ParsedQueryRep& rep,
                                   const SearchOptions& options) {
  Xapian::Query query = rep.query;
  if (options.since) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          internal::SinceFilter(state_->db, options.since->TimestampValue(),
                                                schema::kDateSlot, schema::kTimestampSlot));
  }
  // (A stock xapian-tcpsrv runs no newsgrep class: through remote shards each answer is
  // bounded by OpenOptions::remote_timeout, and the time limit is checked between steps.)
  if (state_->budget->limited() && !state_->has_remote) {
    query = internal::WithinBudget(query, state_->budget);
  }
  return query;
}

absl::Status Searcher::LeaveOutFailedShards(const Xapian::Error& error, absl::string_view context,
                                            bool may_retry) {
  const absl::Status status = internal::XapianErrorToStatus(error, context);
  // The shard the error came from: Xapian names it in the error's context
  // ("remote:tcp(HOST:PORT)"). A failed match also leaves every other remote connection
  // out of step (their answers are unread), so each remote shard is connected afresh; one
  // that cannot be is failing too.
  std::vector<size_t> failed;
  std::vector<absl::Status> reasons;
  const std::string where = error.get_context();
  for (size_t i = 0; i < state_->shards.size(); ++i) {
    const IndexPart& part = state_->parts[i];
    if (part.kind == IndexPart::Kind::kDirectory) continue;
    if (!where.empty() && absl::StartsWith(where, RemoteContext(part))) {
      failed.push_back(i);
      reasons.emplace_back(status.code(), absl::StrCat("shard ", part.name, ": ", error.get_msg()));
      continue;
    }
    absl::StatusOr<Xapian::Database> fresh = OpenPart(part, state_->options);
    if (fresh.ok()) {
      state_->shards[i] = *std::move(fresh);
    } else {
      failed.push_back(i);
      reasons.push_back(fresh.status());
    }
  }
  state_->Rebuild();
  if (failed.empty()) return may_retry ? absl::OkStatus() : status;
  std::vector<std::string> messages;
  for (const absl::Status& reason : reasons) messages.emplace_back(reason.message());
  const absl::Status named(status.code(),
                           absl::StrCat(context, ": ", absl::StrJoin(messages, "; ")));
  if (!state_->options.partial || failed.size() == state_->shards.size()) return named;
  for (size_t k = 0; k < failed.size(); ++k) {
    if (!MayLeaveOut(state_->parts[failed[k]], reasons[k])) return reasons[k];
  }
  for (size_t k = failed.size(); k-- > 0;) {
    const size_t i = failed[k];
    state_->missing.emplace_back(reasons[k].message());
    state_->shards.erase(state_->shards.begin() + static_cast<std::ptrdiff_t>(i));
    state_->parts.erase(state_->parts.begin() + static_cast<std::ptrdiff_t>(i));
  }
  state_->has_remote =
      std::any_of(state_->parts.begin(), state_->parts.end(),
                  [](const IndexPart& p) { return p.kind != IndexPart::Kind::kDirectory; });
  state_->Rebuild();
  return absl::OkStatus();
}

absl::StatusOr<QuoteResults> Searcher::Quotes(absl::string_view query_text,
                                              const SearchOptions& options) {
  NEWSGREP_ASSIGN_OR_RETURN(const ParsedQuery parsed, Parse(query_text));
  const internal::ParsedQueryRep& rep = *parsed.rep_;
  if (options.time_limit <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("time_limit must be more than 0");
  }
  internal::SearchBudget& budget = *state_->budget;
  budget.Start(options.time_limit);
  const absl::Cleanup stop_budget = [&budget] { budget.Stop(); };
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(state_->db);
      enquire.set_query(WithBonuses(MatchQuery(rep, options), rep.field_boosts));
      enquire.set_sort_by_relevance_then_value(schema::kTimestampSlot, false);
      const Xapian::MSet mset =
          enquire.get_mset(0, static_cast<Xapian::doccount>(kMaxQuoteArticles));
      if (budget.Expired()) return OutOfTime(rep.text, options.time_limit);
      QuoteResults results;
      results.articles_read = mset.size();
      results.articles_capped = mset.get_matches_lower_bound() > mset.size();
      const std::vector<std::string> display =
          ReadValues(mset, DocidOrder(mset), schema::kDisplaySlot);
      const internal::QuoteFilter filter(rep.query);
      internal::QuoteCollector collector(options.collapse);
      const Xapian::Stem stemmer = analysis::MemoisingStemmer();
      for (const std::string& value : display) {  // in ranking order
        NEWSGREP_ASSIGN_OR_RETURN(const StoredArticle article, DecodeDisplayRecord(value));
        for (const StoredQuote& quote : article.quotes) {
          if (filter.Matches(quote, stemmer)) collector.Add(article, quote);
        }
      }
      std::vector<QuoteHit> quotes = std::move(collector).Take();
      results.total = quotes.size();
      const size_t begin = std::min(options.offset, quotes.size());
      const size_t end = begin + std::min(options.limit, quotes.size() - begin);
      results.quotes.assign(std::make_move_iterator(quotes.begin() + static_cast<long>(begin)),
                            std::make_move_iterator(quotes.begin() + static_cast<long>(end)));
      results.missing_shards = state_->missing;
      return results;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) {
        return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", rep.text, "\""));
      }
      NEWSGREP_RETURN_IF_ERROR(Reopen());
    } catch (const Xapian::NetworkError& e) {
      NEWSGREP_RETURN_IF_ERROR(LeaveOutFailedShards(e, absl::StrCat("searching \"", rep.text, "\""),
                                                    /*may_retry=*/attempt < 2));
      if (budget.Expired()) return OutOfTime(rep.text, options.time_limit);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", rep.text, "\""));
    }
  }
}

std::string Searcher::Suggest(const internal::ParsedQueryRep& rep, const Xapian::MSet& mset) {
  std::map<std::string, std::string> replacements;  // typed word (lower case) → correction
  const std::string case_start = schema::CaseTerm("");
  for (auto it = rep.query.get_unique_terms_begin(); it != rep.query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (absl::StartsWith(term, case_start)) {
      // An acronym written nowhere in capitals: the word in small letters, when the index
      // has it (an archive that writes "Nato"). Not for the dotted forms (U.N.), whose
      // letters are words of their own to ReplaceWords.
      const std::string lower = absl::AsciiStrToLower(term.substr(case_start.size()));
      // (Not after case:, which takes capitals only.)
      if (mset.get_termfreq(term) == 0 && !absl::StrContains(rep.text, "case:") &&
          !analysis::IsQueryStopword(lower) &&
          absl::StrContains(rep.text, term.substr(case_start.size())) &&
          state_->db.get_termfreq(analysis::StemmedTerm(state_->stemmer, "", lower)) > 0) {
        replacements.emplace(lower, lower);
      }
      continue;
    }
    // Only the terms of words typed (not, say, the many of an expanded wildcard).
    auto typed = rep.typed.find(term);
    if (typed == rep.typed.end()) continue;  // no word as typed to replace
    // The match's statistics hold the frequency of each term of the query (MSet asks the
    // database only for others): no second B-tree lookup, which read a block per term.
    if (mset.get_termfreq(term) > 0) continue;
    std::string prefix, word;
    if (!SplitTerm(term, &prefix, &word)) continue;
    const std::string typed_word = absl::AsciiStrToLower(typed->second);
    if (analysis::IsQueryStopword(typed_word)) continue;
    std::string correction =
        state_->speller.Suggest(state_->db, state_->shards, prefix, typed_word);
    if (!correction.empty()) replacements.emplace(typed_word, std::move(correction));
  }
  if (replacements.empty()) return "";
  return ReplaceWords(rep.text, replacements);
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

absl::StatusOr<std::vector<EntityCount>> Searcher::TopEntities(EntityKind kind, size_t limit) {
  try {
    return internal::CountEntities(state_->db, kind, limit);
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(
        e, absl::StrCat("reading index ", absl::StrJoin(state_->paths, ", ")));
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
