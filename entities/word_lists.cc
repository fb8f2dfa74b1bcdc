// SPDX-License-Identifier: GPL-2.0-or-later
/// @file word_lists.cc
/// @brief The word lists of the recognizer; what each is for is in internal/word_lists.h.
#include "internal/word_lists.h"

#include <initializer_list>

namespace newsgrep::entities {

WordSet MakeSet(std::initializer_list<absl::string_view> words) { return WordSet(words); }

const WordSet& TitleHeads() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "adm", "admiral",
      "col", "colonel", "lt", "lieutenant", "maj", "capt", "captain", "sgt", "sergeant", "cpl",
      "corporal", "gov", "governor", "sen", "senator", "rep", "representative", "congressman",
      "congresswoman", "rev", "reverend", "fr", "father", "sir", "dame", "lady", "baron",
      "baroness", "rabbi", "imam", "sheikh", "sheik", "ayatollah", "cardinal", "archbishop",
      "bishop", "pope", "king", "queen", "prince", "princess", "emperor", "empress", "sultan",
      "emir", "president", "premier", "chancellor", "minister", "secretary", "chairman",
      "chairwoman", "chairperson", "chair", "spokesman", "spokeswoman", "spokesperson", "mayor",
      "judge", "justice", "ambassador", "envoy", "commissioner", "director", "coach",
      "commander", "cmdr", "marshal", "brigadier", "brig", "inspector", "insp", "detective",
      "det", "superintendent", "supt", "constable", "cllr", "councillor", "councilman",
      "councilwoman", "leader", "sergeant-major", "lt.", "vice-president",
      "vice-chairman", "vice-premier", "speaker", "chief", "counsellor", "adviser", "advisor",
      "major", "ceo", "cfo", "coo"}));
  // clang-format on
  return *kSet;
}

const WordSet& TitleModifiers() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "deputy", "vice", "foreign", "defence", "defense", "prime", "finance", "interior", "home",
      "trade", "economy", "economic", "agriculture", "health", "justice", "energy", "transport",
      "labour", "labor", "press", "chief", "acting", "former", "senior", "junior", "state",
      "federal", "attorney", "supreme", "allied", "joint", "rear", "air", "crown", "grand",
      "executive", "managing", "first", "opposition", "assistant", "associate", "lieutenant",
      "lt", "general", "head", "parliamentary", "education", "culture", "industry",
      "environment", "security", "intelligence", "information", "communications",
      "development", "planning", "treasury", "commerce", "police", "army", "navy", "military",
      "national", "regional", "provincial", "district", "county", "city", "party", "union",
      "team", "club", "white", "house", "majority", "minority", "government", "cabinet",
      "foreign-policy", "economics", "fisheries", "sports", "sport", "tourism", "oil",
      "petroleum", "mines", "water", "housing", "immigration", "social", "welfare", "women",
      "youth", "science", "technology", "digital", "veterans", "homeland", "public",
      "external", "internal", "european", "world", "special", "presidential", "elder",
      "then", "outgoing", "incoming", "interim", "caretaker", "ex", "mr", "mrs", "ms", "dr",
      "gen", "col", "adm", "sen", "rep", "gov", "capt"}));
  // clang-format on
  return *kSet;
}

const WordSet& RoleNouns() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "spokesman", "spokeswoman", "spokesperson", "president", "minister", "secretary",
      "chairman", "chairwoman", "chief", "director", "leader", "coach", "manager", "captain",
      "striker", "midfielder", "defender", "goalkeeper", "forward", "winger", "batsman",
      "bowler", "all-rounder", "pitcher", "skipper", "champion", "team-mate", "teammate",
      "analyst", "economist", "strategist", "trader", "dealer", "correspondent", "reporter",
      "editor", "columnist", "writer", "author", "commentator", "senator", "governor", "mayor",
      "ambassador", "envoy", "general", "admiral", "colonel", "commander", "premier",
      "chancellor", "judge", "lawyer", "attorney", "prosecutor", "actor", "actress", "singer",
      "player", "rider", "driver", "cyclist", "golfer", "runner", "sprinter", "jockey", "boxer",
      "swimmer", "skier", "keeper", "compatriot", "countryman", "challenger", "husband", "wife",
      "son", "daughter", "brother", "widow", "colleague", "founder", "owner", "ceo",
      "professor", "lieutenant", "sergeant", "aide", "adviser", "advisor", "negotiator",
      "mediator", "candidate", "nominee", "warlord", "dissident", "activist", "defendant",
      "officer", "deputy", "counterpart", "successor", "predecessor", "opponent",
      "rival", "partner", "photographer", "playmaker", "centre-back", "full-back",
      "right-back", "left-back", "sweeper", "substitute", "seed", "holder", "winner",
      "runner-up", "veteran", "newcomer", "opener", "spinner", "paceman", "wicketkeeper",
      "wicket-keeper", "scrum-half", "fly-half", "flanker", "quarterback", "outfielder", "infielder", "reliever", "starter",
      "rookie", "homer", "batter", "catcher", "shortstop", "slugger", "manager", "trainer",
      "referee", "umpire", "steward", "chef", "bishop", "cardinal", "pope", "rabbi", "imam",
      "sheikh", "cleric", "novelist", "poet", "painter", "composer", "conductor", "pianist",
      "violinist", "guitarist", "drummer", "producer", "designer", "architect",
      "banker", "financier", "investor", "billionaire", "tycoon", "magnate", "businessman",
      "businesswoman", "entrepreneur", "industrialist", "executive", "lawmaker", "legislator",
      "congressman", "parliamentarian", "deputy", "mp", "politician", "diplomat", "emissary",
      "king", "queen", "prince", "princess", "dictator", "strongman", "rebel", "guerrilla",
      "commando", "soldier", "policeman", "detective", "inspector", "suspect", "gunman",
      "hijacker", "victim", "survivor", "witness", "mother", "father", "sister", "uncle",
      "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "fiancee", "fiance",
      "girlfriend", "boyfriend", "friend", "mr", "mrs", "ms", "dr", "told"}));
  // clang-format on
  return *kSet;
}

