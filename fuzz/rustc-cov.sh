#!/bin/sh
# RUSTC_WRAPPER for the fuzz build: adds SanitizerCoverage inline 8-bit counters to the factline
# crate only (the fuzzer reads them for coverage feedback); every other crate builds as usual.
rustc="$1"
shift
case " $* " in
*" --crate-name factline "*)
    exec "$rustc" "$@" -C passes=sancov-module \
        -C llvm-args=-sanitizer-coverage-level=3 \
        -C llvm-args=-sanitizer-coverage-inline-8bit-counters
    ;;
esac
exec "$rustc" "$@"
