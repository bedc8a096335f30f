//! Flags that stop a check nobody waits for: one per request, set when
//! tower-lsp drops the handler's future (on `$/cancelRequest`), and one per
//! brief version, set when an edit or a close supersedes it. The core's
//! checks read them through `analysis::Cancel` between items.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Sets its flag when dropped. A handler's future holds one, so that the
/// blocking thread it started learns when the future is dropped.
pub struct CancelOnDrop(pub CancelFlag);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}
