//! An update gives what a cold build of the new corpus gives: the same
//! documents, problems, indexes, answers and stored bytes.

use super::tests::{dump, stored_bytes};
use super::*;
use crate::corpus::{CorpusFolder, SourceFile};
use crate::test_support::seed_folder;

/// "non-\nproliferation" is joined while the corpus does not spell it with a
/// hyphen, and kept hyphenated once a document does.
const A: &str =
    "Arms Control Today\n\nThe treaty on non-\nproliferation was signed by Sergey Lavrov in 2019. \
Russia and China agreed that trade reached $107 billion in 2018.\n\nLavrov said the Shanghai \
Cooperation Organization (SCO) would meet again.\n";
/// Unchanged throughout, but its names depend on B's words.
const D: &str = "Talks in Geneva\n\nPresident Kostrov said the talks were useful, and Kostrov signed.\n";
const B: &str = "Notes on Trade\n\nTrade between Russia and China rose by 17% in 2019, Lavrov said.\n";
/// Also writes "kostrov" in lower case, so that "Kostrov" in D turns into a
/// common word and D's names change.
const B_CHANGED: &str = "Notes on Trade\n\nTrade between Russia and China rose by 24% in 2019, while \
non-proliferation talks stalled. A kostrov was sold, the kostrov grew, and a kostrov closed.\n";
/// Its file name gives the key of a seed's manifest entry, so it takes a suffix.
const C: &str = "Wang Yi met Sergey Lavrov in Moscow. The SCO grew to 3,200 staff in 2020.\n";

/// The seeds and `extra` files (name, bytes), in file-name order.
fn corpus(extra: &[(&str, &[u8])]) -> Vec<CorpusFolder> {
    let mut folder = seed_folder();
    folder.files.extend(extra.iter().map(|(name, bytes)| SourceFile {
        path: folder.root.join(name),
        rel_path: name.to_string(),
        bytes: bytes.to_vec(),
        extracted: None,
    }));
    folder.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    folder.entities = Some((
        folder.root.join("entities.toml"),
        "[[entity]]\nname = \"Sergey Lavrov\"\nrole = \"Russian foreign minister\"\n".into(),
    ));
    vec![folder]
}

/// `now` as an update sees it: bytes only for the files not in `unchanged`.
fn update_of(now: Vec<CorpusFolder>, unchanged: &[&str]) -> Vec<UpdateFolder> {
    let mut folders: Vec<UpdateFolder> = now.into_iter().map(UpdateFolder::from).collect();
    for file in folders.iter_mut().flat_map(|f| &mut f.files) {
        if unchanged.contains(&file.rel_path.as_str()) {
            file.bytes = None;
        }
    }
    folders
}

/// How `updated` differs from a cold build of `folders`, if it does.
fn difference(updated: &Snapshot, folders: Vec<CorpusFolder>) -> Option<String> {
    let cold = Snapshot::build(folders);
    let (got, want) = (dump(updated), dump(&cold));
    if let Some((g, w)) = got.lines().zip(want.lines()).find(|(g, w)| g != w) {
        let at = g.bytes().zip(w.bytes()).take_while(|(a, b)| a == b).count();
        let from = at.saturating_sub(80);
        return Some(format!(
            "update: …{}\ncold:   …{}",
            g.get(from..(at + 80).min(g.len())).unwrap_or(g),
            w.get(from..(at + 80).min(w.len())).unwrap_or(w),
        ));
    }
    if got.len() != want.len() {
        return Some("dump lengths".into());
    }
    (stored_bytes(updated) != stored_bytes(&cold)).then(|| "the stored forms differ".into())
}

fn assert_same(updated: &Snapshot, folders: Vec<CorpusFolder>, what: &str) {
    if let Some(difference) = difference(updated, folders) {
        panic!("{what}: the update differs from a cold build\n{difference}");
    }
}

fn normalized<'a>(s: &'a Snapshot, file: &str) -> &'a str {
    let path = seed_folder().root.join(file);
    s.documents
        .iter()
        .find(|d| d.path == path)
        .unwrap()
        .normalized
        .as_str()
}

const SEEDS: [&str; 5] = [
    "000_4a4712e541d2533e.txt",
    "001_7dc4b461ced45b39.txt",
    "002_985c93d49e2ec848.txt",
    "003_9556968063aa75cc.txt",
    "004_0e5757dea85ff291.txt",
];

