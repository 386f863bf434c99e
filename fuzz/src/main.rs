//! A coverage-guided fuzzer for factline that runs on the stable toolchain.
//!
//! Takes a target name and its seeds (data/, the temporal corpus, rules/, TimeML fixtures); gives
//! a count of executions, every input that panicked, hung or took over 100 ms (saved under
//! `fuzz/artifacts/<target>/`), and a growing corpus of inputs that reached new code
//! (`fuzz/corpus/<target>/`).
//!
//! cargo-fuzz needs nightly and cargo-afl needs a clang matching rustc's LLVM; neither is
//! available here. Instead scripts/fuzz.sh builds the factline crate with LLVM's
//! SanitizerCoverage inline 8-bit counters (`-C passes=sancov-module`, stable flags) and this
//! binary reads the counters after each run, keeping mutants that light new edges, the way
//! libFuzzer does. Without the instrumentation it still runs, as a blind mutation fuzzer.

mod coverage;
mod mutate;
mod targets;

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mutate::Rng;
use targets::Target;

/// An input slower than this is reported (the bound for every input).
const SLOW: Duration = Duration::from_millis(100);
/// An input still running after this is a hang: saved, then the process aborts.
const HANG: Duration = Duration::from_secs(10);

struct Options {
    target: Target,
    runs: u64,
    seconds: Option<u64>,
    seed: u64,
    root: PathBuf,
    repro: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: factline-fuzz TARGET [--runs N] [--seconds S] [--seed N] [--root DIR]\n       factline-fuzz TARGET --repro FILE...\n\ntargets: {}",
        Target::ALL.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut args = std::env::args().skip(1);
    let Some(target) = args.next().and_then(|t| Target::from_name(&t)) else {
        usage()
    };
    let mut options = Options {
        target,
        runs: 1_000_000,
        seconds: None,
        seed: 1,
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
        repro: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--runs" => options.runs = value().parse().unwrap_or_else(|_| usage()),
            "--seconds" => options.seconds = Some(value().parse().unwrap_or_else(|_| usage())),
            "--seed" => options.seed = value().parse().unwrap_or_else(|_| usage()),
            "--root" => options.root = PathBuf::from(value()),
            "--repro" => {
                options.repro.push(PathBuf::from(value()));
                options.repro.extend(args.by_ref().map(PathBuf::from));
            }
            _ => usage(),
        }
    }
    options
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{location}: {message}")));
    }));
}

/// What the watchdog thread sees of the run in progress.
struct Current {
    input: Mutex<Vec<u8>>,
    started_ms: AtomicU64,
    running: AtomicBool,
}

/// CPU time of this thread: what an input costs, whatever else the shared machine is running
/// (wall time on 2 cores shared by many builds would flag preemption, not slow code).
fn thread_cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec to the pointer it is given.
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.sec as u64, t.nsec as u32)
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

fn save(dir: &Path, prefix: &str, data: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(format!("{prefix}-{:016x}", fnv(data)));
    let _ = std::fs::write(&path, data);
    path
}

