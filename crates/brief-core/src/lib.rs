//! The pure analysis core of brief-lsp. It knows nothing of LSP, terminals or
//! the file system: corpus files come in as bytes with a path, a brief comes
//! in as text, and results go out as plain data with byte offsets.

pub mod analysis;
pub mod bibliography;
pub mod brief;
pub mod corpus;
pub mod entities;
pub mod figures;
pub mod quotes;
pub mod shared;
pub mod snapshot;
pub mod text;

#[cfg(test)]
mod test_support;
