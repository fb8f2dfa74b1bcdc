// SPDX-License-Identifier: GPL-2.0-or-later
/// @file warc_reader.cc
/// @brief WARC 1.0 / 1.1 files (ISO 28500: what crawlers write, .warc or .warc.gz with one
/// gzip member per record, which InputFile reads as one stream) → articles, read record by
/// record: the memory is one record's, however large the file.
///
/// A `response` record is an HTTP response: a 2xx status with an HTML payload (by its
/// Content-Type, or, without one, by content that opens with markup) is a web page; the
/// payload's chunked transfer coding and gzip / deflate content coding are undone, and the
/// Content-Type's charset wins over the page's own. A `resource` record with an HTML
/// Content-Type is a page as it is. Each page is read as a web page file is
/// (ArticleFromPage) with the record's WARC-Target-URI as its id and url, and its WARC-Date
/// as the date of a page that gives none. Other responses (not HTML, not 2xx) and revisits
/// are reported as ignored (no article, no fault); warcinfo, request and metadata records
/// are the crawl's own bookkeeping and pass silently.
///
/// Damage is read past: a Content-Length that does not end where the next record begins
/// is repaired by reading up to that record; bytes that are no record are skipped to the
/// next "WARC/1." line; a truncated file keeps the records before the cut.
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/readers.h"

namespace newsgrep::internal {
namespace {

using Outcome = InputProblem::Outcome;
constexpr size_t npos = std::string::npos;

// A record's header longer than this is no WARC header (crawlers write well under 4 KB).
constexpr size_t kMaxHeaderBytes = 64 * 1024;

// Where the header lines that open `text` end: the index of the blank line, with
// `*content` set to where what follows it starts; npos when `text` holds no blank line.
// Lines end in CRLF, as the standard says, or LF, as some tools write them.
size_t HeadersEnd(absl::string_view text, size_t* content) {
  const size_t crlf = text.find("\r\n\r\n");
  const size_t lf = text.find("\n\n");
  if (crlf == npos && lf == npos) return npos;
  if (lf != npos && (crlf == npos || lf < crlf)) {
    *content = lf + 2;
    return lf;
  }
  *content = crlf + 4;
  return crlf;
}

// The value of the first header `name` (any case) in the header lines `headers`, white
// space trimmed; "" when there is none.
absl::string_view Header(absl::string_view headers, absl::string_view name) {
  for (absl::string_view line : absl::StrSplit(headers, '\n')) {
    const size_t colon = line.find(':');
    if (colon == npos) continue;
    if (absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(line.substr(0, colon)), name)) {
      return absl::StripAsciiWhitespace(line.substr(colon + 1));
    }
  }
  return "";
}

// A Content-Type's media type, lower case, without parameters: "text/html".
std::string MediaType(absl::string_view content_type) {
  return absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(content_type.substr(0, content_type.find(';'))));
}

// A Content-Type's charset parameter ("text/html; charset=ISO-8859-1" → "ISO-8859-1").
std::string Charset(absl::string_view content_type) {
  for (absl::string_view parameter : absl::StrSplit(content_type, ';')) {
    parameter = absl::StripAsciiWhitespace(parameter);
    if (absl::StartsWithIgnoreCase(parameter, "charset=")) {
      parameter.remove_prefix(8);
      absl::ConsumePrefix(&parameter, "\"");
      absl::ConsumeSuffix(&parameter, "\"");
      return std::string(absl::StripAsciiWhitespace(parameter));
    }
  }
  return "";
}