#[test]
fn updates_equal_cold_builds_of_the_new_corpus() {
    let bad_utf8: &[u8] = b"Valid text, then a bad byte \xff here.\n";
    let base: [(&str, &[u8]); 5] = [
        ("a.txt", A.as_bytes()),
        ("b.txt", B.as_bytes()),
        ("d.txt", D.as_bytes()),
        ("empty.txt", b"  \n"),
        ("latin1.txt", bad_utf8),
    ];
    let (mut live, first) = LiveCorpus::build(corpus(&base), &|_, _| {});
    assert_same(&first, corpus(&base), "A+B");
    assert!(normalized(&first, "a.txt").contains("nonproliferation"));

    // B changed: its new word turns A's line-break hyphen around.
    let changed = [
        base[0],
        ("b.txt", B_CHANGED.as_bytes()),
        base[2],
        base[3],
        base[4],
    ];
    let mut unchanged: Vec<&str> = SEEDS.to_vec();
    unchanged.extend(["a.txt", "d.txt", "empty.txt", "latin1.txt"]);
    let second = live
        .update(&first, update_of(corpus(&changed), &unchanged), &|_, _| {})
        .unwrap();
    assert_same(&second, corpus(&changed), "A+B'");
    assert!(normalized(&second, "a.txt").contains("non-proliferation"));
    let kostrov = |s: &Snapshot| s.entities().find_by_alias("Kostrov").map(|e| e.name.clone());
    assert_eq!(kostrov(&first).as_deref(), Some("Kostrov"));
    assert_eq!(kostrov(&second), None, "B' changes D's names");
    // The seeds and D were not normalized again: their text is the same buffer.
    for seed in SEEDS.iter().chain(&["d.txt"]) {
        assert_eq!(
            normalized(&first, seed).as_ptr(),
            normalized(&second, seed).as_ptr(),
            "{seed} was normalized again"
        );
    }

    // B deleted: A's hyphen is joined again.
    let without_b = [base[0], base[2], base[3], base[4]];
    let third = live
        .update(&second, update_of(corpus(&without_b), &unchanged), &|_, _| {})
        .unwrap();
    assert_same(&third, corpus(&without_b), "A");
    assert!(normalized(&third, "a.txt").contains("nonproliferation"));

    // B and C added; C's key is taken by a seed's manifest entry.
    let key = &first.documents[0].reference.key;
    let c_name = format!("{key}.txt");
    let with_c = [
        base[0],
        ("b.txt", B.as_bytes()),
        (c_name.as_str(), C.as_bytes()),
        base[2],
        base[3],
        base[4],
    ];
    let fourth = live
        .update(&third, update_of(corpus(&with_c), &unchanged), &|_, _| {})
        .unwrap();
    assert_same(&fourth, corpus(&with_c), "A+B+C");
    assert!(
        fourth.problems.iter().any(|p| p.message.contains("is taken")),
        "{:?}",
        fourth.problems
    );
}

const BAD_UTF8: &[u8] = b"Bad \xff byte.\n";

/// Updates of a snapshot opened from the stored index, whose parts
/// (vocabulary, case counts, names) are read from it and whose figures are
/// read from its figure index, give what cold builds give; so do updates
/// of a snapshot stored after an update, as the next start opens it.
#[test]
fn updates_after_a_warm_start_equal_cold_builds() {
    let base: [(&str, &[u8]); 4] = [
        ("a.txt", A.as_bytes()),
        ("b.txt", B.as_bytes()),
        ("d.txt", D.as_bytes()),
        ("latin1.txt", BAD_UTF8),
    ];
    let warm = super::tests::read_back(&Snapshot::build(corpus(&base)));
    let mut live = LiveCorpus::from_snapshot(&warm).unwrap();
    assert!(
        !live.knows(&seed_folder().root.join("latin1.txt")),
        "a file with a problem is read again"
    );
    // B changed: A's hyphen turns around, D's names change, the seeds are kept.
    let changed = [base[0], ("b.txt", B_CHANGED.as_bytes()), base[2], base[3]];
    let mut unchanged: Vec<&str> = SEEDS.to_vec();
    unchanged.extend(["a.txt", "d.txt"]);
    let updated = live
        .update(&warm, update_of(corpus(&changed), &unchanged), &|_, _| {})
        .unwrap();
    assert_same(&updated, corpus(&changed), "warm, then A+B'");
    assert!(normalized(&updated, "a.txt").contains("non-proliferation"));
    for seed in SEEDS {
        assert_eq!(
            normalized(&warm, seed).as_ptr(),
            normalized(&updated, seed).as_ptr(),
            "{seed} was normalized again"
        );
    }

    // Stored after the update and opened again: B deleted, C added.
    let warm = super::tests::read_back(&updated);
    let mut live = LiveCorpus::from_snapshot(&warm).unwrap();
    let with_c = [base[0], ("c.txt", C.as_bytes()), base[2], base[3]];
    let updated = live
        .update(&warm, update_of(corpus(&with_c), &unchanged), &|_, _| {})
        .unwrap();
    assert_same(&updated, corpus(&with_c), "warm after an update, then A+C");
    assert!(normalized(&updated, "a.txt").contains("nonproliferation"));
}

/// The equivalence above fails when the stored parts are stale: a warm
/// snapshot whose stored parts are those of the corpus after the change
/// (B') updates to something other than a cold build.
#[test]
fn stale_stored_parts_make_a_warm_update_differ() {
    let base: [(&str, &[u8]); 3] = [
        ("a.txt", A.as_bytes()),
        ("b.txt", B.as_bytes()),
        ("d.txt", D.as_bytes()),
    ];
    let changed = [base[0], ("b.txt", B_CHANGED.as_bytes()), base[2]];
    let mut stale = Snapshot::build(corpus(&base));
    stale.parts = Snapshot::build(corpus(&changed)).parts;
    let warm = super::tests::read_back(&stale);
    let mut live = LiveCorpus::from_snapshot(&warm).unwrap();
    let mut unchanged: Vec<&str> = SEEDS.to_vec();
    unchanged.extend(["a.txt", "d.txt"]);
    let updated = live
        .update(&warm, update_of(corpus(&changed), &unchanged), &|_, _| {})
        .unwrap();
    assert!(difference(&updated, corpus(&changed)).is_some());
}
