//! Accepted findings: ones the writer has looked at and decided to keep.
//!
//! A team records them in `.brief-lsp/accepted.toml` (committed with the
//! briefs), or a lone brief carries them inline, on the line before:
//! `<!-- brief-lsp: accept figure-unsupported "a reason" -->`. A recorded
//! finding is matched by its code and flagged text, with the words around it
//! to tell copies apart, never by position: it stays silenced when lines
//! move or the paragraph is edited elsewhere, and comes back when the
//! flagged text itself changes.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{Edit, Finding};
use crate::brief::Brief;
use crate::text::TextRange;

/// One entry of `accepted.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The brief's path relative to the project root, with `/`.
    pub brief: String,
    pub code: String,
    /// The flagged text, whitespace folded.
    pub text: String,
    /// Up to four words on each side of it.
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub reason: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
}

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many words on each side of a finding its context keeps.
const CONTEXT_WORDS: usize = 4;

/// The words around `range` on its paragraph's lines (a paragraph ends at a
/// blank line, `\n\n`).
fn context(brief: &Brief, range: TextRange) -> String {
    context_of(&brief.text, range)
}

fn context_of(text: &str, range: TextRange) -> String {
    let start = window_start(text, range.start, CONTEXT_WORDS);
    let end = window_end(text, range.end, CONTEXT_WORDS);
    let before: Vec<&str> = text[start..range.start].split_whitespace().collect();
    let after: Vec<&str> = text[range.end..end].split_whitespace().take(4).collect();
    let before = &before[before.len().saturating_sub(4)..];
    format!("{} … {}", before.join(" "), after.join(" "))
}

/// Where the words before `at` begin: after the last blank line or `words`
/// whole words back, whichever is nearer. Scanning no further keeps many
/// findings in one paragraph linear, not quadratic (issue 15).
fn window_start(text: &str, at: usize, words: usize) -> usize {
    let (mut seen, mut right_is_space, mut right) = (0, true, None);
    for (i, c) in text[..at].char_indices().rev() {
        if c == '\n' && right == Some('\n') {
            return i + 2;
        }
        let space = c.is_whitespace();
        if space && !right_is_space {
            seen += 1;
            if seen == words {
                return i + c.len_utf8();
            }
        }
        (right_is_space, right) = (space, Some(c));
    }
    0
}

/// Where the words after `at` end: at the next blank line or after `words`
/// whole words, whichever is nearer.
fn window_end(text: &str, at: usize, words: usize) -> usize {
    let (mut seen, mut left_is_space, mut left) = (0, true, None);
    for (i, c) in text[at..].char_indices() {
        if c == '\n' && left == Some('\n') {
            return at + i - 1;
        }
        let space = c.is_whitespace();
        if space && !left_is_space {
            seen += 1;
            if seen == words {
                return at + i;
            }
        }
        (left_is_space, left) = (space, Some(c));
    }
    text.len()
}

/// The entry that accepts `finding` of the brief at `brief_path`.
pub fn acceptance_for(brief: &Brief, finding: &Finding, brief_path: &str, date: &str) -> Acceptance {
    Acceptance {
        brief: brief_path.to_string(),
        code: finding.code.as_str().to_string(),
        text: folded(&brief.text[finding.range.start..finding.range.end]),
        context: context(brief, finding.range),
        reason: String::new(),
        date: date.to_string(),
    }
}

/// The share of `a`'s words that `b` has too.
fn overlap(a: &str, b: &str) -> f64 {
    let words: Vec<&str> = a.split_whitespace().filter(|w| *w != "…").collect();
    if words.is_empty() {
        return 1.0;
    }
    let theirs: Vec<&str> = b.split_whitespace().collect();
    words.iter().filter(|w| theirs.contains(w)).count() as f64 / words.len() as f64
}

/// An inline acceptance: the codes it names, the line it applies to, why.
struct InlineAcceptance {
    codes: Vec<String>,
    line_start: usize,
    reason: String,
}