bool IsHtml(absl::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// Whether `payload` opens with markup: a page whose server named no type.
bool OpensWithMarkup(absl::string_view payload) {
  absl::ConsumePrefix(&payload, "\xEF\xBB\xBF");
  payload = absl::StripLeadingAsciiWhitespace(payload.substr(0, 1024));
  return absl::StartsWith(payload, "<");
}

// The WARC-Target-URI as written, without the angle brackets some writers put round it.
std::string TargetUri(absl::string_view value) {
  if (absl::StartsWith(value, "<") && absl::EndsWith(value, ">")) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

enum class Chunks { kNotChunked, kWhole, kCut };

// Undoes HTTP's chunked transfer coding of `body` into `out`, at most `max` bytes. kCut when
// the chunks end early or exceed `max` (`out` holds what there was); kNotChunked when `body`
// does not open with a chunk size (crawlers often store the body decoded and keep the
// header).
Chunks Dechunk(absl::string_view body, size_t max, std::string& out) {
  out.clear();
  size_t i = 0;
  for (bool first = true;; first = false) {
    const size_t eol = body.find('\n', i);
    if (eol == npos) return first ? Chunks::kNotChunked : Chunks::kCut;
    absl::string_view size_text = body.substr(i, eol - i);
    size_text = absl::StripAsciiWhitespace(size_text.substr(0, size_text.find(';')));
    uint64_t size = 0;
    if (size_text.empty() || size_text.size() > 15 ||
        !std::all_of(size_text.begin(), size_text.end(),
                     [](char c) { return absl::ascii_isxdigit(static_cast<unsigned char>(c)); }) ||
        !absl::SimpleHexAtoi(size_text, &size)) {
      return first ? Chunks::kNotChunked : Chunks::kCut;
    }
    i = eol + 1;
    if (size == 0) return Chunks::kWhole;  // trailers, if any, say nothing of the page
    if (size > body.size() - i || out.size() + size > max) {
      out.append(body.data() + i, std::min<size_t>(body.size() - i, max - out.size()));
      return Chunks::kCut;
    }
    out.append(body.data() + i, size);
    i += size;
    absl::string_view rest = body.substr(i);
    if (!absl::ConsumePrefix(&rest, "\r\n")) absl::ConsumePrefix(&rest, "\n");
    i = body.size() - rest.size();
  }
}

// `body` decompressed: gzip or zlib data, or raw deflate (what some servers send as
// "deflate"); at most `max` bytes (more is an error, a compression bomb).
absl::StatusOr<std::string> Inflate(absl::string_view body, size_t max) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(body[k]); };
  int window = -15;  // raw deflate
  if (body.size() >= 2 && byte(0) == 0x1F && byte(1) == 0x8B) {
    window = 15 + 16;  // gzip
  } else if (body.size() >= 2 && (byte(0) & 0x0F) == 8 && (byte(0) * 256 + byte(1)) % 31 == 0) {
    window = 15;  // zlib
  }
  z_stream z{};
  if (inflateInit2(&z, window) != Z_OK) return absl::InternalError("cannot start zlib");
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(body.size(), UINT32_MAX));
  int code = Z_OK;
  while (code == Z_OK) {
    const size_t old = out.size();
    out.resize(old + 64 * 1024);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    z.avail_out = 64 * 1024;
    code = inflate(&z, Z_NO_FLUSH);
    out.resize(out.size() - z.avail_out);
    if (out.size() > max) {
      inflateEnd(&z);
      return absl::ResourceExhaustedError(
          absl::StrCat("decompresses to more than ", max, " bytes (the limit)"));
    }
    if (code == Z_BUF_ERROR && z.avail_in == 0) break;  // the data ends before its end
  }
  inflateEnd(&z);
  if (code == Z_STREAM_END) return out;
  if (code == Z_BUF_ERROR) return absl::DataLossError("truncated compressed data");
  return absl::DataLossError(
      absl::StrCat("corrupt compressed data (", z.msg != nullptr ? z.msg : "zlib error", ")"));
}

// One record's WARC header fields.
struct RecordHeader {
  std::string type;  // lower case: "response", "resource", …
  std::string uri;
  std::string date;
  std::string content_type;
  uint64_t length = 0;
  bool has_length = false;
  bool segmented = false;  // one part of a record split across several
};

RecordHeader ParseRecordHeader(absl::string_view headers) {
  RecordHeader header;
  header.type = absl::AsciiStrToLower(Header(headers, "WARC-Type"));
  header.uri = TargetUri(Header(headers, "WARC-Target-URI"));
  RepairUtf8(header.uri);  // an id is UTF-8, whatever a crawler wrote
  header.date = std::string(Header(headers, "WARC-Date"));
  header.content_type = std::string(Header(headers, "Content-Type"));
  const absl::string_view length = Header(headers, "Content-Length");
  header.has_length = !length.empty() && absl::SimpleAtoi(length, &header.length);
  header.segmented = !Header(headers, "WARC-Segment-Number").empty();
  return header;
}

// Whether a record starts at `at` in `text`: "WARC/1." and a digit.
bool RecordStartsAt(absl::string_view text, size_t at) {
  return text.substr(at, 7) == "WARC/1." && at + 7 < text.size() &&
         absl::ascii_isdigit(static_cast<unsigned char>(text[at + 7]));
}

