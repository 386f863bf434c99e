#!/usr/bin/env bash
# Fuzzes factline on the stable toolchain (see fuzz/src/main.rs).
#
#   scripts/fuzz.sh smoke                 every target for a few seconds (CI)
#   scripts/fuzz.sh run TARGET [RUNS]     one campaign, default 10,000,000 executions
#   scripts/fuzz.sh all [RUNS]            every target, one after the other
#   scripts/fuzz.sh repro TARGET FILE...  re-runs saved inputs (fuzz/artifacts/TARGET/*)
#
# Targets: ingest temporal quantity rules timeml pipeline. The factline crate is built with
# SanitizerCoverage 8-bit counters (stable -C passes=sancov-module, via fuzz/rustc-cov.sh) so the
# fuzzer keeps mutants that reach new code. Crashes, hangs and inputs slower than 100 ms land in
# fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/. Exit status 1 when a run
# found a crash or a slow input, 3 on a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TARGET_DIR="$root/fuzz/target"
export RUSTC_WRAPPER="$root/fuzz/rustc-cov.sh"
bin="$CARGO_TARGET_DIR/release/factline-fuzz"
targets=(ingest temporal quantity rules timeml pipeline)

build() {
    cargo build --quiet --release --manifest-path fuzz/Cargo.toml
}

case "${1:-}" in
smoke)
    build
    status=0
    for t in "${targets[@]}"; do
        "$bin" "$t" --seconds "${2:-5}" --runs 100000000 || status=1
    done
    exit $status
    ;;
run)
    build
    "$bin" "${2:?target}" --runs "${3:-10000000}" --seed "${SEED:-1}"
    ;;
all)
    build
    status=0
    for t in "${targets[@]}"; do
        "$bin" "$t" --runs "${2:-10000000}" --seed "${SEED:-1}" || status=1
    done
    exit $status
    ;;
repro)
    build
    t="${2:?target}"
    shift 2
    "$bin" "$t" --repro "$@"
    ;;
*)
    sed -n '2,14p' "$0"
    exit 2
    ;;
esac