/// `<!-- brief-lsp: accept CODE[, CODE…] ["reason"] -->` lines; each applies
/// to the next line that is not blank.
fn inline_acceptances(brief: &Brief) -> Vec<InlineAcceptance> {
    let text = &brief.text;
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let at = offset;
            offset += l.len();
            (at, l)
        })
        .collect();
    for (i, (_, line)) in lines.iter().enumerate() {
        let Some(body) = line
            .trim()
            .strip_prefix("<!--")
            .and_then(|l| l.strip_suffix("-->"))
        else {
            continue;
        };
        let Some(rest) = body.trim().strip_prefix("brief-lsp:").map(str::trim) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix("accept") else {
            continue;
        };
        let (codes, reason) = match rest.find('"') {
            Some(q) => (&rest[..q], rest[q + 1..].trim_end().trim_end_matches('"')),
            None => (rest, ""),
        };
        let codes: Vec<String> = codes
            .split([',', ' '])
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        let next = lines[i + 1..].iter().find(|(_, l)| !l.trim().is_empty());
        if let Some(&(line_start, _)) = next {
            out.push(InlineAcceptance {
                codes,
                line_start,
                reason: reason.to_string(),
            });
        }
    }
    out
}

/// Splits findings into those still shown and those accepted, the latter
/// with how they were accepted. `accepted` holds the file's entries for this
/// brief.
pub fn apply_acceptances(
    brief: &Brief,
    findings: Vec<Finding>,
    accepted: &[Acceptance],
) -> (Vec<Finding>, Vec<(Finding, String)>) {
    let inline = inline_acceptances(brief);
    let line_start = |offset: usize| brief.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let texts: Vec<String> = findings
        .iter()
        .map(|f| folded(&brief.text[f.range.start..f.range.end]))
        .collect();
    // How many findings share each text and code, counted once: a brief
    // may draw thousands.
    let mut copies_of: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    for (text, finding) in texts.iter().zip(&findings) {
        *copies_of.entry((text, finding.code.as_str())).or_default() += 1;
    }
    let mut shown = Vec::new();
    let mut silenced = Vec::new();
    for (i, finding) in findings.iter().enumerate() {
        let code = finding.code.as_str();
        let by_comment = inline
            .iter()
            .find(|a| a.line_start == line_start(finding.range.start) && a.codes.iter().any(|c| c == code));
        if let Some(a) = by_comment {
            silenced.push((finding.clone(), format!("accepted inline: {}", a.reason)));
            continue;
        }
        let copies = copies_of[&(texts[i].as_str(), code)];
        let here = context(brief, finding.range);
        let by_file = accepted.iter().find(|a| {
            a.code == code && a.text == texts[i] && (copies == 1 || overlap(&a.context, &here) >= 0.5)
        });
        match by_file {
            Some(a) => silenced.push((finding.clone(), format!("accepted {}: {}", a.date, a.reason))),
            None => shown.push(finding.clone()),
        }
    }
    (shown, silenced)
}

