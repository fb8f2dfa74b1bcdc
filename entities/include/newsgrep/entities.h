// SPDX-License-Identifier: GPL-2.0-or-later
/// @file entities.h
/// @brief Who is named, where things happen and who said what: quotes (with speakers),
/// people and places found in an article by rules, gazetteers and corpus statistics.
///
/// Example:
///   absl::StatusOr<std::shared_ptr<const newsgrep::EntityResources>> resources =
///       newsgrep::EntityResources::Load();            // once per process (~0.2 s)
///   if (!resources.ok()) return resources.status();
///   newsgrep::ArticleEntities found = newsgrep::ExtractEntities(article, **resources);
///   for (const newsgrep::Quote& q : found.quotes) Use(q.text, q.speaker);
///
/// What is found:
///   - Quotes: text between typographic (“…”, „…“, «…») or straight ("…") double quotes,
///     with nested single quotes kept inside, continued across paragraphs (a paragraph
///     left open and the next one opening again), and top-level ‘…’ of three words or more.
///     Apostrophes (won’t, O’Donnell, ’90s) are not quotes; scare quotes (one or two words,
///     or a short phrase used as a noun: the “coalition of the willing”) are not quotes.
///     Speakers come from the text: `”, X said`, `”, said X` (any speech verb: `”, commented
///     X`), `X said: “`, `X told reporters … “`, `X wrote on X that “`, `according to X`,
///     he/she → the person named just before (also `…, he said, “` after an opening clause
///     and `” in future years, he said`); an unnamed source ("a US defence official told
///     AFP") gives no speaker.
///   - People: capitalised names with news cues (titles such as Gen./Adm./President/
///     Minister/spokesperson, also "Chancellor of the Exchequer"; speech verbs, appositions,
///     initials, bylines, regnal numbers, lists and line-ups, competitors before a country in
///     brackets; given-name lists from the US census as packaged in Debian), then one sense
///     per article: a bare surname later or earlier in the article is the full name, as is a
///     lone family name that opens a two-word name ("Wang Donghai" … "Wang"). Names written
///     as firms ("Merrill Lynch and Co", "analysts at Goldman Sachs") are no people there nor
///     in the corpus. Each person has the name as written and a canonical key that folds
///     spellings and transliterations (name_folding.h).
///   - Places: countries, regions and cities from Debian-packaged gazetteers (iso-codes,
///     libgeonames, tzdata, with tzdata's old spellings such as Kiev for Kyiv); a name that
///     is also a common word (Nice, Reading, Split, Of) needs context ("in Nice", "Nice,
///     France", a dateline, "at" also in capitals); the state after a place ("Jacksonville,
///     Fla."). The dateline place (BRUSSELS:, WASHINGTON (Reuters) -) is recorded
///     separately.
///
/// Thread safety: EntityResources is immutable after loading and may be shared by any
/// number of threads; ExtractEntities and the recognizers are pure functions of their
/// arguments, safe to call concurrently.
#ifndef NEWSGREP_ENTITIES_ENTITIES_H_
#define NEWSGREP_ENTITIES_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgrep/article.h"

