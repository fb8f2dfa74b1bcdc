// SPDX-License-Identifier: GPL-2.0-or-later
/// @file varint.h
/// @brief Unsigned LEB128 varints, as the index's binary records store numbers.
///
/// Thread safety: pure functions.
#ifndef NEWSGREP_SCHEMA_INTERNAL_VARINT_H_
#define NEWSGREP_SCHEMA_INTERNAL_VARINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace newsgrep::internal {

/// Appends `value` to `out`: 7 bits a byte, low bits first, the top bit set on every byte
/// but the last.
inline void PutVarint(uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

/// Reads a varint from the front of `*data` into `*value` and removes it from `*data`.
/// False (and `*data` unspecified) when `*data` ends before the varint does or the varint
/// is longer than 64 bits take.
inline bool GetVarint(absl::string_view* data, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (data->empty()) return false;
    const auto byte = static_cast<unsigned char>(data->front());
    data->remove_prefix(1);
    *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace newsgrep::internal

#endif  // NEWSGREP_SCHEMA_INTERNAL_VARINT_H_
