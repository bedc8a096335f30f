//! A CSL style, and a reference rendered in it as Markdown by hayagriva's
//! CSL processor: the brief's `csl:` file, else Chicago author-date.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};

use citationberg::{IndependentStyle, Locale};
use hayagriva::archive::ArchivedStyle;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, ElemChildren,
    Formatted,
};

use super::{BibEntry, Record};
use crate::text::escape_markdown;

#[derive(Debug)]
pub struct Style {
    /// The style's title, for messages.
    pub name: String,
    csl: IndependentStyle,
}

/// The CSL locales hayagriva bundles, decoded once.
fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(hayagriva::archive::locales)
}

/// hayagriva's entry trait is private, so this is a macro over the two
/// record types rather than a generic function.
macro_rules! render_one {
    ($style:expr, $record:expr) => {{
        let mut driver = BibliographyDriver::new();
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry($record)],
            &$style.csl,
            locales(),
        ));
        let rendered = driver.finish(BibliographyRequest {
            style: &$style.csl,
            locale: None,
            locale_files: locales(),
        });
        rendered
            .bibliography
            .and_then(|b| b.items.into_iter().next())
            .map(|item| item.content)
    }};
}

impl Style {
    /// Chicago author-date (17th edition), bundled; decoded once.
    pub fn default_style() -> Arc<Style> {
        static DEFAULT: OnceLock<Arc<Style>> = OnceLock::new();
        DEFAULT
            .get_or_init(|| match ArchivedStyle::ChicagoAuthorDate.get() {
                citationberg::Style::Independent(csl) => Arc::new(Style {
                    name: csl.info.title.value.clone(),
                    csl,
                }),
                citationberg::Style::Dependent(_) => unreachable!("the bundled Chicago style is independent"),
            })
            .clone()
    }

    /// A `.csl` file's text. A dependent style (one that only names a
    /// parent) is refused: its parent is the file to give.
    pub fn from_csl(text: &str) -> Result<Style, String> {
        match citationberg::Style::from_xml(text) {
            Ok(citationberg::Style::Independent(csl)) => Ok(Style {
                name: csl.info.title.value.clone(),
                csl,
            }),
            Ok(citationberg::Style::Dependent(dep)) => Err(format!(
                "a dependent CSL style (its parent is {}); name the parent style's .csl file",
                dep.parent_link.href
            )),
            Err(err) => Err(format!("not a CSL style: {err}")),
        }
    }

    /// The entry's reference as this style's bibliography writes it, in
    /// Markdown. A style without a bibliography, or a record the processor
    /// cannot render, gives an error to show instead.
    pub fn render(&self, entry: &BibEntry) -> Result<String, String> {
        // hayagriva has panicked on odd input (CSL date ranges); a hover
        // must not take the server down.
        let rendered = catch_unwind(AssertUnwindSafe(|| match &entry.record {
            Record::Biblatex(e) => render_one!(self, e.as_ref()),
            Record::Csl(item) => render_one!(self, item),
        }));
        match rendered {
            Ok(Some(children)) => Ok(markdown(&children)),
            Ok(None) => Err(format!("the style {} has no bibliography", self.name)),
            Err(_) => Err(format!(
                "@{} from {} cannot be rendered in {} (the CSL processor failed on it)",
                entry.key(),
                entry.origin,
                self.name
            )),
        }
    }
}

/// hayagriva's formatted output as Markdown: italics as `*…*`, bold as
/// `**…**`, links as autolinks.
fn markdown(children: &ElemChildren) -> String {
    let mut out = String::new();
    write_children(&children.0, &mut out);
    without_empty_delimiters(out.trim())
}

/// The output less the delimiters a style leaves where a field is missing:
/// Chicago's article puts "," after the journal for its volume and " :"
/// before the pages for its issue, so that a reference without them read
/// "*Policy Review*,." and "58 : 363–80"; and a title ending an item
/// without a container got its full stop twice, “Outlook.”.
fn without_empty_delimiters(rendered: &str) -> String {
    const EMPTY: [(&str, &str); 6] = [
        (",.", "."),
        (", .", "."),
        (",,", ","),
        (", ,", ","),
        (" : ", ": "),
        (".”.", ".”"),
    ];
    let mut out = rendered.to_string();
    while let Some((from, to)) = EMPTY.iter().find(|(from, _)| out.contains(from)) {
        out = out.replace(from, to);
    }
    out
}

fn write_children(children: &[ElemChild], out: &mut String) {
    for child in children {
        match child {
            ElemChild::Text(text) => write_formatted(text, out),
            ElemChild::Elem(elem) => write_children(&elem.children.0, out),
            ElemChild::Markup(markup) => out.push_str(&escape_markdown(markup)),
            ElemChild::Link { text, url } if text.text == *url => out.push_str(&format!("<{url}>")),
            ElemChild::Link { text, url } => {
                out.push('[');
                write_formatted(text, out);
                out.push_str(&format!("]({url})"));
            }
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn write_formatted(text: &Formatted, out: &mut String) {
    use citationberg::{FontStyle, FontWeight};
    let italic = text.formatting.font_style == FontStyle::Italic;
    let bold = text.formatting.font_weight == FontWeight::Bold;
    let mark = match (italic, bold) {
        (true, true) => "***",
        (true, false) => "*",
        (false, true) => "**",
        (false, false) => "",
    };
    let body = escape_markdown(&text.text);
    // Emphasis cannot start or end on a space in Markdown: keep those
    // outside the marks.
    let trimmed = body.trim();
    if mark.is_empty() || trimmed.is_empty() {
        out.push_str(&body);
        return;
    }
    let lead = &body[..body.len() - body.trim_start().len()];
    let tail = &body[body.trim_end().len()..];
    out.push_str(&format!("{lead}{mark}{trimmed}{mark}{tail}"));
}
