//! The framing between stdio and tower-lsp-server.
//!
//! tower-lsp-server's codec ends its input stream after any decode error,
//! so one malformed message (truncated JSON, invalid UTF-8, a lone
//! surrogate escape, a bad `Content-Length`, stray bytes) would end the
//! server. This layer reads stdin itself, frame by frame, and hands the
//! crate only well-formed messages through an in-memory pipe:
//! - a frame without a usable `Content-Length` is skipped up to the next
//!   header; a body that is not UTF-8 or not JSON is answered with a parse
//!   error (-32700, id null); reading goes on either way;
//! - a lone UTF-16 surrogate escape (`"\ud800"`, what JavaScript's
//!   `JSON.stringify` writes for an unpaired surrogate) becomes U+FFFD,
//!   which serde_json would otherwise reject;
//! - a request named `$/…` (which the crate drops unanswered) is answered
//!   MethodNotFound;
//! - `exit`, or stdin closing, ends the process at once (0 after
//!   `shutdown`, else 1), without waiting for running checks.
//!
//! The crate's output is copied to stdout frame by frame, so that the
//! answers written here never land inside one of its messages.

use std::borrow::Cow;
use std::process::ExitCode;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::{ClientSocket, LspService};
use tracing::warn;

use super::server::Server;
use super::span::Spanned;

/// Messages bigger than this are skipped rather than buffered.
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

/// One frame read from the client.
enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable `Content-Length`.
    Bad(String),
    Eof,
}

/// Reads header lines up to the blank line, then the body. Lines that are
/// not headers (stray bytes) are skipped; `Content-Length:` is found even
/// after stray bytes on its line.
async fn read_frame<R: AsyncBufRead + Unpin>(input: &mut R) -> std::io::Result<Frame> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(Frame::Eof);
        }
        let text = String::from_utf8_lossy(&line);
        let trimmed = text.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            match length.take() {
                Some(Ok(n)) => break finish(input, n).await,
                Some(Err(bad)) => return Ok(Frame::Bad(bad)),
                // A blank line between frames.
                None => continue,
            }
        }
        let lower = trimmed.to_ascii_lowercase();
        if let Some(at) = lower.find("content-length:") {
            let value = trimmed[at + "content-length:".len()..].trim();
            length = Some(match value.parse::<usize>() {
                Ok(n) if n <= MAX_MESSAGE_BYTES => Ok(n),
                _ => Err(format!("bad Content-Length `{value}`")),
            });
        }
    }
}

async fn finish<R: AsyncBufRead + Unpin>(input: &mut R, length: usize) -> std::io::Result<Frame> {
    let mut body = vec![0; length];
    match input.read_exact(&mut body).await {
        Ok(_) => Ok(Frame::Body(body)),
        Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof => Ok(Frame::Eof),
        Err(err) => Err(err),
    }
}

/// `text` with each lone surrogate escape replaced by `\ufffd`. Backslashes
/// only occur in JSON strings, so escapes can be read without a parser.
pub fn repair_lone_surrogates(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = text.get(at + 2..at + 6)?;
        (bytes.get(at + 1) == Some(&b'u') && bytes[at] == b'\\')
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(code) = unit(i) else {
            i += 2;
            continue;
        };
        let lone = match code {
            0xD800..=0xDBFF => !matches!(unit(i + 6), Some(0xDC00..=0xDFFF)),
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        let step = if (0xD800..=0xDBFF).contains(&code) && !lone {
            12
        } else {
            6
        };
        if lone {
            let out = out.get_or_insert_with(String::new);
            out.push_str(&text[copied..i]);
            out.push_str("\\ufffd");
            copied = i + 6;
        }
        i += step;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

fn frame(message: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", message.len()).into_bytes();
    out.extend_from_slice(message);
    out
}

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let body = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    frame(body.to_string().as_bytes())
}

/// What to do with one body from the client.
enum Verdict {
    /// Pass it on (repaired), noting its method.
    Forward(Vec<u8>, Option<String>),
    /// Answer it here.
    Answer(Vec<u8>),
}

fn judge(body: Vec<u8>) -> Verdict {
    let text = match String::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            return Verdict::Answer(error_response(Value::Null, -32700, format!("Parse error: {err}")))
        }
    };
    let repaired = repair_lone_surrogates(&text);
    let value: Value = match serde_json::from_str(&repaired) {
        Ok(value) => value,
        Err(err) => {
            return Verdict::Answer(error_response(Value::Null, -32700, format!("Parse error: {err}")))
        }
    };
    let method = value.get("method").and_then(Value::as_str).map(str::to_string);
    if let (Some(m), Some(id)) = (&method, value.get("id")) {
        if m.starts_with("$/") {
            return Verdict::Answer(error_response(
                id.clone(),
                -32601,
                format!("Method not found: {m}"),
            ));
        }
    }
    Verdict::Forward(repaired.into_owned().into_bytes(), method)
}

