//! Outside checks: test cases of Microsoft Recognizers-Text and quantulum3,
//! copied as data into `tests/data/figures/` (origins, licenses and format in
//! its README). Each test prints its recall and false alarms — see them with
//! `cargo test -p brief-core outside -- --nocapture` — and fails if they fall
//! below what was measured when the extractor was written, less a margin.

use super::{extract_figures, Figure, FigureKind};

struct Expected<'a> {
    surface: &'a str,
    value: f64,
    /// A currency code, "%", "n" (a number or a count) or "-" (not scored).
    unit: &'a str,
}

struct Case<'a> {
    input: &'a str,
    expected: Vec<Expected<'a>>,
}

fn parse(data: &str) -> Vec<Case<'_>> {
    let mut cases: Vec<Case> = Vec::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        if let Some(input) = line.strip_prefix("> ") {
            cases.push(Case {
                input,
                expected: Vec::new(),
            });
        } else if let Some(spec) = line.strip_prefix("= ") {
            let fields: Vec<&str> = spec.split(" | ").collect();
            let [surface, value, unit] = fields[..] else {
                panic!("bad line: {line}")
            };
            let value = value.parse().unwrap_or_else(|_| panic!("bad value: {line}"));
            cases
                .last_mut()
                .expect("'=' before '>'")
                .expected
                .push(Expected { surface, value, unit });
        }
    }
    cases
}

fn unit_matches(unit: &str, kind: &FigureKind) -> bool {
    match (unit, kind) {
        ("%", FigureKind::Percent) => true,
        ("n", FigureKind::Plain | FigureKind::Count { .. } | FigureKind::Year | FigureKind::Multiplier) => {
            true
        }
        (code, FigureKind::Currency { code: c }) => code == c,
        _ => false,
    }
}

/// The expected value, or for a range either end or its middle (quantulum3
/// gives "from 7 to 10" as 8.5).
fn value_matches(expected: f64, f: &Figure) -> bool {
    let close = |v: f64| (v - expected).abs() <= 1e-9 * expected.abs().max(1.0);
    close(f.value) || f.upper.is_some_and(|u| close(u) || close((f.value + u) / 2.0))
}

struct Score {
    expected: usize,
    found: usize,
    figures: usize,
    false_alarms: usize,
}

/// Runs the cases of `data`; figures of kinds `scored` accepts count as
/// found or false alarms.
fn score(name: &str, data: &str, scored: fn(&FigureKind) -> bool) -> Score {
    let mut sc = Score {
        expected: 0,
        found: 0,
        figures: 0,
        false_alarms: 0,
    };
    let mut misses = Vec::new();
    for case in parse(data) {
        let figures: Vec<Figure> = extract_figures(case.input)
            .into_iter()
            .filter(|f| scored(&f.kind))
            .collect();
        let mut from = 0;
        let spans: Vec<(usize, usize)> = case
            .expected
            .iter()
            .map(|e| {
                let at = from
                    + case.input[from..]
                        .find(e.surface)
                        .unwrap_or_else(|| panic!("{:?} not in {:?}", e.surface, case.input));
                from = at + e.surface.len();
                (at, from)
            })
            .collect();
        let overlaps =
            |f: &Figure, &(start, end): &(usize, usize)| f.range.start < end && start < f.range.end;
        for (e, span) in case.expected.iter().zip(&spans).filter(|(e, _)| e.unit != "-") {
            sc.expected += 1;
            let hit = figures
                .iter()
                .any(|f| overlaps(f, span) && unit_matches(e.unit, &f.kind) && value_matches(e.value, f));
            if hit {
                sc.found += 1;
            } else {
                misses.push(format!(
                    "  miss {:?} = {} {} in {:?}",
                    e.surface, e.value, e.unit, case.input
                ));
            }
        }
        for f in &figures {
            sc.figures += 1;
            if !spans.iter().any(|span| overlaps(f, span)) {
                sc.false_alarms += 1;
                misses.push(format!(
                    "  false alarm {:?} in {:?}",
                    &case.input[f.range.start..f.range.end],
                    case.input
                ));
            }
        }
    }
    let percent = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    eprintln!(
        "{name}: recall {}/{} ({:.1}%), false alarms {}/{} figures ({:.1}%)\n{}",
        sc.found,
        sc.expected,
        percent(sc.found, sc.expected),
        sc.false_alarms,
        sc.figures,
        percent(sc.false_alarms, sc.figures),
        misses.join("\n")
    );
    sc
}

fn assert_rates(sc: &Score, min_found: usize, max_false_alarms: usize) {
    assert!(
        sc.found >= min_found,
        "recall fell: {} < {min_found} of {}",
        sc.found,
        sc.expected
    );
    assert!(
        sc.false_alarms <= max_false_alarms,
        "false alarms rose: {} > {max_false_alarms}",
        sc.false_alarms
    );
}

#[test]
fn outside_recognizers_currency() {
    let data = include_str!("../../tests/data/figures/recognizers_currency.txt");
    let sc = score("Recognizers-Text CurrencyModel", data, |k| {
        matches!(k, FigureKind::Currency { .. })
    });
    // Measured 113/120 found, 0 false alarms.
    assert_rates(&sc, 110, 2);
}

#[test]
fn outside_recognizers_percent() {
    let data = include_str!("../../tests/data/figures/recognizers_percent.txt");
    let sc = score("Recognizers-Text PercentModel", data, |k| {
        matches!(k, FigureKind::Percent)
    });
    // Measured 11/11 found, 0 false alarms.
    assert_rates(&sc, 10, 1);
}

#[test]
fn outside_recognizers_number() {
    let data = include_str!("../../tests/data/figures/recognizers_number.txt");
    let sc = score("Recognizers-Text NumberModel", data, |_| true);
    // Measured 44/45 found, 0 false alarms.
    assert_rates(&sc, 42, 1);
}

#[test]
fn outside_quantulum3() {
    let data = include_str!("../../tests/data/figures/quantulum3.txt");
    let sc = score("quantulum3", data, |_| true);
    // Measured 34/36 found, 0 false alarms.
    assert_rates(&sc, 32, 1);
}
