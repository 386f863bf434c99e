//! Measures ingest alone: discover, read and sentence-split every input given, one thread.
//!
//! Takes paths (files, folders, `-`); prints files, documents, sentences, MB and MB/s.
//! Run: `cargo run --release --example ingest_bench -- DIR` (peak RSS: wrap in `/usr/bin/time -v`).

use std::time::Instant;

use factline::ingest;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let started = Instant::now();
    let mut diagnostics = Vec::new();
    let inputs = ingest::discover(&paths, &mut diagnostics);
    let (mut bytes, mut documents, mut sentences) = (0u64, 0usize, 0usize);
    for input in &inputs {
        if let ingest::Input::File(path) = input {
            bytes += std::fs::metadata(path).map_or(0, |m| m.len());
        }
        ingest::read(
            input,
            &mut |doc| {
                documents += 1;
                sentences += doc
                    .posts
                    .iter()
                    .map(|p| ingest::sentences(p).len())
                    .sum::<usize>();
            },
            &mut diagnostics,
        );
    }
    let seconds = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} inputs {documents} documents {sentences} sentences {mb:.1} MB in {seconds:.2}s = {:.1} MB/s, {} diagnostics",
        inputs.len(),
        mb / seconds,
        diagnostics.len()
    );
}
