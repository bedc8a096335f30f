//! Stopping work nobody waits for any more. The adapter decides what counts
//! (a cancelled request, a newer version of the brief) and answers the
//! question from another thread's flags; the checks ask it before each
//! quote, figure and unknown key, so that a cancelled check ends within one
//! item's work.

use std::fmt;

/// The work stopped because it was asked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// What a long check asks between items: is the answer still wanted?
#[derive(Clone, Copy)]
pub struct Cancel<'a> {
    asked: &'a (dyn Fn() -> bool + Sync),
}

fn never() -> bool {
    false
}

impl<'a> Cancel<'a> {
    /// For callers that always wait for the answer (`check`, benchmarks).
    pub const NEVER: Cancel<'static> = Cancel { asked: &never };

    /// `asked` returns true once the work should stop; it is called often,
    /// so it should be an atomic load or two.
    pub fn new(asked: &'a (dyn Fn() -> bool + Sync)) -> Cancel<'a> {
        Cancel { asked }
    }

    pub fn check(self) -> Result<(), Cancelled> {
        match (self.asked)() {
            true => Err(Cancelled),
            false => Ok(()),
        }
    }
}

impl fmt::Debug for Cancel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cancel")
    }
}
