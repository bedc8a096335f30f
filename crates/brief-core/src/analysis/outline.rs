//! The brief's outline: its headings as a tree, each section spanning to the
//! next heading of the same or a higher level.

use crate::brief::Brief;
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    pub title: String,
    /// The section: from the heading to the next heading at its level or above.
    pub range: TextRange,
    /// The heading's title.
    pub selection: TextRange,
    pub children: Vec<OutlineItem>,
}

pub fn outline(brief: &Brief) -> Vec<OutlineItem> {
    let headings = &brief.headings;
    let mut items = Vec::new();
    let mut i = 0;
    while i < headings.len() {
        i = section(brief, i, &mut items);
    }
    items
}

/// Adds the section of heading `i` to `out`, returns the index after it.
fn section(brief: &Brief, i: usize, out: &mut Vec<OutlineItem>) -> usize {
    let headings = &brief.headings;
    let level = headings[i].level;
    let end_idx = (i + 1..headings.len())
        .find(|&j| headings[j].level <= level)
        .unwrap_or(headings.len());
    let end = headings.get(end_idx).map_or(brief.text.len(), |h| h.range.start);
    let mut children = Vec::new();
    let mut j = i + 1;
    while j < end_idx {
        j = section(brief, j, &mut children);
    }
    let title = if headings[i].title.is_empty() {
        "(untitled)".to_string()
    } else {
        headings[i].title.clone()
    };
    out.push(OutlineItem {
        title,
        range: TextRange::new(headings[i].range.start, end.max(headings[i].range.end)),
        selection: headings[i].title_range,
        children,
    });
    end_idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(items: &[OutlineItem], depth: usize, out: &mut String) {
        for item in items {
            out.push_str(&format!(
                "{}{} {:?}\n",
                "  ".repeat(depth),
                item.title,
                item.range
            ));
            render(&item.children, depth + 1, out);
        }
    }

    #[test]
    fn headings_nest_by_level() {
        let brief = Brief::parse(
            "# Brief\n\nIntro.\n\n## Trade\n\nText.\n\n### 2018\n\n## Arms\n\nMore.\n\n# Annex\n",
        );
        let mut out = String::new();
        render(&outline(&brief), 0, &mut out);
        expect_test::expect![[r#"
            Brief 0..60
              Trade 17..44
                2018 34..44
              Arms 44..60
            Annex 60..68
        "#]]
        .assert_eq(&out);
    }
}
