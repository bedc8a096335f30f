//! The server driven in process by `cargo test`: `brief_lsp::lsp::serve` on
//! in-memory pipes, a client written here, and a corpus of one small source
//! file in a temporary folder. The end-to-end suites (pytest-lsp, editors)
//! start the real binary; these keep `server.rs` and the handlers under the
//! Rust test command too.

use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::task::JoinHandle;

const SOURCE: &str = "The river compact was signed in 2019.\n\n\
Officials said the accord “would share the water fairly between the three states” and \
that 40 percent of the flow would stay in the river.\n";

struct Client {
    to_server: DuplexStream,
    from_server: BufReader<DuplexStream>,
    next_id: i64,
    /// Notifications the server sent, in order.
    notifications: Vec<Value>,
    server: JoinHandle<ExitCode>,
    _corpus: tempfile::TempDir,
}

impl Client {
    /// Starts the server on a corpus folder holding `compact2019.txt`, and
    /// initializes it.
    async fn start() -> Client {
        keep_the_cache_in_a_temporary_folder();
        let corpus = tempfile::tempdir().unwrap();
        std::fs::write(corpus.path().join("compact2019.txt"), SOURCE).unwrap();
        let (to_server, server_input) = tokio::io::duplex(1 << 20);
        let (server_output, from_server) = tokio::io::duplex(1 << 20);
        let server = tokio::spawn(brief_lsp::lsp::serve(server_input, server_output, None));
        let mut client = Client {
            to_server,
            from_server: BufReader::new(from_server),
            next_id: 0,
            notifications: Vec::new(),
            server,
            _corpus: corpus,
        };
        let folder = client._corpus.path().display().to_string();
        let init = json!({
            "capabilities": {},
            "initializationOptions": {"briefLsp": {"corpus": [folder]}},
        });
        client.request("initialize", init).await;
        client.notify("initialized", json!({})).await;
        client
    }

    async fn send(&mut self, mut message: Value) {
        // A request without parameters omits them, as JSON-RPC has it.
        if message.get("params") == Some(&Value::Null) {
            message.as_object_mut().unwrap().remove("params");
        }
        let body = serde_json::to_vec(&message).unwrap();
        let head = format!("Content-Length: {}\r\n\r\n", body.len());
        self.to_server.write_all(head.as_bytes()).await.unwrap();
        self.to_server.write_all(&body).await.unwrap();
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.from_server.read_line(&mut line).await.unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.from_server.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Reads until `done` holds of a message; answers the server's own
    /// requests (progress tokens, registrations) with null, and keeps
    /// notifications.
    async fn read_until(&mut self, done: impl Fn(&Value) -> bool) -> Value {
        let read = async {
            loop {
                let message = self.receive().await;
                if done(&message) {
                    return message;
                }
                match (message.get("id"), message.get("method")) {
                    (Some(id), Some(_)) => {
                        let id = id.clone();
                        self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}))
                            .await;
                    }
                    (None, Some(_)) => self.notifications.push(message),
                    _ => {}
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(30), read)
            .await
            .expect("the server answered in time")
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        let answer = self
            .read_until(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
            .await;
        assert!(answer.get("error").is_none(), "{method} failed: {answer}");
        answer["result"].clone()
    }

    async fn wait_ready(&mut self) {
        for _ in 0..300 {
            if self.request("brief-lsp/status", Value::Null).await["state"] == "ready" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the corpus never became ready");
    }

    async fn open(&mut self, text: &str) -> String {
        let uri = "file:///briefs/brief.md".to_string();
        let item = json!({"uri": uri, "languageId": "markdown", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": item}))
            .await;
        uri
    }

    /// The first diagnostics published for `uri` that are not empty.
    async fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let published = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| !d.is_empty())
        };
        if let Some(found) = self.notifications.iter().find(|m| published(m)) {
            return found["params"]["diagnostics"].as_array().unwrap().clone();
        }
        let found = self.read_until(published).await;
        found["params"]["diagnostics"].as_array().unwrap().clone()
    }

    async fn stop(mut self) -> ExitCode {
        self.request("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(Duration::from_secs(10), self.server)
            .await
            .expect("the server exits promptly")
            .unwrap()
    }
}

/// The server stores its index in the user's cache folder; a test's index
/// goes to a folder of its own.
fn keep_the_cache_in_a_temporary_folder() {
    static CACHE: OnceLock<tempfile::TempDir> = OnceLock::new();
    CACHE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        std::env::set_var("XDG_CACHE_HOME", dir.path());
        dir
    });
}

