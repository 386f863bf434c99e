# Shared by scripts/bench.sh and scripts/bench-compare.sh (sourced, not run): builds factline
# in release and the corpus generator, and generates corpora under $work, reusing them when
# they are newer than the generator. Expects $root and $work to be set.

# build_all: sets $factline and $gen.
build_all() {
  echo "building factline (release) and the corpus generator..." >&2
  (cd "$root" && cargo build --release --quiet)
  factline="$root/target/release/factline"
  gen="$work/gen_corpus"
  mkdir -p "$work"
  if [[ ! -x "$gen" || "$root/bench/gen_corpus.rs" -nt "$gen" ]]; then
    rustc -O --edition 2021 "$root/bench/gen_corpus.rs" -o "$gen"
  fi
}

# corpus_text MB: prints the path of a single text file of MB megabytes.
corpus_text() {
  local f="$work/corpus-$1MB.txt"
  if [[ ! -s "$f" || "$gen" -nt "$f" ]]; then
    echo "generating $1 MB of text in $f..." >&2
    "$gen" text "$1" "$f"
  fi
  echo "$f"
}

# corpus_articles MB: prints the path of a folder of article files (header block + body).
corpus_articles() {
  local d="$work/articles-$1MB"
  if [[ ! -d "$d" || "$gen" -nt "$d" ]]; then
    echo "generating $1 MB of articles in $d/..." >&2
    rm -rf "$d"
    "$gen" articles "$1" "$d"
  fi
  echo "$d"
}