const WordSet& OrgHeads() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "inc", "corp", "corporation", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "gmbh", "group",
      "holdings", "bank", "bancorp", "party", "ministry", "council", "committee", "commission",
      "association", "federation", "union", "university", "institute", "institution",
      "centre", "center", "college", "school", "academy", "agency", "organisation",
      "organization", "club", "united", "rovers", "athletic", "athletico", "atletico",
      "wanderers", "albion", "hotspur", "airlines", "airways", "motors", "exchange", "fund",
      "trust", "court", "parliament", "assembly", "congress", "senate", "army", "navy", "force",
      "forces", "police", "command", "office", "department", "service", "services", "news",
      "press", "times", "post", "journal", "herald", "gazette", "tribune", "television", "tv",
      "radio", "foundation", "society", "church", "hospital", "museum", "company", "industries",
      "industry", "securities", "capital", "partners", "systems", "technologies", "technology",
      "energy", "petroleum", "telecom", "communications", "network", "networks", "alliance",
      "coalition", "front", "movement", "league", "team", "cup", "championship",
      "championships", "open", "games", "olympics", "olympic", "prize", "award", "festival",
      "tour", "rally", "board", "authority", "administration", "cabinet", "government",
      "bureau", "secretariat", "headquarters", "staff", "chiefs", "tribunal", "mission",
      "corps", "guard", "guards", "brigade", "regiment", "division", "battalion", "fleet",
      "squadron", "international", "enterprises", "brothers", "bros", "records", "pictures",
      "studios", "steel", "mines", "mining", "chemicals", "pharmaceuticals", "foods", "stores",
      "markets", "index", "reserve", "treasury", "revenue", "customs", "powers", "digital",
      "media", "report", "show", "house", "democrats", "republicans", "conference", "summit",
      "treaty", "accord", "agreement", "act", "bill", "plan", "war", "series", "trophy",
      "classic", "grand", "prix", "marathon", "stakes", "derby", "masters", "invitational",
      "world", "national", "council", "ministries", "consortium", "cartel", "mutual",
      "insurance", "assurance", "investment", "investments", "finance", "financial", "credit",
      "motor", "oil", "gas", "electric", "power", "railways", "railway", "rail", "shipping",
      "lines", "line", "express", "mail", "telegraph", "observer", "independent", "guardian",
      "economist", "review", "weekly", "daily", "agency", "wire", "magazine", "fc", "afc",
      "cf", "sc", "ac", "city", "county", "town", "sporting", "real", "dynamo", "dinamo",
      "spartak", "lokomotiv", "torpedo", "cska", "psv", "ajax", "celtic", "rangers", "villa",
      "forest", "palace", "wednesday", "argyle", "orient", "stanley", "vale", "borough",
      "lions", "tigers", "bears", "bulls", "giants", "jets", "eagles", "cowboys", "yankees",
      "mets", "dodgers", "cubs", "sox", "braves", "pirates", "reds", "royals", "twins",
      "indians", "orioles", "angels", "mariners", "rockies", "padres", "astros", "expos",
      "marlins", "brewers", "cardinals", "phillies", "rays", "blue", "athletics", "warriors",
      "lakers", "celtics", "knicks", "rockets", "spurs", "heat", "magic", "suns", "kings",
      "jazz", "hawks", "nets", "pistons", "pacers", "bucks", "raptors", "grizzlies", "clippers",
      "sonics", "mavericks", "nuggets", "timberwolves", "hornets", "wizards", "cavaliers",
      "blazers", "steelers", "packers", "broncos", "raiders", "chiefs", "dolphins", "patriots",
      "bills", "colts", "oilers", "saints", "falcons", "panthers", "redskins", "seahawks",
      "chargers", "rams", "vikings", "lions", "bengals", "browns", "jaguars", "ravens",
      "sabres", "canucks", "flyers", "penguins", "bruins", "canadiens", "maple", "leafs",
      "oilers", "flames", "islanders", "devils", "capitals", "whalers", "senators", "sharks",
      "stars", "blackhawks", "avalanche", "coyotes", "ducks", "jets", "nordiques", "xi", "dow",
      "star", "spa", "nasdaq", "bancorporation", "plc.", "airport"}));
  // clang-format on
  return *kSet;
}