fn main() {
    let options = parse_args();
    let target = options.target;
    let name = target.name();
    // Outside the runs a panic is the harness's own failure: the default hook prints it.
    target.prepare(&options.root);
    install_panic_hook();

    if !options.repro.is_empty() {
        let mut failed = false;
        for path in &options.repro {
            let data = std::fs::read(path).unwrap_or_else(|e| {
                eprintln!("{}: {e}", path.display());
                std::process::exit(2)
            });
            let t = thread_cpu();
            let result = panic::catch_unwind(AssertUnwindSafe(|| target.run(&data)));
            let ms = thread_cpu().saturating_sub(t).as_secs_f64() * 1e3;
            match result {
                Ok(()) => println!("{}: ok in {ms:.2} ms CPU", path.display()),
                Err(_) => {
                    failed = true;
                    let msg = LAST_PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_default();
                    println!("{}: PANIC {msg}", path.display());
                }
            }
        }
        std::process::exit(i32::from(failed));
    }

    let artifacts = options.root.join("fuzz/artifacts").join(name);
    let corpus_dir = options.root.join("fuzz/corpus").join(name);
    let mut corpus: Vec<Vec<u8>> = target.seeds(&options.root);
    if let Ok(entries) = std::fs::read_dir(&corpus_dir) {
        let mut saved: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        saved.sort();
        corpus.extend(saved.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let dictionary = mutate::dictionary(&corpus, target.tokens());

    let current = Arc::new(Current {
        input: Mutex::new(Vec::new()),
        started_ms: AtomicU64::new(0),
        running: AtomicBool::new(false),
    });
    let epoch = Instant::now();
    {
        let current = Arc::clone(&current);
        let artifacts = artifacts.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            if !current.running.load(Ordering::Acquire) {
                continue;
            }
            let started = Duration::from_millis(current.started_ms.load(Ordering::Acquire));
            if epoch.elapsed().saturating_sub(started) > HANG {
                let data = current.input.lock().map(|d| d.clone()).unwrap_or_default();
                let path = save(&artifacts, "hang", &data);
                eprintln!(
                    "HANG: {name} ran over {}s on {}",
                    HANG.as_secs(),
                    path.display()
                );
                std::process::exit(3);
            }
        });
    }

    let mut map = coverage::Map::new();
    let instrumented = map.len() > 0;
    let mut rng = Rng::new(options.seed);
    let mut execs: u64 = 0;
    let mut crashes: HashSet<String> = HashSet::new();
    let mut crash_inputs = 0u64;
    let mut slow = 0u64;
    let mut slowest = (Duration::ZERO, Vec::new());
    let deadline = options.seconds.map(|s| epoch + Duration::from_secs(s));
    let mut last_status = Instant::now();
    let seeds = corpus.len();
    let mut queue: Vec<usize> = (0..corpus.len()).collect();
    let max_len = target.max_len();

    eprintln!(
        "{name}: {} seed inputs, {} dictionary tokens, coverage {}",
        seeds,
        dictionary.len(),
        if instrumented {
            format!("on ({} counters)", map.len())
        } else {
            "off (blind mutation: build with scripts/fuzz.sh for feedback)".into()
        }
    );

    let mut input = Vec::with_capacity(max_len);
    loop {
        if execs >= options.runs || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        // The seeds run once as they are, then mutants of the corpus.
        let from_queue = queue.pop();
        input.clear();
        match from_queue {
            Some(i) => input.extend_from_slice(&corpus[i]),
            None => {
                let base = rng.below(corpus.len());
                input.extend_from_slice(&corpus[base]);
                let other = &corpus[rng.below(corpus.len())];
                mutate::havoc(&mut input, other, &dictionary, &mut rng, max_len);
            }
        }
        if let Ok(mut c) = current.input.lock() {
            c.clear();
            c.extend_from_slice(&input);
        }
        map.reset();
        let started = Instant::now();
        let cpu = thread_cpu();
        current
            .started_ms
            .store(epoch.elapsed().as_millis() as u64, Ordering::Release);
        current.running.store(true, Ordering::Release);
        let result = panic::catch_unwind(AssertUnwindSafe(|| target.run(&input)));
        current.running.store(false, Ordering::Release);
        let took = thread_cpu().saturating_sub(cpu);
        let wall = started.elapsed();
        execs += 1;
        if took > slowest.0 {
            slowest = (took, input.clone());
        }
        if took > SLOW {
            slow += 1;
            let path = save(&artifacts, "slow", &input);
            eprintln!(
                "SLOW: {name} took {:.1} ms CPU ({:.1} ms wall) on {}",
                took.as_secs_f64() * 1e3,
                wall.as_secs_f64() * 1e3,
                path.display()
            );
        }
        if result.is_err() {
            crash_inputs += 1;
            let msg = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            // One report per panic site and message shape (digits and quoted input vary).
            let key: String = msg
                .split('`')
                .step_by(2)
                .collect::<String>()
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .take(160)
                .collect();
            if crashes.insert(key) {
                let path = save(&artifacts, "crash", &input);
                eprintln!("CRASH: {name}: {msg}\n  input: {}", path.display());
            }
        }
        if instrumented && map.has_new() && from_queue.is_none() {
            save(&corpus_dir, "cov", &input);
            corpus.push(input.clone());
        }
        if last_status.elapsed() > Duration::from_secs(10) {
            last_status = Instant::now();
            let secs = epoch.elapsed().as_secs_f64();
            eprintln!(
                "#{execs} {:.0}/s corpus {} edges {} crashes {} slow {} slowest {:.2} ms CPU",
                execs as f64 / secs,
                corpus.len(),
                map.seen(),
                crashes.len(),
                slow,
                slowest.0.as_secs_f64() * 1e3
            );
        }
    }
    let secs = epoch.elapsed().as_secs_f64();
    let slowest_path = save(&artifacts, "slowest", &slowest.1);
    println!(
        "target={name} execs={execs} seconds={secs:.0} execs_per_s={:.0} corpus={} seeds={seeds} edges={} crashes={} crash_inputs={crash_inputs} slow_over_100ms={slow} hangs=0 slowest_cpu_ms={:.2} slowest_input={}",
        execs as f64 / secs.max(1e-9),
        corpus.len(),
        map.seen(),
        crashes.len(),
        slowest.0.as_secs_f64() * 1e3,
        slowest_path.display()
    );
    std::process::exit(i32::from(!crashes.is_empty() || slow > 0));
}
