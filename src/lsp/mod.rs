//! The LSP adapter: protocol types, positions and open documents live here
//! and nowhere else.

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

use tower_lsp_server::{LspService, Server as Transport};

use server::Server;

/// Serves LSP over stdio until the client exits.
pub fn run() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async {
        let log = logging::init();
        let (service, socket) = LspService::build(|client| {
            tokio::spawn(logging::forward(client.clone(), log));
            Server::new(client)
        })
        .custom_method("brief-lsp/documentText", Server::document_text)
        .custom_method("brief-lsp/status", Server::status)
        .custom_method("brief-lsp/documents", Server::documents)
        .finish();
        Transport::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
}
