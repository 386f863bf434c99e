//! A progress bar on stderr for runs over many files.
//!
//! Takes the paths a run was given and whether to stay quiet; gives a [`Progress`] whose
//! [`Progress::callback`] is what [`crate::extract_paths`] calls once per input read. The bar
//! is drawn only when stderr is a terminal, `--quiet` is off and the run has at least
//! [`MIN_INPUTS`] inputs: a pipe, a log file or a short run never sees it.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::ingest::Input;

/// Below this many inputs a run is quick enough to need no bar.
pub const MIN_INPUTS: usize = 20;

/// A progress bar, or nothing when it would not be seen.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar sized to the inputs `paths` expand to, when stderr is a terminal and not `quiet`.
    /// Counting walks the folders once more (names only, nothing is read or kept).
    pub fn for_paths(paths: &[PathBuf], quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let total = crate::ingest::inputs(paths).filter(Result::is_ok).count();
        Progress::with_total(total, ProgressDrawTarget::stderr())
    }

    /// Draws nothing.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// A bar over `total` inputs drawn to `target` (hidden below [`MIN_INPUTS`]).
    pub fn with_total(total: usize, target: ProgressDrawTarget) -> Progress {
        if total < MIN_INPUTS {
            return Progress::hidden();
        }
        let style = ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} files  {per_sec}  {elapsed_precise} (eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(total as u64), target).with_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// What to hand to [`crate::extract_paths`]: one step per input read.
    pub fn callback(&self) -> impl Fn(&Input) + Sync + '_ {
        move |_input: &Input| {
            if let Some(bar) = &self.bar {
                bar.inc(1);
            }
        }
    }

    /// Inputs counted so far (0 when hidden).
    pub fn position(&self) -> u64 {
        self.bar.as_ref().map_or(0, |b| b.position())
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_inputs_draw_nothing() {
        let p = Progress::with_total(3, ProgressDrawTarget::hidden());
        (p.callback())(&Input::Stdin);
        assert_eq!(p.position(), 0);
    }

    #[test]
    fn many_inputs_count_each_one() {
        let p = Progress::with_total(MIN_INPUTS, ProgressDrawTarget::hidden());
        let step = p.callback();
        for _ in 0..5 {
            step(&Input::Stdin);
        }
        assert_eq!(p.position(), 5);
    }
}