/// The LSP position of `needle` in `text` (ASCII lines, so bytes are
/// UTF-16 units).
fn position_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
    json!({"line": line, "character": column})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_misquote_is_published_with_a_fix_and_the_server_exits_0() {
    let mut client = Client::start().await;
    client.wait_ready().await;
    let brief =
        "# Brief\n\nThe accord “would share the water equally between the three states” [@compact2019].\n";
    let uri = client.open(brief).await;

    let diagnostics = client.diagnostics(&uri).await;
    let codes: Vec<&str> = diagnostics.iter().filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(codes, ["quote-inexact"], "{diagnostics:?}");

    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": diagnostics[0]["range"],
                "context": {"diagnostics": [diagnostics[0]]},
            }),
        )
        .await;
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    let edits = &fix["edit"]["changes"][&uri];
    assert_eq!(edits.as_array().map(Vec::len), Some(1), "{fix}");
    assert_eq!(
        edits[0]["newText"], "would share the water fairly between the three states",
        "{fix}"
    );
    assert_eq!(client.stop().await, ExitCode::SUCCESS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_and_definition_on_a_quote_name_its_source() {
    let mut client = Client::start().await;
    client.wait_ready().await;
    let brief =
        "# Brief\n\nThe accord “would share the water fairly between the three states” [@compact2019].\n";
    let uri = client.open(brief).await;
    let at = json!({"textDocument": {"uri": uri}, "position": position_of(brief, "share the")});

    let hover = client.request("textDocument/hover", at.clone()).await;
    let markdown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("compact2019"), "{hover}");

    let targets = client.request("textDocument/definition", at).await;
    let target = &targets.as_array().expect("a location")[0];
    assert!(
        target["uri"].as_str().unwrap().ends_with("compact2019.txt"),
        "{target}"
    );
    let line = &SOURCE
        .lines()
        .nth(target["range"]["start"]["line"].as_u64().unwrap() as usize);
    let start = target["range"]["start"]["character"].as_u64().unwrap() as usize;
    // The source line has one non-ASCII character (“) before the quote,
    // one UTF-16 unit like every other character before it.
    let chars: String = line.unwrap().chars().skip(start).take(17).collect();
    assert_eq!(chars, "would share the w");
    assert_eq!(client.stop().await, ExitCode::SUCCESS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_key_is_flagged_and_known_keys_complete() {
    let mut client = Client::start().await;
    client.wait_ready().await;
    let brief = "# Brief\n\nAs reported [@nosuchkey2020].\n\nSee [@comp\n";
    let uri = client.open(brief).await;

    let diagnostics = client.diagnostics(&uri).await;
    assert!(
        diagnostics.iter().any(|d| d["code"] == "citation-unknown"),
        "{diagnostics:?}"
    );
    let mut end = position_of(brief, "[@comp");
    end["character"] = json!(end["character"].as_u64().unwrap() + 6);
    let completion = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": end}),
        )
        .await;
    let items = completion
        .get("items")
        .unwrap_or(&completion)
        .as_array()
        .unwrap()
        .clone();
    assert!(items.iter().any(|i| i["label"] == "compact2019"), "{items:?}");
    // Exit without shutdown: the protocol's exit code 1.
    client.notify("exit", Value::Null).await;
    let code = tokio::time::timeout(Duration::from_secs(10), client.server)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(code, ExitCode::from(1));
}
