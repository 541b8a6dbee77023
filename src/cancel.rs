//! Cooperative cancellation for long calls.
//!
//! The all-pairs loops (similarity matrices, neighbours, relate) take a [`Cancel`] and poll
//! it once a row; when it is set they skip the remaining rows, and the caller, who set it,
//! throws the partial result away. The Python binding sets it on Ctrl-C, so an interrupt
//! lands within one row of work instead of at the end of the call.

use std::sync::atomic::{AtomicBool, Ordering};

/// A flag a caller sets to ask a running computation to stop early.
#[derive(Debug, Default)]
pub struct Cancel(AtomicBool);

static NEVER: Cancel = Cancel::new();

impl Cancel {
    pub const fn new() -> Self {
        Cancel(AtomicBool::new(false))
    }

    /// A flag nobody sets: for callers that never cancel.
    pub fn never() -> &'static Cancel {
        &NEVER
    }

    /// Ask the computation to stop; its result is then incomplete and must be discarded.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
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
}
