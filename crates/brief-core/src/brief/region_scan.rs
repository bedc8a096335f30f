//! The passes the grammar does not make, region by region: bare URLs, then
//! Pandoc citations. A region whose bytes and holes an edit left alone
//! takes the previous version's results, moved.

use super::edit::TextEdit;
use super::markdown::{blanked, InlineRegion};
use super::{citations, urls, Citation};
use crate::text::TextRange;

/// One region's results, kept for the next version.
#[derive(Clone)]
pub(super) struct RegionScan {
    range: TextRange,
    /// Markers and non-prose ranges inside the region, before its URLs.
    holes: Vec<TextRange>,
    pub urls: Vec<TextRange>,
    pub citations: Vec<Citation>,
}

/// What the previous version's scans and the edit since give.
pub(super) type Reuse<'p> = Option<(TextEdit, &'p [RegionScan])>;

/// Each region's bare URLs and citations, in region order; `non_prose` is
/// sorted and disjoint.
pub(super) fn scan(
    text: &str,
    regions: &[InlineRegion],
    non_prose: &[TextRange],
    reuse: Reuse,
) -> Vec<RegionScan> {
    let scan_one = |region: &InlineRegion| {
        let r = region.range;
        let first = non_prose.partition_point(|n| n.end <= r.start);
        let inside = non_prose[first..].iter().take_while(|n| n.start < r.end);
        let holes: Vec<TextRange> = region.markers.iter().chain(inside).copied().collect();
        reused(r, &holes, reuse).unwrap_or_else(|| scanned(text, region, holes))
    };
    regions.iter().map(scan_one).collect()
}

fn scanned(text: &str, region: &InlineRegion, holes: Vec<TextRange>) -> RegionScan {
    let r = region.range;
    let urls: Vec<TextRange> = urls::bare_urls(&blanked(text, r, &holes))
        .into_iter()
        .map(|u| TextRange::from(u).shifted(r.start))
        .collect();
    let masked = blanked(text, r, &holes.iter().chain(&urls).copied().collect::<Vec<_>>());
    let shown = blanked(text, r, &region.markers);
    let citations = citations::scan(&shown, &masked, r.start);
    RegionScan {
        range: r,
        holes,
        urls,
        citations,
    }
}

/// The previous scan of the same bytes with the same holes: the scans read
/// nothing else, so their results only move.
fn reused(region: TextRange, holes: &[TextRange], reuse: Reuse) -> Option<RegionScan> {
    let (edit, scans) = reuse?;
    let old = edit.old_range(region)?;
    let i = scans.partition_point(|s| s.range.start < old.start);
    let before = scans.get(i).filter(|s| s.range == old)?;
    let moved = TextEdit::mover(old, region);
    let same_holes =
        before.holes.len() == holes.len() && before.holes.iter().map(moved).eq(holes.iter().copied());
    same_holes.then(|| RegionScan {
        range: region,
        holes: holes.to_vec(),
        urls: before.urls.iter().map(moved).collect(),
        citations: before.citations.iter().map(|c| c.moved(moved)).collect(),
    })
}

impl Citation {
    fn moved(&self, by: impl Fn(&TextRange) -> TextRange) -> Citation {
        let mut c = self.clone();
        c.range = by(&c.range);
        for item in &mut c.items {
            item.key_range = by(&item.key_range);
            item.range = by(&item.range);
        }
        c
    }
}