namespace newsgrep {

/// Where a mention is: bytes [begin, end) of the article's title or body.
struct TextSpan {
  enum class Field : uint8_t { kTitle, kBody };
  Field field = Field::kBody;
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

/// A person named in the article.
struct Person {
  std::string name;  // the fullest form written, without titles ("Giuseppe Cavo Dragone")
  std::string key;   // canonical key (FoldName of `name`): "giuseppe cavo dragone"
  std::vector<TextSpan> mentions;  // every mention, surname-only ones included, in order
};

enum class LocationKind : uint8_t {
  kCountry,  // a sovereign country or dependency (ISO 3166-1, also former ones)
  kRegion,   // a first-level subdivision: state, province, county (ISO 3166-2, geonames)
  kCity,     // a populated place (geonames, tzdata)
  kArea,     // a continent, sea or named area (Europe, Middle East, West Bank)
  kPlace,    // not in the gazetteers; a place by context only ("in Arbil", "Grace Road")
};
/// "country", "region", "city", "area", "place".
absl::string_view LocationKindName(LocationKind kind);

/// A place named in the article.
struct Location {
  std::string name;       // as first written ("Kiev")
  std::string canonical;  // the gazetteer's name ("Kyiv"); `name` when not in a gazetteer
  std::string key;        // canonical folded to lower-case ASCII words ("kyiv")
  LocationKind kind = LocationKind::kPlace;
  std::string country;               // ISO 3166-1 alpha-2 ("UA") where known
  std::vector<std::string> aliases;  // other names of the same place (Kiev, Kyiv; U.S., USA…)
  std::vector<TextSpan> mentions;
};

/// A quotation in the body.
struct Quote {
  std::string text;         // inside the marks; parts of a quote continued over
                            // paragraphs are joined with "\n\n"
  TextSpan span;            // first to last quoted byte (marks excluded)
  std::string speaker;      // full name as written; "" when unattributed or unnamed
  std::string speaker_key;  // FoldName(speaker), "" when none
};

/// Everything found in one article. Lists are in order of first mention.
struct ArticleEntities {
  std::vector<Person> people;
  std::vector<Location> locations;  // the dateline place included
  Location dateline;                // the dateline's place; name "" when there is none
  std::vector<Quote> quotes;
};

/// Where the data files are. Every path may be missing: extraction then works with less
/// data (Load reports NotFound only when no gazetteer at all could be read).
struct EntityResourcesOptions {
  /// iso-codes JSON (countries, subdivisions, former countries).
  /// Default: /usr/share/iso-codes/json
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  /// tzdata: iso3166.tab (short country names), zone.tab (cities), tzdata.zi (old names).
  /// Default: /usr/share/zoneinfo
  std::string zoneinfo_dir = "/usr/share/zoneinfo";
  /// libgeonames' compiled-in cities (population over ~15,000). Default: true.
  bool geonames = true;
  /// The library opened (dlopen) for them: only loading the gazetteer loads it and GLib,
  /// so a process that does not index does not. Default: libgeonames.so.0 (libgeonames0).
  std::string geonames_library = "libgeonames.so.0";
  /// A word list (wamerican): lower-case entries are common words, so a capitalised
  /// sentence-initial "Reading" is the verb. Default: /usr/share/dict/american-english
  std::string dictionary = "/usr/share/dict/american-english";
  /// libtext-names-perl's module, whose data blocks are the US census given-name and
  /// surname frequency lists. Default: /usr/share/perl5/Text/Names.pm
  std::string census_names = "/usr/share/perl5/Text/Names.pm";
  /// dpkg's status file, for the versions of the packages the data comes from (none where
  /// it is missing). Default: /var/lib/dpkg/status
  std::string dpkg_status = "/var/lib/dpkg/status";
};

/// One data set the resources were loaded from: what identifies the data an index was
/// built with (the indexer records them; `newsgrep check` shows them).
struct DataSource {
  std::string package;  // the Debian package: "iso-codes"
  std::string version;  // its version from dpkg's status file; "" when unknown
  std::string path;     // the file read; for libgeonames "(compiled into libgeonames)"
  uint64_t bytes = 0;   // the file's size; for libgeonames the number of cities
  std::string digest;   // FNV-1a 64 of what was read, 16 hex digits
};

/// `sources` one per line, tab-separated: package, version ("-" when unknown), path, bytes,
/// digest. The form the index keeps under schema::kEntityDataKey.
std::string DescribeDataSources(const std::vector<DataSource>& sources);

/// Gazetteers, name lists and word lists: loaded once, immutable, shared.
class EntityResources {
 public:
  /// Loads everything `options` names. Returns NotFound when neither iso-codes, tzdata
  /// nor geonames data could be read (then nothing would be recognised as a place).
  static absl::StatusOr<std::shared_ptr<const EntityResources>> Load(
      const EntityResourcesOptions& options = {});

  /// The process-wide resources with default options, loaded on first use (thread-safe).
  /// Never null: when loading fails the resources are empty and warnings() says why.
  static std::shared_ptr<const EntityResources> Shared();

  ~EntityResources();
  EntityResources(const EntityResources&) = delete;
  EntityResources& operator=(const EntityResources&) = delete;

  /// Files that could not be read, one message each.
  const std::vector<std::string>& warnings() const;
  /// What was read, in the order read.
  const std::vector<DataSource>& sources() const;
  /// Sizes, for reports: distinct place names, given names, surnames, dictionary words.
  size_t place_name_count() const;
  size_t given_name_count() const;
  size_t surname_count() const;
  size_t dictionary_word_count() const;

  struct Data;  // internal (entities/internal/resources.h)
  const Data& data() const { return *data_; }