/// Copies the crate's frames to `out`, with the answers sent on `answers`
/// between them.
async fn write_output<R, W>(server: R, mut out: W, mut answers: mpsc::UnboundedReceiver<Vec<u8>>)
where
    R: tokio::io::AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut server = BufReader::new(server);
    let mut server_open = true;
    loop {
        let bytes = tokio::select! {
            frame_ = read_frame(&mut server), if server_open => match frame_ {
                Ok(Frame::Body(body)) => frame(&body),
                _ => { server_open = false; continue; }
            },
            answer = answers.recv() => match answer {
                Some(bytes) => bytes,
                None if server_open => { continue; }
                None => return,
            },
        };
        if out.write_all(&bytes).await.is_err() || out.flush().await.is_err() {
            return;
        }
    }
}

/// Serves `service` over `input` and `output` until `exit` or the end of
/// input; returns the exit code the protocol asks for.
pub async fn serve<I, O>(input: I, output: O, service: LspService<Server>, socket: ClientSocket) -> ExitCode
where
    I: tokio::io::AsyncRead + Unpin,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (mut to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    tokio::spawn(tower_lsp_server::Server::new(server_input, server_output, socket).serve(Spanned(service)));
    let (answers, answers_rx) = mpsc::unbounded_channel();
    let writer = tokio::spawn(write_output(from_server, output, answers_rx));
    let mut input = BufReader::new(input);
    let mut shutdown = false;
    loop {
        let body = match read_frame(&mut input).await {
            Ok(Frame::Body(body)) => body,
            Ok(Frame::Bad(why)) => {
                warn!("skipped a message: {why}");
                let _ = answers.send(error_response(Value::Null, -32700, format!("Parse error: {why}")));
                continue;
            }
            Ok(Frame::Eof) | Err(_) => break,
        };
        match judge(body) {
            Verdict::Answer(bytes) => {
                warn!("answered a malformed or unknown message");
                let _ = answers.send(bytes);
            }
            Verdict::Forward(bytes, method) => {
                if to_server.write_all(&frame(&bytes)).await.is_err() {
                    break;
                }
                match method.as_deref() {
                    Some("shutdown") => shutdown = true,
                    Some("exit") => break,
                    _ => {}
                }
            }
        }
    }
    // Let answers already made (the one to `shutdown`) reach the client,
    // but wait for no running check.
    drop(answers);
    let _ = tokio::time::timeout(Duration::from_millis(200), writer).await;
    if shutdown {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters_and_pairs_stay() {
        assert_eq!(
            repair_lone_surrogates(r#"{"t":"a\ud800b"}"#),
            r#"{"t":"a\ufffdb"}"#
        );
        assert_eq!(
            repair_lone_surrogates(r#""\udc00\ud83d\ude00""#),
            r#""\ufffd\ud83d\ude00""#
        );
        assert_eq!(repair_lone_surrogates(r#""\\ud800""#), r#""\\ud800""#);
        assert_eq!(repair_lone_surrogates(r#""\ud800"#), r#""\ufffd"#);
        let fixed = repair_lone_surrogates(r#"{"t":"x\ud800"}"#);
        assert!(serde_json::from_str::<Value>(&fixed).is_ok());
    }

    #[tokio::test]
    async fn frames_survive_stray_bytes_and_bad_lengths() {
        let input = b"junk\r\nContent-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}garbageContent-Length: 4\r\n\r\nnull";
        let mut reader = BufReader::new(&input[..]);
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Frame::Bad(_)));
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Frame::Body(b) if b == b"{}"));
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Frame::Body(b) if b == b"null"));
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Frame::Eof));
    }
}
