//! Quotes in the corpus: the skeleton index and lookups over it.

mod index;
mod lookup;
mod skeleton;

pub use index::QuoteIndex;
pub use lookup::{
    find_quote, QueryPart, QuoteLookup, QuoteMatch, QuoteSources, QuoteVerdict, WordDiff, NEAR_THRESHOLD,
};
pub use skeleton::skeleton;
pub(crate) use skeleton::DocSkeleton;

#[cfg(test)]
mod tests;
