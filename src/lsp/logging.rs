//! Logs go to stderr and, once the client is there, to its log through
//! `window/logMessage`.

use std::fmt::Write as _;

use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::Client;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Log lines waiting for a client to show them.
pub type LogReceiver = UnboundedReceiver<(MessageType, String)>;

struct ClientLog {
    sender: UnboundedSender<(MessageType, String)>,
}

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl<S: Subscriber> Layer<S> for ClientLog {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        // Only our own events: the transport's own errors (a client gone
        // after `exit`) would otherwise be sent to that client, fail, and
        // log again.
        let target = event.metadata().target();
        if !(target.starts_with("brief_lsp") || target.starts_with("brief_core")) {
            return;
        }
        let level = *event.metadata().level();
        let typ = match level {
            Level::ERROR => MessageType::ERROR,
            Level::WARN => MessageType::WARNING,
            Level::INFO => MessageType::INFO,
            _ => return,
        };
        let mut message = Message(String::new());
        event.record(&mut message);
        let _ = self.sender.send((typ, message.0));
    }
}

/// Installs the subscriber; the receiver is drained by [`forward`] once a
/// client exists. `BRIEF_LSP_LOG` sets the filter (default `info`).
pub fn init() -> LogReceiver {
    let (sender, receiver) = unbounded_channel();
    let filter = || EnvFilter::try_from_env("BRIEF_LSP_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_filter(filter());
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(ClientLog { sender }.with_filter(filter()))
        .try_init();
    receiver
}

pub async fn forward(client: Client, mut receiver: LogReceiver) {
    while let Some((typ, message)) = receiver.recv().await {
        client.log_message(typ, message).await;
    }
}
