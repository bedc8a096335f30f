//! A saved web page's main content and facts. dom_smoothie (a port of
//! Mozilla's Readability.js, the reader view of Firefox) keeps the article
//! and drops navigation, banners, share buttons and related links; it also
//! reads JSON-LD, Open Graph and the usual `<meta>` names. The `citation_*`
//! tags (Highwire Press, as journals write them for Google Scholar) are
//! read here, and win: they are the most precise. ARCHITECTURE.md
//! "Choices" compares the crates.

use brief_core::corpus::Reference;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// The page's main text, paragraphs separated by blank lines, and what its
/// metadata says about it.
pub fn html_text(bytes: &[u8]) -> Result<(String, Reference), String> {
    let html = String::from_utf8_lossy(bytes);
    let doc = Document::from(html.as_ref());
    let citation = CitationTags::read(&doc);
    let og_url = doc
        .select("meta[property='og:url']")
        .attr("content")
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|e| format!("unreadable page: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no main content found ({e})"))?;
    let text = paragraphs(&article.text_content);
    if text.trim().is_empty() {
        return Err("no main content found (an empty page?)".into());
    }
    let reference = Reference {
        kind: Some(
            if citation.first("citation_journal_title").is_some() {
                "article-journal"
            } else {
                "webpage"
            }
            .into(),
        ),
        title: citation
            .first("citation_title")
            .or_else(|| non_empty(article.title.to_string())),
        authors: if citation.all("citation_author").is_empty() {
            article.byline.as_deref().map(byline_names).unwrap_or_default()
        } else {
            citation.all("citation_author")
        },
        date: citation
            .first("citation_publication_date")
            .or_else(|| citation.first("citation_date"))
            .or_else(|| citation.first("citation_online_date"))
            .or(article.published_time.clone())
            .and_then(|d| iso_date(&d)),
        container: citation
            .first("citation_journal_title")
            .or(article.site_name.clone()),
        publisher: citation.first("citation_publisher"),
        volume: citation.first("citation_volume"),
        issue: citation.first("citation_issue"),
        pages: citation
            .first("citation_firstpage")
            .map(|first| match citation.first("citation_lastpage") {
                Some(last) => format!("{first}–{last}"),
                None => first,
            }),
        doi: citation.first("citation_doi"),
        url: citation
            .first("citation_public_url")
            .or_else(|| citation.first("citation_abstract_html_url"))
            .or(og_url)
            .or(article.url.clone()),
        ..Reference::default()
    };
    Ok((text, reference))
}

/// The `<meta name="citation_…" content="…">` tags, in order.
struct CitationTags(Vec<(String, String)>);

impl CitationTags {
    fn read(doc: &Document) -> CitationTags {
        let tags = doc
            .select("meta[name^='citation_']")
            .iter()
            .filter_map(|m| {
                let name = m.attr("name")?.to_ascii_lowercase();
                let content = m.attr("content")?.trim().to_string();
                (!content.is_empty()).then_some((name, content))
            })
            .collect();
        CitationTags(tags)
    }

    fn first(&self, name: &str) -> Option<String> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone())
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, c)| c.clone())
            .collect()
    }
}

fn non_empty(s: String) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// "By Ann Lee and Bo Chen" → the two names.
fn byline_names(byline: &str) -> Vec<String> {
    let byline = byline.trim();
    let byline = byline
        .strip_prefix("By ")
        .or_else(|| byline.strip_prefix("by "))
        .unwrap_or(byline);
    byline
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from the start of a date as pages
/// write it ("2020/06/13", "2020-06-13T08:00:00Z"), as the manifest has it.
fn iso_date(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split(['-', '/', 'T', ' ']).take(3).collect();
    let year = parts
        .first()
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))?;
    let mut out = year.to_string();
    for part in parts.iter().skip(1) {
        if part.len() != 2 || !part.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        out.push('-');
        out.push_str(part);
    }
    Some(out)
}

/// Readability's text with one blank line between paragraphs and spaces
/// trimmed, the shape of the other sources.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &[u8] = include_bytes!("../../tests/data/sources/river-op-ed.html");

    #[test]
    fn a_saved_page_keeps_its_article_and_drops_the_rest() {
        let (text, _) = html_text(PAGE).unwrap();
        assert!(text.contains("Every dispute over the river compact comes back to a single number"));
        assert!(
            text.contains("\n\nThe simplest reform would cost almost nothing."),
            "{text}"
        );
        for chrome in [
            "cookies",
            "Politics",
            "Share on",
            "Related articles",
            "Privacy policy",
            "All rights",
        ] {
            assert!(!text.contains(chrome), "{chrome} kept in {text}");
        }
    }

    #[test]
    fn citation_tags_win_over_open_graph() {
        let (_, r) = html_text(PAGE).unwrap();
        assert_eq!(r.title.as_deref(), Some("Share the water, share the data"));
        assert_eq!(r.authors, ["Mara Okonkwo", "Tomas Lindqvist"]);
        assert_eq!(r.date.as_deref(), Some("2021-03-08"));
        assert_eq!(r.container.as_deref(), Some("Basin Review"));
        assert_eq!(
            r.url.as_deref(),
            Some("https://basin-review.example/2021/03/share-the-water")
        );
    }

    #[test]
    fn without_citation_tags_json_ld_and_the_byline_give_the_facts() {
        let page = r#"<html><head><title>T | Site</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Dams and deals",
 "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2019-11-02T10:00:00Z"}</script>
</head><body><article><p>A paragraph about dams and the deals made over them, long enough to count as the content of the page for the reader view, which wants some text.</p>
<p>Another paragraph about the same dams, with a few more words in it so that the article is clearly the main content here.</p></article></body></html>"#;
        let (text, r) = html_text(page.as_bytes()).unwrap();
        assert!(text.starts_with("A paragraph about dams"), "{text}");
        assert_eq!(r.title.as_deref(), Some("Dams and deals"));
        assert_eq!(r.authors, ["Ann Lee"]);
        assert_eq!(r.date.as_deref(), Some("2019-11-02"));
        assert_eq!(r.kind.as_deref(), Some("webpage"));
    }

    #[test]
    fn dates_as_pages_write_them() {
        assert_eq!(iso_date("2020/06/13").as_deref(), Some("2020-06-13"));
        assert_eq!(iso_date("2020-06").as_deref(), Some("2020-06"));
        assert_eq!(iso_date("June 2020"), None);
    }
}