// The next record's start at or after `from`, at the start of a line; npos when `text`
// holds none.
size_t NextRecord(absl::string_view text, size_t from) {
  for (size_t at = from; at < text.size(); ++at) {
    at = text.find("WARC/1.", at);
    if (at == npos) return npos;
    if ((at == 0 || text[at - 1] == '\n') && RecordStartsAt(text, at)) return at;
  }
  return npos;
}

// The media type of the payload of a response or resource record whose block starts with
// `start`: the HTTP Content-Type of a response (when its headers are within `start`), the
// record's own of a resource; "" when unknown.
std::string PayloadMediaType(const RecordHeader& header, absl::string_view start) {
  if (header.type != "response") return MediaType(header.content_type);
  if (!absl::StartsWith(start, "HTTP/")) return "";
  size_t body = 0;
  const size_t end = HeadersEnd(start, &body);
  return end == npos ? "" : MediaType(Header(start.substr(0, end), "Content-Type"));
}

// Reads the records of one file.
class WarcReader {
 public:
  WarcReader(const std::string& path, InputFile& file, std::string head,
             const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status)
      : path_(path),
        file_(file),
        buffer_(std::move(head)),
        callbacks_(callbacks),
        limits_(limits),
        status_(status) {}

  void Read() {
    while (status_->ok()) {
      // Records are followed by two CRLFs; tolerate any number of line ends.
      for (;;) {
        while (at_ < buffer_.size() && (buffer_[at_] == '\r' || buffer_[at_] == '\n')) ++at_;
        if (at_ < buffer_.size() || !More()) break;
      }
      if (at_ >= buffer_.size()) break;
      while (buffer_.size() - at_ < 8 && More()) {
      }
      if (!RecordStartsAt(buffer_, at_)) {
        if (!SkipToNextRecord("bytes that are no WARC record")) break;
        continue;
      }
      if (!ReadRecord()) break;
    }
    if (status_->ok() && records_ == 0) {
      callbacks_.on_problem({Outcome::kSkipped, path_, "a WARC file with no records"});
    }
  }

 private:
  // Reads more of the file, first dropping what lies before at_; false at its end (or at a
  // read error, reported).
  bool More() {
    if (eof_) return false;
    buffer_.erase(0, at_);
    base_ += at_;
    at_ = 0;
    const absl::StatusOr<size_t> n = file_.Read(buffer_);
    if (!n.ok()) {
      callbacks_.on_problem(
          {Outcome::kSkipped, At(base_ + buffer_.size()),
           absl::StrCat(n.status().message(), "; the rest of the file was not read")});
      eof_ = true;
      return false;
    }
    eof_ = *n == 0;
    return !eof_;
  }

  std::string At(uint64_t offset) const { return absl::StrCat(path_, ": byte ", offset); }

  // Skips from at_ (where no record starts) to the next record start, reporting `what` was
  // skipped; false when the file ends first.
  bool SkipToNextRecord(absl::string_view what) {
    const uint64_t from = base_ + at_;
    size_t next = NextRecord(buffer_, at_ + 1);
    while (next == npos) {
      // Keep the tail a record's "WARC/1.x" may begin in.
      at_ = std::max(at_, buffer_.size() - std::min<size_t>(buffer_.size() - at_, 8));
      const size_t kept = buffer_.size() - at_;
      if (!More()) break;
      next = NextRecord(buffer_, kept > 0 ? 1 : 0);
    }
    const uint64_t to = next == npos ? base_ + buffer_.size() : base_ + next;
    callbacks_.on_problem(
        {Outcome::kSkipped, At(from),
         absl::StrCat(to - from, " ", what, " skipped",
                      next == npos ? " to the end of the file" : " to the next record")});
    if (next == npos) {
      at_ = buffer_.size();
      return false;
    }
    at_ = next;
    return true;
  }