/// The edit that accepts `finding` inline: a comment line before its line,
/// ended as that line is (`\r\n` in a CRLF brief).
pub fn inline_acceptance_edit(brief: &Brief, finding: &Finding) -> Edit {
    let start = brief.text[..finding.range.start].rfind('\n').map_or(0, |i| i + 1);
    let line = &brief.text[start..];
    let line = &line[..line.find('\n').map_or(line.len(), |i| i + 1)];
    let ending = if line.ends_with("\r\n") { "\r\n" } else { "\n" };
    Edit {
        range: TextRange::empty(start),
        new_text: format!(
            "<!-- brief-lsp: accept {} \"\" -->{ending}",
            finding.code.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{diagnostics, CheckConfig};
    use super::super::{parse_accepted, render_acceptance};
    use super::*;

    /// The paragraph-wide scan that `window_start`/`window_end` replaced.
    fn scanned_context(text: &str, range: TextRange) -> String {
        let start = text[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
        let end = text[range.end..]
            .find("\n\n")
            .map_or(text.len(), |i| range.end + i);
        let before: Vec<&str> = text[start..range.start].split_whitespace().collect();
        let after: Vec<&str> = text[range.end..end].split_whitespace().take(4).collect();
        let before = &before[before.len().saturating_sub(4)..];
        format!("{} … {}", before.join(" "), after.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn bounded_context_equals_the_paragraph_scan(
            text in "([a-z]{1,3}| |\n|\u{a0}|é|\r){0,80}",
            a in 0usize..100,
            b in 0usize..100,
        ) {
            let boundary = |mut i: usize| {
                i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (a, b) = (boundary(a.min(b)), boundary(a.max(b)));
            let range = TextRange::new(a, b);
            proptest::prop_assert_eq!(context_of(&text, range), scanned_context(&text, range));
        }
    }

    /// A corpus that says nothing of the brief's figure: it is unsupported.
    fn corpus() -> crate::snapshot::Snapshot {
        crate::test_support::corpus_of(&[(
            "okafor2021",
            "The treaty of 1959 divided the flow between two states.\n",
        )])
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    const BRIEF: &str =
        "# Brief\n\nSee [@nobody] here.\n\nAbout 40,000 Chinese students study in Russian universities.\n";

    #[test]
    fn an_accepted_finding_survives_edits_elsewhere_and_returns_when_its_text_changes() {
        let corpus = &corpus();
        let brief = Brief::parse(BRIEF);
        let findings = diagnostics(corpus, &brief, &CheckConfig::default());
        assert_eq!(codes(&findings), ["citation-unknown", "figure-unsupported"]);
        let entry = acceptance_for(&brief, &findings[1], "briefs/a.md", "2026-11-26");
        assert_eq!(entry.text, "About 40,000 Chinese students");
        let file = parse_accepted(&render_acceptance(&entry)).unwrap();
        assert_eq!(file, [entry]);

        // Lines added above, and the other paragraph edited: still accepted.
        let moved = Brief::parse(format!(
            "# Brief\n\nIntro.\n\nNew text and [@nobody] there.\n\n{}",
            &BRIEF[30..]
        ));
        let (shown, silenced) = apply_acceptances(
            &moved,
            diagnostics(corpus, &moved, &CheckConfig::default()),
            &file,
        );
        assert_eq!((codes(&shown), silenced.len()), (vec!["citation-unknown"], 1));

        // The flagged text itself changed: the finding is back.
        let changed = Brief::parse(BRIEF.replace("40,000", "45,000"));
        let (shown, silenced) = apply_acceptances(
            &changed,
            diagnostics(corpus, &changed, &CheckConfig::default()),
            &file,
        );
        assert_eq!(
            (codes(&shown), silenced.len()),
            (vec!["citation-unknown", "figure-unsupported"], 0)
        );
    }

    #[test]
    fn an_inline_comment_accepts_the_next_lines_findings_of_its_codes() {
        let corpus = &corpus();
        let brief = Brief::parse(format!(
            "# Brief\n\n<!-- brief-lsp: accept figure-unsupported \"from an interview\" -->\n{}",
            &BRIEF[9..]
        ));
        let findings = diagnostics(corpus, &brief, &CheckConfig::default());
        let (shown, silenced) = apply_acceptances(&brief, findings, &[]);
        assert_eq!(codes(&shown), ["citation-unknown", "figure-unsupported"]);
        assert!(silenced.is_empty());
        let brief = Brief::parse(BRIEF.replace(
            "About 40,000",
            "<!-- brief-lsp: accept figure-unsupported \"from an interview\" -->\nAbout 40,000",
        ));
        let (shown, silenced) =
            apply_acceptances(&brief, diagnostics(corpus, &brief, &CheckConfig::default()), &[]);
        assert_eq!(codes(&shown), ["citation-unknown"]);
        assert_eq!(silenced[0].1, "accepted inline: from an interview");
        let edit = inline_acceptance_edit(&Brief::parse(BRIEF), &shown[0]);
        assert_eq!(
            edit.new_text,
            "<!-- brief-lsp: accept citation-unknown \"\" -->\n"
        );
        assert_eq!(edit.range, TextRange::empty(9));
        let crlf = Brief::parse(BRIEF.replace('\n', "\r\n"));
        let (shown, _) = apply_acceptances(&crlf, diagnostics(corpus, &crlf, &CheckConfig::default()), &[]);
        let edit = inline_acceptance_edit(&crlf, &shown[0]);
        assert!(edit.new_text.ends_with("-->\r\n"), "{:?}", edit.new_text);
    }

    #[test]
    fn a_malformed_file_names_its_line() {
        let err = parse_accepted("[[accepted]]\nbrief = \"a.md\"\ncode = \"x\"\ntext = \"y\"\ncolor = 1\n")
            .unwrap_err();
        assert_eq!(err.line, 5, "{err}");
    }
}
