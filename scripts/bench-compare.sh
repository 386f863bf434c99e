#!/usr/bin/env bash
# factline dates against chrono-node (npm) and Python's dateparser (pip), side by side in one run,
# on the same generated corpus (bench/gen_corpus.rs).
#
#   scripts/bench-compare.sh                     20 MB corpus; chrono-node gets a 5 MB slice and
#                                                dateparser a 0.5 MB slice (they are much slower)
#   scripts/bench-compare.sh --size 50 --chrono-mb 10 --dateparser-mb 1
#
# Both are installed from their registries into a temporary folder that is removed at the end.
# Every tool gets the text paragraph by paragraph (split on blank lines) with the same reference
# date; all are timed in CPU seconds (user+system), the others inside their own process (startup
# and imports excluded), factline from outside (its startup included). factline also runs on each slice, so the counts compare
# the same bytes; the speed ratio uses factline's MB/s on the whole corpus.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size=20
chrono_mb=5
dateparser_mb=0.5
anchor=2013-09-20
work="$root/target/bench"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --chrono-mb) chrono_mb=$2; shift 2 ;;
    --dateparser-mb) dateparser_mb=$2; shift 2 ;;
    --anchor) anchor=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in node npm python3 rustc cargo; do
  command -v "$tool" > /dev/null || { echo "bench-compare.sh: needs $tool" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$root/scripts/bench-common.sh"
build_all
corpus=$(corpus_text "$size")

# A slice of the corpus of about MB megabytes, ending at a paragraph break.
slice() {
  local mb=$1 out="$tmp/slice-$1.txt"
  python3 - "$corpus" "$out" "$mb" <<'EOF'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
data = open(src, "rb").read(int(mb * 1e6) + 100000)
cut = data.rfind(b"\n\n", 0, int(mb * 1e6))
open(dst, "wb").write(data[: cut + 2 if cut >= 0 else int(mb * 1e6)])
EOF
  echo "$out"
}

echo "installing chrono-node and dateparser into $tmp..." >&2
(cd "$tmp" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund chrono-node > /dev/null)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check dateparser
chrono_version=$(node -p "require('$tmp/node_modules/chrono-node/package.json').version")
dateparser_version=$("$tmp/venv/bin/python" -c 'import dateparser; print(dateparser.__version__)')

cat > "$tmp/chrono.js" <<'EOF'
const fs = require("fs");
const chrono = require(process.argv[2] + "/node_modules/chrono-node");
const text = fs.readFileSync(process.argv[3], "utf8");
const ref = new Date(process.argv[4] + "T12:00:00Z");
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let found = 0;
for (const para of text.split(/\n\s*\n/)) {
  found += chrono.parse(para, ref).length;
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
console.log(`${wall} ${(c.user + c.system) / 1e6} ${found}`);
EOF

cat > "$tmp/dateparser_bench.py" <<'EOF'
import datetime, re, sys, time
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
ref = datetime.datetime.fromisoformat(sys.argv[2] + "T12:00:00")
settings = {"RELATIVE_BASE": ref}
search_dates("warm up on 1 May 2010", languages=["en"], settings=settings)
t0, c0 = time.perf_counter(), time.process_time()
found = 0
for para in re.split(r"\n\s*\n", text):
    if para.strip():
        found += len(search_dates(para, languages=["en"], settings=settings) or [])
print(time.perf_counter() - t0, time.process_time() - c0, found)
EOF

# factline_on FILE -> "wall_seconds cpu_seconds found"
factline_on() {
  local n
  n=$(/usr/bin/time -f "%e %U %S" -o "$tmp/time" "$factline" dates --anchor "$anchor" "$1" | wc -l)
  awk -v n="$n" '{ print $1, $2 + $3, n }' "$tmp/time"
}

bytes() { wc -c < "$1"; }
row() { # name bytes wall_seconds cpu_seconds found factline_mb_per_cpu_s
  awk -v n="$1" -v b="$2" -v w="$3" -v c="$4" -v f="$5" -v ref="$6" 'BEGIN {
    # /usr/bin/time counts in hundredths: below that a speed would be noise.
    speed = (c < 0.02) ? "too short" : sprintf("%.2f", b / 1e6 / c);
    ratio = (ref == "") ? "1" : sprintf("%.0f", ref / (b / 1e6 / c));
    printf "%-16s %9.2f %8.2f %8.2f %10s %9d %11s\n", n, b / 1e6, w, c, speed, f, ratio }'
}
mbs_of() { awk -v b="$1" -v s="$2" 'BEGIN { print b / 1e6 / s }'; }

chrono_slice=$(slice "$chrono_mb")
dp_slice=$(slice "$dateparser_mb")

echo "running..." >&2
read -r f_wall f_cpu f_found < <(factline_on "$corpus")
read -r fc_wall fc_cpu fc_found < <(factline_on "$chrono_slice")
read -r c_wall c_cpu c_found < <(node "$tmp/chrono.js" "$tmp" "$chrono_slice" "$anchor")
read -r fd_wall fd_cpu fd_found < <(factline_on "$dp_slice")
read -r d_wall d_cpu d_found < <("$tmp/venv/bin/python" "$tmp/dateparser_bench.py" "$dp_slice" "$anchor")

f_mbs=$(mbs_of "$(bytes "$corpus")" "$f_cpu")
echo "Date extraction on a generated news-like corpus, anchor $anchor, one core each."
echo "chrono-node $chrono_version (Node $(node --version)), dateparser $dateparser_version ($("$tmp/venv/bin/python" --version))."
printf "%-16s %9s %8s %8s %10s %9s %11s\n" tool "input MB" "wall s" "cpu s" "MB/cpu-s" found "factline x"
row "factline dates" "$(bytes "$corpus")" "$f_wall" "$f_cpu" "$f_found" ""
row "factline dates" "$(bytes "$chrono_slice")" "$fc_wall" "$fc_cpu" "$fc_found" ""
row "chrono-node" "$(bytes "$chrono_slice")" "$c_wall" "$c_cpu" "$c_found" "$f_mbs"
row "factline dates" "$(bytes "$dp_slice")" "$fd_wall" "$fd_cpu" "$fd_found" ""
row "dateparser" "$(bytes "$dp_slice")" "$d_wall" "$d_cpu" "$d_found" "$f_mbs"
echo "Speeds are MB per CPU-second (user+system), steady on a shared machine; wall time beside it."
echo "'factline x' = factline's MB/cpu-s on the whole $size MB divided by the tool's (the others are"
echo "timed inside their process, without startup and imports). chrono-node ran on the first $chrono_mb MB"
echo "and dateparser on the first $dateparser_mb MB (they are slower); factline's rows on those slices"
echo "give its counts on the same bytes (their speed includes process startup)."
