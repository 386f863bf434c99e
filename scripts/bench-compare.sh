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
# date; the others are timed inside their own process (startup and imports excluded), factline
# from outside (its startup included). factline also runs on each slice, so the counts compare
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
let found = 0;
for (const para of text.split(/\n\s*\n/)) {
  found += chrono.parse(para, ref).length;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${secs} ${found}`);
EOF

cat > "$tmp/dateparser_bench.py" <<'EOF'
import datetime, re, sys, time
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
ref = datetime.datetime.fromisoformat(sys.argv[2] + "T12:00:00")
settings = {"RELATIVE_BASE": ref}
search_dates("warm up on 1 May 2010", languages=["en"], settings=settings)
t0 = time.perf_counter()
found = 0
for para in re.split(r"\n\s*\n", text):
    if para.strip():
        found += len(search_dates(para, languages=["en"], settings=settings) or [])
print(time.perf_counter() - t0, found)
EOF

# factline_on FILE -> "seconds found"
factline_on() {
  local t0 t1 n
  t0=$EPOCHREALTIME
  n=$("$factline" dates --anchor "$anchor" "$1" | wc -l)
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { print b - a, n }'
}

bytes() { wc -c < "$1"; }
row() { # name bytes seconds found factline_mbs
  awk -v n="$1" -v b="$2" -v s="$3" -v f="$4" -v ref="$5" 'BEGIN {
    mbs = b / 1e6 / s;
    ratio = (ref == "") ? "1.0" : sprintf("%.0f", ref / mbs);
    printf "%-22s %9.2f %9.2f %10.2f %9d %14s\n", n, b / 1e6, s, mbs, f, ratio }'
}
mbs_of() { awk -v b="$1" -v s="$2" 'BEGIN { print b / 1e6 / s }'; }

chrono_slice=$(slice "$chrono_mb")
dp_slice=$(slice "$dateparser_mb")

echo "running..." >&2
read -r f_secs f_found < <(factline_on "$corpus")
read -r fc_secs fc_found < <(factline_on "$chrono_slice")
read -r c_secs c_found < <(node "$tmp/chrono.js" "$tmp" "$chrono_slice" "$anchor")
read -r fd_secs fd_found < <(factline_on "$dp_slice")
read -r d_secs d_found < <("$tmp/venv/bin/python" "$tmp/dateparser_bench.py" "$dp_slice" "$anchor")

f_mbs=$(mbs_of "$(bytes "$corpus")" "$f_secs")
echo "Date extraction on a generated news-like corpus, anchor $anchor, one core each."
echo "chrono-node $chrono_version (Node $(node --version)), dateparser $dateparser_version ($("$tmp/venv/bin/python" --version))."
printf "%-22s %9s %9s %10s %9s %14s\n" tool "input MB" seconds "MB/s" found "factline x"
row "factline dates" "$(bytes "$corpus")" "$f_secs" "$f_found" ""
row "factline dates" "$(bytes "$chrono_slice")" "$fc_secs" "$fc_found" ""
row "chrono-node" "$(bytes "$chrono_slice")" "$c_secs" "$c_found" "$f_mbs"
row "factline dates" "$(bytes "$dp_slice")" "$fd_secs" "$fd_found" ""
row "dateparser" "$(bytes "$dp_slice")" "$d_secs" "$d_found" "$f_mbs"
echo "'factline x' = factline's MB/s on the whole $size MB divided by the tool's (its steady speed: the"
echo "others are timed without their startup). chrono-node ran on the first $chrono_mb MB and dateparser"
echo "on the first $dateparser_mb MB (they are slower); factline's rows on those slices give its counts"
echo "on the same bytes (their MB/s includes process startup)."
