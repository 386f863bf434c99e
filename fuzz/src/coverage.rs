//! Coverage feedback from SanitizerCoverage's inline 8-bit counters.
//!
//! Takes the counter section LLVM registers at start-up (one byte per edge of the instrumented
//! crate, bumped inline on every pass); gives, after each run, whether the run reached an edge,
//! or an edge's hit-count bucket, never seen before (AFL's buckets: 1, 2, 3, 4-7, 8-15, 16-31,
//! 32-127, 128+).

use std::sync::atomic::{AtomicUsize, Ordering};

static START: AtomicUsize = AtomicUsize::new(0);
static STOP: AtomicUsize = AtomicUsize::new(0);

/// Called by the module constructors LLVM adds to the instrumented crate, before `main`.
///
/// # Safety
/// Called by LLVM's generated code with the bounds of the `__sancov_cntrs` section.
#[no_mangle]
pub unsafe extern "C" fn __sanitizer_cov_8bit_counters_init(start: *mut u8, stop: *mut u8) {
    let (start, stop) = (start as usize, stop as usize);
    if start >= stop {
        return;
    }
    // Every module passes the bounds of the same linker-merged section; keep their union.
    let old = START.load(Ordering::Relaxed);
    if old == 0 || start < old {
        START.store(start, Ordering::Relaxed);
    }
    if stop > STOP.load(Ordering::Relaxed) {
        STOP.store(stop, Ordering::Relaxed);
    }
}

pub struct Map {
    counters: &'static mut [u8],
    /// Bucket bits ever seen, per counter.
    virgin: Vec<u8>,
    seen: usize,
}

fn bucket(count: u8) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        4..=7 => 8,
        8..=15 => 16,
        16..=31 => 32,
        32..=127 => 64,
        128..=255 => 128,
    }
}

impl Map {
    pub fn new() -> Map {
        let (start, stop) = (START.load(Ordering::Relaxed), STOP.load(Ordering::Relaxed));
        let counters: &'static mut [u8] = if start != 0 && stop > start {
            // SAFETY: LLVM gave these bounds of a static section that lives as long as the
            // process; only this thread reads or clears it between runs.
            unsafe { std::slice::from_raw_parts_mut(start as *mut u8, stop - start) }
        } else {
            &mut []
        };
        let len = counters.len();
        Map {
            counters,
            virgin: vec![0; len],
            seen: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.counters.len()
    }

    /// Edges (counters) ever hit.
    pub fn seen(&self) -> usize {
        self.seen
    }

    pub fn reset(&mut self) {
        self.counters.fill(0);
    }

    /// Folds the last run into what has been seen; true when it added anything.
    pub fn has_new(&mut self) -> bool {
        let mut new = false;
        let chunks = self.counters.chunks_exact(8);
        let mut base = 0;
        for chunk in chunks {
            let word = u64::from_ne_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if word != 0 {
                for (k, &c) in chunk.iter().enumerate() {
                    let b = bucket(c);
                    let v = &mut self.virgin[base + k];
                    if b & !*v != 0 {
                        if *v == 0 {
                            self.seen += 1;
                        }
                        *v |= b;
                        new = true;
                    }
                }
            }
            base += 8;
        }
        let rest = self.counters.len() - self.counters.len() % 8;
        for i in rest..self.counters.len() {
            let b = bucket(self.counters[i]);
            if b & !self.virgin[i] != 0 {
                if self.virgin[i] == 0 {
                    self.seen += 1;
                }
                self.virgin[i] |= b;
                new = true;
            }
        }
        new
    }
}
