#!/usr/bin/env bash
# Huge input: does `factline check` on a 1 GB corpus of many files run in bounded memory, show
# progress, and does a killed `timeline -o` leave no half-written output behind?
#
#   scripts/bench-huge.sh                  50 MB vs 1000 MB of articles (one file each)
#   scripts/bench-huge.sh --small 20 --big 200
#   scripts/bench-huge.sh --dir /tmp/fl    where the corpora go (default target/bench)
#   scripts/bench-huge.sh --kill 200       size of the corpus for the kill test (MB)
#
# Prints, per size: files, MB, wall seconds, MB/s, peak RSS (GNU time), claims and findings; then
# the RSS ratio big/small against the 2x bound; the number of progress-bar redraws seen on a
# pseudo-terminal (script(1)); and the kill test: an old output file is in place, `timeline -o`
# is killed with SIGKILL mid-run and at 95% of its run time, and the file must still be the old
# one or the whole new one, never a part (kill times are scaled from the small run). Not a test
# (it takes minutes): run by hand, near a release, and write the figures in the issue note.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
small=50
big=1000
kill=200
work="$root/target/bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --small) small=$2; shift 2 ;;
    --big) big=$2; shift 2 ;;
    --dir) work=$2; shift 2 ;;
    --kill) kill=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-huge.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "bench-huge.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
source "$root/scripts/bench-common.sh"
build_all

declare -A rss secs
printf '%-8s %8s %8s %8s %8s %8s %12s %8s %8s\n' size files MB seconds cpu_s MB/s peak_RSS_MB claims findings
for mb in "$small" "$big"; do
  dir=$(corpus_articles "$mb")
  files=$(find "$dir" -type f | wc -l)
  bytes=$(du -sb "$dir" | cut -f1)
  stats="$work/huge-time.$$"
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$stats" "$factline" check --format json --fail-on never "$dir" \
    > "$work/huge-out.json" 2> "$work/huge-err.txt" || true
  t1=$EPOCHREALTIME
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$stats")
  s=$(echo "$t1 - $t0" | bc -l)
  rss[$mb]=$kb
  secs[$mb]=$s
  counts=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["claims"]; print(len(c) if isinstance(c,list) else c, len(d["findings"]))' "$work/huge-out.json")
  printf '%-8s %8d %8.0f %8.1f %8.1f %8.1f %12.1f %8s %8s\n' "${mb}MB" "$files" \
    "$(echo "$bytes / 1000000" | bc -l)" "$s" "$cpu" "$(echo "$bytes / 1000000 / $s" | bc -l)" \
    "$(echo "$kb / 1024" | bc -l)" $counts
  rm -f "$stats"
done
ratio=$(echo "${rss[$big]} / ${rss[$small]}" | bc -l)
verdict=$(echo "$ratio <= 2" | bc -l)
printf 'peak RSS %s MB / %s MB = %.2fx (bound 2x): %s\n' "$big" "$small" "$ratio" \
  "$([[ $verdict == 1 ]] && echo within || echo OVER)"

# Progress: the bar is drawn only on a terminal; script(1) gives the run one.
dir=$(corpus_articles "$small")
script -qfec "$factline timeline --format csv -o $work/huge-progress.csv $dir" /dev/null \
  > "$work/huge-tty.txt" 2>&1 || true
redraws=$(tr '\r' '\n' < "$work/huge-tty.txt" | grep -c '/' || true)
echo "progress on a terminal (${small} MB): $redraws bar redraws; last: $(tr '\r' '\n' < "$work/huge-tty.txt" | grep '/' | tail -1 | tr -d '\033' | cut -c1-100)"

# Kill test.
dir=$(corpus_articles "$kill")
target="$work/huge-timeline.csv"
for fraction in 0.5 0.95; do
  printf 'old contents\n' > "$target"
  rm -f "$work"/.tmp*
  "$factline" timeline -q --format csv -o "$target" "$dir" 2>/dev/null &
  pid=$!
  sleep "$(echo "${secs[$small]} * $kill / $small * $fraction" | bc -l)"
  kill -KILL "$pid" 2>/dev/null && killed=yes || killed="no (it had finished)"
  wait "$pid" 2>/dev/null || true
  if [[ "$(cat "$target")" == "old contents" ]]; then
    state="the old file, untouched"
  elif head -1 "$target" | grep -q '^date,' && [[ $(tail -c1 "$target" | od -An -c | tr -d ' ') == '\n' ]]; then
    state="a whole new file ($(wc -l < "$target") lines)"
  else
    state="PARTIAL ($(wc -c < "$target") bytes)"
  fi
  strays=$(find "$work" -maxdepth 1 -name '.tmp*' | wc -l)
  echo "kill at ${fraction} of the run: killed $killed; target is $state; $strays stray temp file(s) in the folder"
  rm -f "$work"/.tmp*
done
