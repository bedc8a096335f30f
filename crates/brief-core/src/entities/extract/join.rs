//! Where a run of names ends: across spaces, connectors ("Bank of
//! Russia") and the commas of one descriptive name.

use super::Sentence;
use crate::entities::names::key;
use crate::entities::tokens::Gap;
use crate::entities::units::{is_particle, Class};

impl Sentence<'_> {
    /// The end of the run of names starting at unit `start`; a dated name
    /// ends it ("Joint Sea-2021").
    pub(super) fn run_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        loop {
            let last = end - 1;
            let dated = self.units[last].class == Class::Dated;
            if self.units[last].isolated || self.ends_run(last) || dated {
                return end;
            }
            if end < self.units.len()
                && matches!(self.units[end].class, Class::Name | Class::Dated)
                && !self.units[end].isolated
                && self.gap(end) == Gap::Space
            {
                end += 1;
            } else if let Some(next) = self.join(start, end) {
                end = next;
            } else {
                return end;
            }
        }
    }

    /// Whether the run `start..end` continues across a connector, and where
    /// it then ends: "Bank of Russia", "Belt and Road Initiative", "Treaty of
    /// Good-Neighborliness and Friendly Cooperation", "Russia in the
    /// Asia-Pacific Program"; not "China and Russia".
    pub(super) fn join(&self, start: usize, end: usize) -> Option<usize> {
        let n = self.units.len();
        if end < n && self.gap(end) == Gap::Other {
            return self.descriptive_list(end);
        }
        if end >= n || !self.is_connector(end) || self.gap(end) != Gap::Space {
            return None;
        }
        let connector = self.unit_text(end);
        if connector == "the" {
            return None;
        }
        let mut r = end + 1;
        if matches!(connector, "of" | "for" | "in" | "on") && r < n && self.unit_text(r) == "the" {
            r += 1;
        }
        // "van der Sar", "de la Serna": particles in a row.
        while is_particle(connector) && r < n && matches!(self.unit_text(r), "der" | "den" | "la") {
            r += 1;
        }
        if r >= n || !self.is_name(r) || self.units[r].isolated || self.gap(r) != Gap::Space {
            return None;
        }
        let mut run = r + 1;
        while run < n
            && self.is_name(run)
            && !self.units[run].isolated
            && self.gap(run) == Gap::Space
            && !self.ends_run(run - 1)
        {
            run += 1;
        }
        let event_follows = self.event_after(run).is_some();
        if self.known(start, run).is_some() || (event_follows && connector != "in") {
            return Some(run);
        }
        // A head whose complement already started: "Treaty on … Forces".
        let complement = self.has_head(start, end)
            && (start..end).any(|u| self.is_connector(u) && self.unit_text(u) != "and");
        let joins = match connector {
            "of" if self.is_house(end - 1) => self.unit_text(end + 1) != "the",
            "of" | "for" | "on" => self.has_head(start, end),
            // "Tate & Lyle", "Marks & Spencer": an ampersand between proper
            // words joins one firm's name.
            "&" => true,
            c if is_particle(c) => true,
            // "accountancy firm Ernst and Young": after a singular
            // descriptor, "A and B" is one name ("drugs firms A and B" two).
            "and"
                if self.descriptor_before(start).is_some()
                    && !self.token_text(self.units[start].first - 1).ends_with('s')
                    && self.known(r, run).is_none() =>
            {
                true
            }
            // "the Russia in the Asia-Pacific Program": a state with "the"
            // is part of a longer name; "… Armed Forces in Europe".
            "in" => {
                let before_the = start > 0 && self.unit_text(start - 1) == "the";
                (end - start == 1 && self.is_state(start) && before_the && self.has_kind_head(r, run))
                    || (complement && self.gz.is_region(&key(self.span_text(r, run))))
            }
            _ => {
                let next_known = self.known(r, run).is_some();
                !next_known
                    && (complement
                        || (self.has_kind_head(r, run)
                            && !self.has_head(start, end)
                            && self.known(start, end).is_none()))
            }
        };
        joins.then_some(run)
    }

    /// Where a name goes on across commas: "United Nations Educational,
    /// Scientific and Cultural Organization". The words before "and" are
    /// common words written with capitals, as the descriptors of one name
    /// are, and a head noun ends it; a list of names ("Sony, Toshiba and
    /// Hitachi Corporation") is proper words and does not join.
    pub(super) fn descriptive_list(&self, end: usize) -> Option<usize> {
        let n = self.units.len();
        let comma_before =
            |u: usize| &self.text[self.units[u - 1].range.end..self.units[u].range.start] == ", ";
        let descriptor = |u: usize| self.is_name(u) && self.is_common(u) && !self.units[u].isolated;
        if !descriptor(end - 1) {
            return None;
        }
        let mut u = end;
        loop {
            if u >= n || !comma_before(u) || !descriptor(u) {
                return None;
            }
            u += 1;
            if u < n && self.is_connector(u) && self.unit_text(u) == "and" && self.gap(u) == Gap::Space {
                break;
            }
        }
        let from = u + 1;
        let mut run = from;
        while run < n && self.is_name(run) && !self.units[run].isolated && self.gap(run) == Gap::Space {
            run += 1;
        }
        (run > from && self.has_kind_head(from, run)).then_some(run)
    }
}
