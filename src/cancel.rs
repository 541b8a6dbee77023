//! Cooperative cancellation for long calls.
//!
//! The all-pairs loops (similarity matrices, neighbours, relate) take a [`Cancel`] and poll
//! it once a row; when it is set they skip the remaining rows, and the caller, who set it,
//! throws the partial result away. The Python binding sets it on Ctrl-C, so an interrupt
//! lands within one row of work instead of at the end of the call.
//!
//! The same object carries how far the computation is: a pipeline splits its work into
//! phases of a given share ([`Cancel::begin_phase`]) and its loops [`Cancel::tick`] the units
//! of the current phase they finish; the binding reads [`Cancel::fraction_done`] to move a
//! progress bar.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// A flag a caller sets to ask a running computation to stop early, and how far it is.
#[derive(Debug, Default)]
pub struct Cancel {
    flag: AtomicBool,
    /// The share of the work in finished phases, and the current phase's share (f64 bits).
    before: AtomicU64,
    share: AtomicU64,
    /// The current phase's units, and those done.
    units: AtomicUsize,
    done: AtomicUsize,
}

static NEVER: Cancel = Cancel::new();

impl Cancel {
    pub const fn new() -> Self {
        Cancel {
            flag: AtomicBool::new(false),
            before: AtomicU64::new(0),
            share: AtomicU64::new(0),
            units: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
        }
    }

    /// Start a phase of `units` units that is `share` of the whole work (the shares of a
    /// computation's phases add up to 1); the previous phase counts as finished. Called by
    /// the one thread that drives the phases, between parallel loops.
    pub fn begin_phase(&self, share: f64, units: usize) {
        let before = f64::from_bits(self.before.load(Ordering::Relaxed))
            + f64::from_bits(self.share.load(Ordering::Relaxed));
        self.done.store(0, Ordering::Relaxed);
        self.units.store(units, Ordering::Relaxed);
        self.before
            .store(before.min(1.0).to_bits(), Ordering::Relaxed);
        self.share.store(share.to_bits(), Ordering::Relaxed);
    }

    /// `n` more units of the current phase are done (from any thread).
    pub fn tick(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// The share of the work done, 0 to 1 (0 before any phase begins).
    pub fn fraction_done(&self) -> f64 {
        let units = self.units.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(units);
        let within = if units == 0 {
            0.0
        } else {
            done as f64 / units as f64
        };
        (f64::from_bits(self.before.load(Ordering::Relaxed))
            + f64::from_bits(self.share.load(Ordering::Relaxed)) * within)
            .clamp(0.0, 1.0)
    }

    /// A flag nobody sets: for callers that never cancel.
    pub fn never() -> &'static Cancel {
        &NEVER
    }

    /// Ask the computation to stop; its result is then incomplete and must be discarded.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Cancel;

    #[test]
    fn set_once_seen_everywhere() {
        let c = Cancel::new();
        assert!(!c.is_cancelled() && !Cancel::never().is_cancelled());
        c.cancel();
        assert!(c.is_cancelled());
    }

    #[test]
    fn phases_add_up_to_the_whole() {
        let c = Cancel::new();
        assert!(c.fraction_done().abs() < 1e-12);
        c.begin_phase(0.5, 4);
        c.tick(2);
        assert!((c.fraction_done() - 0.25).abs() < 1e-12);
        c.tick(5); // more than the phase's units: the phase is done, no more
        assert!((c.fraction_done() - 0.5).abs() < 1e-12);
        c.begin_phase(0.5, 0); // an empty phase counts nothing until the next begins
        assert!((c.fraction_done() - 0.5).abs() < 1e-12);
        c.begin_phase(0.0, 0);
        assert!((c.fraction_done() - 1.0).abs() < 1e-12);
    }
}
