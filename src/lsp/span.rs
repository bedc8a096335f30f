//! A tracing span around every message the server handles, named by its
//! method: one place gives every handler (requests and notifications alike)
//! its span, so that a log line says which message it belongs to.

use std::task::{Context, Poll};

use tower_lsp_server::jsonrpc::Request;
use tower_service::Service;
use tracing::instrument::Instrumented;
use tracing::{info_span, Instrument};

/// `S` with each call in a span `handle{method=…}`.
pub struct Spanned<S>(pub S);

impl<S: Service<Request>> Service<Request> for Spanned<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = Instrumented<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let span = info_span!("handle", method = request.method());
        let _entered = span.enter();
        // The handler may start work when called, before its future is polled.
        self.0.call(request).instrument(span.clone())
    }
}
