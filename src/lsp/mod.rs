//! The LSP adapter: protocol types, positions and open documents live here
//! and nowhere else.

mod cancel;
mod capabilities;
mod documents;
mod ext;
mod from_proto;
mod handlers;
mod indexing;
mod logging;
mod position;
mod server;
mod to_proto;
mod transport;

use std::process::ExitCode;

use tower_lsp_server::LspService;

use server::Server;

/// Serves LSP over stdio until the client exits; the exit code is 0 after
/// `shutdown`, else 1. Exits the process without waiting for running checks.
pub fn run() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let code = runtime.block_on(async {
        let log = logging::init();
        let (service, socket) = LspService::build(|client| {
            tokio::spawn(logging::forward(client.clone(), log));
            Server::new(client)
        })
        .custom_method("brief-lsp/documentText", Server::document_text)
        .custom_method("brief-lsp/status", Server::status)
        .custom_method("brief-lsp/documents", Server::documents)
        .finish();
        transport::serve(tokio::io::stdin(), tokio::io::stdout(), service, socket).await
    });
    // Blocking threads may still be checking a brief; the protocol wants
    // the process gone now.
    std::process::exit(if code == ExitCode::SUCCESS { 0 } else { 1 })
}