  // Reads the record at at_; false when the file ends in it.
  bool ReadRecord() {
    size_t content = 0;
    size_t end = npos;
    while ((end = HeadersEnd(absl::string_view(buffer_).substr(at_, kMaxHeaderBytes), &content)) ==
           npos) {
      if (buffer_.size() - at_ > kMaxHeaderBytes || !More()) break;
    }
    ++records_;
    const std::string origin = absl::StrCat(path_, ": record ", records_, " at byte ", base_ + at_);
    if (end == npos) {
      return SkipToNextRecord(eof_ ? "bytes of a record whose header the file cuts"
                                   : "bytes of a record whose header does not end");
    }
    const RecordHeader header = ParseRecordHeader(absl::string_view(buffer_).substr(at_, end));
    if (!header.has_length) {
      callbacks_.on_problem(
          {Outcome::kSkipped, origin, "a record without a valid Content-Length, not read"});
      return SkipToNextRecord("bytes of that record");
    }
    const bool page_record = header.type == "response" || header.type == "resource";
    if (header.length > limits_.max_record_bytes) {
      if (page_record) {
        // Its start says whether it is a page: a large video is no fault.
        while (buffer_.size() - at_ < content + kMaxHeaderBytes && More()) {
        }
        const std::string media = PayloadMediaType(
            header, absl::string_view(buffer_).substr(at_ + content, kMaxHeaderBytes));
        if (!media.empty() && !IsHtml(media)) {
          Ignore(header, origin, absl::StrCat("not a web page (", media, ")"));
        } else {
          callbacks_.on_problem(
              {Outcome::kSkipped, origin,
               absl::StrCat("a ", header.type, " record of ", header.length,
                            " bytes, over the limit (", limits_.max_record_bytes, "), not read")});
        }
      }
      return Discard(content + header.length);
    }
    // The block and the CRLF CRLF after it.
    const size_t want = content + static_cast<size_t>(header.length);
    while (buffer_.size() - at_ < want + 4 && More()) {
    }
    const absl::string_view record = absl::string_view(buffer_).substr(at_);
    absl::string_view block;
    size_t next = want;
    if (EndsCleanly(record, want)) {
      block = record.substr(content, want - content);
    } else {
      // The Content-Length lies: the record ends where the next one begins.
      size_t found = NextRecord(record, content);
      while (found == npos && buffer_.size() - at_ - content <= limits_.max_record_bytes) {
        const size_t searched = buffer_.size() - at_;
        if (!More()) break;
        found = NextRecord(absl::string_view(buffer_).substr(at_),
                           searched - std::min<size_t>(searched, 8));
      }
      const absl::string_view rest = absl::string_view(buffer_).substr(at_);
      if (found == npos && !eof_) {
        // No next record within the limit: the record is not held whole.
        return SkipToNextRecord(
            "bytes of a record whose Content-Length does not end it and that is over the limit");
      }
      next = found == npos ? rest.size() : found;
      block = absl::StripSuffix(rest.substr(content, next - content), "\r\n\r\n");
      const bool cut = found == npos && rest.size() < want;
      if (cut) {
        callbacks_.on_problem(
            {page_record ? Outcome::kSkipped : Outcome::kRepaired, origin,
             absl::StrCat("the file ends inside this record (", rest.size() - content, " of ",
                          header.length, " bytes)", page_record ? ", not indexed" : "")});
        at_ = buffer_.size();
        return false;
      }
      callbacks_.on_problem(
          {Outcome::kRepaired, origin,
           absl::StrCat("its Content-Length says ", header.length, " bytes, but the record holds ",
                        block.size(), ": read up to the next record")});
    }
    ReadBlock(header, block, origin);
    at_ += next;
    return true;
  }

  // Whether `record` holds its block (`want` bytes from its start) followed by the record
  // separator, or the end of the file, or the next record right away.
  bool EndsCleanly(absl::string_view record, size_t want) const {
    if (record.size() < want) return false;
    const absl::string_view after = record.substr(want, 4);
    if (after.empty() || after == "\r\n\r\n" || absl::StartsWith(after, "\n\n")) return true;
    if (eof_ && (after == "\r\n" || after == "\n")) return true;
    return RecordStartsAt(record, want);
  }

  // Passes over `bytes` bytes from at_ without holding them; false when the file ends first.
  bool Discard(uint64_t bytes) {
    while (bytes > buffer_.size() - at_) {
      bytes -= buffer_.size() - at_;
      at_ = buffer_.size();
      if (!More()) return false;
    }
    at_ += static_cast<size_t>(bytes);
    return true;
  }

  // Reports the record at `origin` as holding no article, for the reason `why`.
  void Ignore(const RecordHeader& header, const std::string& origin, absl::string_view why) {
    callbacks_.on_problem({Outcome::kIgnored, origin,
                           absl::StrCat(why, header.uri.empty() ? "" : " (", header.uri,
                                        header.uri.empty() ? "" : ")", ", not indexed")});
  }

