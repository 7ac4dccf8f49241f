//! What the build says while it works: on a terminal, a bar of the pages rendered against the
//! total (indicatif); everywhere, one line per phase with its time, which is what CI's log
//! keeps.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub struct Progress {
    started: Instant,
    phase_started: Instant,
    terminal: bool,
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress {
    pub fn new() -> Self {
        Progress {
            started: Instant::now(),
            phase_started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Ends a phase: `site-build: <what> 1.23 s`.
    pub fn phase(&mut self, what: &str) {
        eprintln!(
            "site-build: {what} {:.2} s",
            self.phase_started.elapsed().as_secs_f64()
        );
        self.phase_started = Instant::now();
    }

    /// A bar for `total` items, drawn only on a terminal.
    pub fn bar(&self, total: usize, what: &str) -> ProgressBar {
        let target = if self.terminal {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(total as u64), target);
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        bar.set_message(what.to_owned());
        bar
    }

    pub fn total_seconds(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }
}