 private:
  explicit EntityResources(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

/// Statistics of the corpus being analysed (optional input to extraction): how often each
/// word is written in lower case and capitalised mid-sentence, and the names the rules
/// found with strong cues anywhere in the corpus, so that a surname alone in another
/// article ("Lebed") is still a person. Built in one pass over the corpus; immutable.
class CorpusStatistics {
 public:
  /// Analyses `texts` (each one document) with `resources`.
  static std::shared_ptr<const CorpusStatistics> Build(const std::vector<std::string>& texts,
                                                       const EntityResources& resources);
  ~CorpusStatistics();
  CorpusStatistics(const CorpusStatistics&) = delete;
  CorpusStatistics& operator=(const CorpusStatistics&) = delete;

  struct Data;  // internal
  const Data& data() const { return *data_; }

 private:
  friend class CorpusBlock;
  explicit CorpusStatistics(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

/// The articles whose statistics are gathered together. The indexer reads its input in
/// blocks, in input order: a block ends after kMaxArticles articles or once its bodies hold
/// kMaxBytes bytes, and at the end of the input; every article of a block is then analysed
/// with the statistics of its whole block (bodies as read, before cleaning). A corpus
/// smaller than a block is one block; `newsgrep eval ner` blocks its documents the same
/// way, so that what it measures is what the index gets.
///
/// Why blocks and not the whole index: statistics over earlier articles kept in the index
/// would make an article's entities depend on what was indexed before it and would need a
/// shared, growing table; a block is deterministic, bounded in memory, and gathered on the
/// reading thread while the analysis threads finish the articles of the previous block
/// still in flight (on 2,000 Reuters-21578 articles,
/// gathering is 6 % of the instructions indexing executes).
class CorpusBlock {
 public:
  static constexpr size_t kMaxArticles = 2000;
  static constexpr size_t kMaxBytes = size_t{16} << 20;

  /// Adds `article` to the block. Returns true when the block is now full: take it.
  bool Add(Article article);
  bool empty() const { return articles_.empty(); }

  struct Taken {
    std::vector<Article> articles;                       // in the order added
    std::shared_ptr<const CorpusStatistics> statistics;  // over their bodies
  };
  /// The articles added since the last Take, with statistics over their bodies (none when
  /// `resources` is null: entities are not extracted); the block is empty afterwards.
  Taken Take(const EntityResources* resources);
  Taken Take(const EntityResources& resources) { return Take(&resources); }

 private:
  std::vector<Article> articles_;
  size_t bytes_ = 0;
};

/// Finds quotes, people and places in `article` (title and body; dateline from
/// Article::dateline or the start of the body). `corpus` may be null.
ArticleEntities ExtractEntities(const Article& article, const EntityResources& resources,
                                const CorpusStatistics* corpus = nullptr);

/// Quotation marks only, without speakers: the spans of `text` that are quotations
/// (rules above). Used by ExtractEntities; exposed for tests and tools.
class QuoteExtractor {
 public:
  struct Span {
    size_t open = 0;       // byte offset of the opening mark
    size_t begin = 0;      // first quoted byte
    size_t end = 0;        // one past the last quoted byte
    size_t close_end = 0;  // one past the closing mark
    std::string text;      // the quoted words (continued paragraphs joined with "\n\n")
  };
  static std::vector<Span> Find(absl::string_view text);
};

/// A person or place mention found in a text, for the recognizers' direct use.
struct EntityMention {
  size_t begin = 0;
  size_t end = 0;
  std::string text;  // as written
  std::string key;   // canonical key of the entity it belongs to
};

/// People in a plain text (one article body), with one-sense-per-article resolution.
class PersonRecognizer {
 public:
  explicit PersonRecognizer(const EntityResources& resources,
                            const CorpusStatistics* corpus = nullptr)
      : resources_(resources), corpus_(corpus) {}
  std::vector<EntityMention> Find(absl::string_view text) const;

 private:
  const EntityResources& resources_;
  const CorpusStatistics* corpus_;
};

/// Places in a plain text (one article body).
class LocationRecognizer {
 public:
  explicit LocationRecognizer(const EntityResources& resources,
                              const CorpusStatistics* corpus = nullptr)
      : resources_(resources), corpus_(corpus) {}
  std::vector<EntityMention> Find(absl::string_view text) const;

 private:
  const EntityResources& resources_;
  const CorpusStatistics* corpus_;
};

}  // namespace newsgrep

#endif  // NEWSGREP_ENTITIES_ENTITIES_H_