const WordSet& PlaceSuffixes() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "street", "road", "avenue", "boulevard", "lane", "square", "bridge", "river", "lake",
      "mountain", "mountains", "island", "islands", "isle", "sea", "ocean", "bay", "gulf",
      "valley", "canal", "strait", "straits", "peninsula", "desert", "hill", "hills",
      "heights", "coast", "airport", "stadium", "oval", "province", "region", "county",
      "prefecture", "oblast", "peak", "glacier", "harbour", "harbor", "beach", "falls",
      "springs", "plateau", "basin", "delta", "archipelago", "reef", "gorge", "border",
      "plain", "plains", "highlands", "lowlands", "territory", "territories", "district",
      "park", "garden", "gardens", "circuit", "ground", "arena", "racecourse"}));
  // clang-format on
  return *kSet;
}

const WordSet& PlacePrepositions() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "in", "at", "near", "from", "outside", "across", "around", "throughout", "towards",
      "toward", "via", "into", "northern", "southern", "eastern", "western", "central",
      "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
      "north-western", "south-eastern", "south-western", "visit", "visited", "visiting",
      "entered", "reached", "downtown", "neighbouring", "neighboring", "of", "to"}));
  // clang-format on
  return *kSet;
}

const WordSet& FunctionWords() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "but",
      "or", "nor", "so", "yet", "if", "when", "while", "after", "before", "since", "until",
      "as", "because", "although", "though", "however", "meanwhile", "also", "then", "there",
      "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
      "his", "her", "their", "our", "my", "your", "who", "what", "which", "where", "why",
      "how", "all", "some", "many", "most", "more", "both", "each", "every", "no", "not",
      "one", "two", "three", "earlier", "later", "last", "next", "first", "new", "under",
      "over", "about", "against", "between", "during", "without", "within", "among",
      "according", "speaking", "asked", "despite", "following", "unlike", "like", "only",
      "even", "still", "now", "today", "yesterday", "tomorrow", "here", "such", "other",
      "another", "several", "few", "any", "into", "through", "across", "near", "outside",
      "inside", "around", "instead", "once", "twice", "well", "much", "just", "already"}));
  // clang-format on
  return *kSet;
}

const WordSet& UnknownPlacePrepositions() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "in", "near", "from", "outside", "across", "throughout", "towards", "toward", "via",
      "northern", "southern", "eastern", "western", "central", "northeastern",
      "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
      "south-eastern", "south-western"}));
  // clang-format on
  return *kSet;
}

const WordSet& NameConnectors() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la",
      "le", "bin", "ibn", "al", "el", "ter", "ten", "y", "of", "bint", "ben", "wa"}));
  // clang-format on
  return *kSet;
}

const WordSet& MonthsAndDays() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "christmas", "easter", "ramadan", "god", "allah",
      "internet", "web", "euro", "euros", "dollar", "dollars", "i", "ok", "tv"}));
  // clang-format on
  return *kSet;
}

const WordSet& SpeechVerbs() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote",
      "writes", "posted", "tweeted", "warned", "warns", "declared", "declares", "stated",
      "insisted", "insists", "noted", "notes", "explained", "stressed", "argued", "argues",
      "replied", "responded", "continued", "urged", "acknowledged", "admitted", "announced",
      "claimed", "commented", "complained", "conceded", "confirmed", "cautioned", "countered",
      "predicted", "promised", "recalled", "remarked", "reported", "suggested", "vowed",
      "writing", "saying", "adding", "warning", "telling", "described", "describing", "called",
      "calling", "quoted", "denied", "emphasised", "emphasized", "emphasizing",
      "emphasising", "stressing", "insisting", "noting", "arguing", "according", "criticized",
      "criticised", "praised", "praising", "dismissed", "vowing", "announcing", "declaring",
      "explaining", "telling", "urging", "hoped", "believes", "thinks", "thought", "felt",
      "concluded", "observed", "pointed", "shouted", "yelled", "whispered", "joked",
      "boasted", "lamented", "conceding", "acknowledging", "replying", "responding"}));
  // clang-format on
  return *kSet;
}

const WordSet& SubjectSpeechVerbs() {
  // clang-format off
  static const WordSet* const kSet = new WordSet(MakeSet({
      "said", "says", "told", "added", "wrote", "warned", "declared", "stated", "insisted",
      "noted", "explained", "stressed", "argued", "replied", "urged", "acknowledged",
      "admitted", "announced", "claimed", "commented", "complained", "conceded", "confirmed",
      "cautioned", "predicted", "promised", "recalled", "remarked", "suggested", "vowed",
      "denied", "asked", "tweeted", "posted", "adds", "writes", "continued", "concluded",
      "observed", "responded", "reported", "answered", "quipped"}));
  // clang-format on
  return *kSet;
}

}  // namespace newsgrep::entities
