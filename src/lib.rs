//! brief-lsp: the language server and command-line adapters around
//! `brief-core`. `load` (with `index_cache` and `live`) is the only file-system code; `lsp` speaks the
//! protocol; `cli` prints for terminals and CI.

pub mod accepted;
pub mod bibliography;
pub mod cli;
pub mod config;
pub mod exclude;
pub mod extract;
pub mod index_cache;
pub mod live;
pub mod load;
#[deny(clippy::print_stdout, clippy::print_stderr)]
pub mod lsp;
pub mod paths;
pub mod read_file;
pub mod workspace;
pub mod written;
