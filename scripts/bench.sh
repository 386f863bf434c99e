#!/usr/bin/env bash
# Benchmark factline on a generated English news-like corpus: MB/s and peak RSS.
#
#   scripts/bench.sh                 dates and check on a 50 MB corpus
#   scripts/bench.sh --size 200      a 200 MB corpus
#   scripts/bench.sh --flat          dates on 10 MB and on 1 GB: peak RSS must stay within 2x
#   scripts/bench.sh --flat --big 4000 --small 10
#
# The corpus comes from bench/gen_corpus.rs (our own templates, deterministic), built with
# rustc; files go to target/bench/ (or --dir DIR) and are reused when already there.
# Not a test: run it by hand, and write the figures in the issue note / README.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size=50
small=10
big=1000
flat=0
anchor=2013-09-20
work="$root/target/bench"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --flat) flat=1; shift ;;
    --small) small=$2; shift 2 ;;
    --big) big=$2; shift 2 ;;
    --anchor) anchor=$2; shift 2 ;;
    --dir) work=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/time ]] || { echo "bench.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
source "$root/scripts/bench-common.sh"
build_all

# measure NAME BYTES CMD... : runs CMD (stdout counted, then dropped), prints one table row.
measure() {
  local name=$1 bytes=$2; shift 2
  local stats="$work/time.$$" out="$work/out.$$"
  local t0 t1 status=0
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$stats" "$@" > "$out" 2> "$work/err.$$" || status=$?
  t1=$EPOCHREALTIME
  local rss cpu lines
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$stats")
  lines=$(wc -l < "$out")
  awk -v n="$name" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v cpu="$cpu" -v rss="$rss" -v l="$lines" -v s="$status" \
    'BEGIN { secs = t1 - t0; if (cpu <= 0) cpu = 0.001;
      printf "%-22s %9.1f %8.2f %8.1f %8.2f %9.1f %12.1f %10d %5d\n", n, b / 1e6, secs, b / 1e6 / secs, cpu, b / 1e6 / cpu, rss / 1024, l, s }'
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "  ($name exited $status: $(head -c 300 "$work/err.$$"))" >&2
  fi
  rm -f "$stats" "$out" "$work/err.$$"
}

header() {
  printf "%-22s %9s %8s %8s %8s %9s %12s %10s %5s\n" command "input MB" "wall s" "MB/s" "cpu s" "MB/cpu-s" "peak RSS MB" "out lines" exit
}

bytes_of() { du -sb "$1" | cut -f1; }

echo "factline $("$factline" --version | cut -d' ' -f2) on $(uname -m), $(nproc) cores; anchor $anchor"
if [[ $flat -eq 0 ]]; then
  text=$(corpus_text "$size")
  articles=$(corpus_articles "$size")
  echo "corpus: $text ($size MB, one stream) and $articles/ ($(ls "$articles" | wc -l) articles)"
  echo "dates runs on one core; check reads documents in parallel on all cores. MB/s is input over"
  echo "wall time; MB/cpu-s over user+system CPU time (steadier when the machine is shared)."
  header
  measure "dates" "$(bytes_of "$text")" "$factline" dates --anchor "$anchor" "$text"
  measure "check --format json" "$(bytes_of "$articles")" "$factline" check --format json --fail-on never "$articles"
else
  s=$(corpus_text "$small")
  b=$(corpus_text "$big")
  echo "dates: peak memory as the input grows from $small MB to $big MB"
  header
  row_small=$(measure "dates ($small MB)" "$(bytes_of "$s")" "$factline" dates --anchor "$anchor" "$s")
  echo "$row_small"
  row_big=$(measure "dates ($big MB)" "$(bytes_of "$b")" "$factline" dates --anchor "$anchor" "$b")
  echo "$row_big"
  rss_small=$(awk '{print $(NF-2)}' <<< "$row_small")
  rss_big=$(awk '{print $(NF-2)}' <<< "$row_big")
  awk -v a="$rss_small" -v b="$rss_big" 'BEGIN {
    r = b / a; printf "peak RSS ratio %s MB / %s MB input: %.2f (flat means <= 2)\n", "'"$big"'", "'"$small"'", r;
    exit (r <= 2 ? 0 : 1) }'
fi