  // The article in one record's block, if it holds one.
  void ReadBlock(const RecordHeader& header, absl::string_view block, const std::string& origin) {
    auto ignore = [&](absl::string_view why) { Ignore(header, origin, why); };
    if (header.type == "revisit") return ignore("a revisit record: the page is an earlier one");
    if (header.type != "response" && header.type != "resource") return;
    if (header.segmented) return ignore("one segment of a record split in several");
    absl::string_view payload = block;
    std::string media = MediaType(header.content_type);
    std::string charset = Charset(header.content_type);
    std::string transfer_encoding, content_encoding;
    if (header.type == "response") {
      if (!absl::StartsWith(block, "HTTP/")) {
        return ignore(
            absl::StrCat("not an HTTP response (", media.empty() ? "no type" : media, ")"));
      }
      size_t body = block.size();
      const size_t end = HeadersEnd(block, &body);
      const absl::string_view headers = block.substr(0, end);
      if (end == npos) body = block.size();
      const std::vector<absl::string_view> status_line =
          absl::StrSplit(headers.substr(0, headers.find('\n')), ' ', absl::SkipWhitespace());
      int code = 0;
      if (status_line.size() < 2 || !absl::SimpleAtoi(status_line[1], &code)) {
        callbacks_.on_problem(
            {Outcome::kSkipped, origin, "an HTTP response without a status, not read"});
        return;
      }
      if (code < 200 || code > 299) return ignore(absl::StrCat("HTTP status ", code));
      const absl::string_view content_type = Header(headers, "Content-Type");
      media = MediaType(content_type);
      charset = Charset(content_type);
      transfer_encoding = absl::AsciiStrToLower(Header(headers, "Transfer-Encoding"));
      content_encoding = absl::AsciiStrToLower(Header(headers, "Content-Encoding"));
      payload = block.substr(body);
    }
    if (!IsHtml(media) && !(media.empty() && OpensWithMarkup(payload))) {
      return ignore(absl::StrCat("not a web page (", media.empty() ? "no type" : media, ")"));
    }
    std::string decoded;
    if (absl::StrContains(transfer_encoding, "chunked")) {
      std::string joined;
      switch (Dechunk(payload, limits_.max_text_file_bytes, joined)) {
        case Chunks::kNotChunked:
          break;  // stored decoded
        case Chunks::kCut:
          callbacks_.on_problem({Outcome::kRepaired, origin,
                                 "the chunked HTTP body ends early: read as far as it goes"});
          [[fallthrough]];
        case Chunks::kWhole:
          decoded = std::move(joined);
          payload = decoded;
          break;
      }
    }
    if (content_encoding == "gzip" || content_encoding == "x-gzip" ||
        content_encoding == "deflate") {
      if (!OpensWithMarkup(payload)) {  // else the crawler stored it decoded
        absl::StatusOr<std::string> inflated = Inflate(payload, limits_.max_text_file_bytes);
        if (!inflated.ok()) {
          callbacks_.on_problem({Outcome::kSkipped, origin,
                                 absl::StrCat("its ", content_encoding, "-encoded HTTP body: ",
                                              inflated.status().message(), "; not indexed")});
          return;
        }
        decoded = *std::move(inflated);
        payload = decoded;
      }
    } else if (!content_encoding.empty() && content_encoding != "identity") {
      callbacks_.on_problem({Outcome::kSkipped, origin,
                             absl::StrCat("an HTTP body in the \"", content_encoding,
                                          "\" encoding, which is not read; not indexed")});
      return;
    }
    std::optional<Article> article = ArticleFromPage(
        payload, origin, {std::move(charset), header.date}, callbacks_.on_problem, limits_);
    if (!article) return;
    if (!header.uri.empty()) {
      article->id = header.uri;
      article->url = header.uri;
    } else if (article->id.empty()) {
      article->id = origin;
    }
    *status_ = callbacks_.on_article(*std::move(article));
  }

  const std::string& path_;
  InputFile& file_;
  std::string buffer_;
  const ReadCallbacks& callbacks_;
  const ReadLimits& limits_;
  absl::Status* status_;
  size_t at_ = 0;      // where the next record starts in buffer_
  uint64_t base_ = 0;  // the file's byte (after decompression) buffer_ starts at
  bool eof_ = false;
  size_t records_ = 0;
};

}  // namespace

void ReadWarcFile(const std::string& path, InputFile& file, std::string head,
                  const ReadCallbacks& callbacks, const ReadLimits& limits, absl::Status* status) {
  WarcReader(path, file, std::move(head), callbacks, limits, status).Read();
}

}  // namespace newsgrep::internal
