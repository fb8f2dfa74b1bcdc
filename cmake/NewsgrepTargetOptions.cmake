# SPDX-License-Identifier: GPL-2.0-or-later
# Per-target compile options: warnings, -Werror and sanitizers are applied to our own
# targets only, never through global CMAKE_CXX_FLAGS.
function(newsgrep_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wno-unused-parameter)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # ABSL_GUARDED_BY and friends are checked by clang only (the fuzz build).
    target_compile_options(${target} PRIVATE -Wthread-safety)
  endif()
  if(NEWSGREP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(NEWSGREP_SANITIZERS)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
      -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
  if(NEWSGREP_FUZZ)
    # Coverage for libFuzzer in every library; only fuzz targets link its main.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
