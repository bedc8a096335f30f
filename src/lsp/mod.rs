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
mod span;
mod state;
mod to_proto;
mod transport;
mod watch;

use std::process::ExitCode;

use tower_lsp_server::LspService;

pub use logging::LogReceiver;
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
        serve(tokio::io::stdin(), tokio::io::stdout(), Some(log)).await
    });
    // Blocking threads may still be checking a brief; the protocol wants
    // the process gone now.
    std::process::exit(if code == ExitCode::SUCCESS { 0 } else { 1 })
}

/// Serves LSP over `input` and `output` until `exit` or the end of input:
/// stdio in [`run`], in-memory pipes in the in-process tests. `log`, when
/// given, is forwarded to the client as `window/logMessage`.
pub async fn serve<I, O>(input: I, output: O, log: Option<logging::LogReceiver>) -> ExitCode
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (service, socket) = LspService::build(|client| {
        if let Some(log) = log {
            tokio::spawn(logging::forward(client.clone(), log));
        }
        Server::new(client)
    })
    .custom_method("brief-lsp/documentText", Server::document_text)
    .custom_method("brief-lsp/status", Server::status)
    .custom_method("brief-lsp/documents", Server::documents)
    .finish();
    transport::serve(input, output, service, socket).await
}
