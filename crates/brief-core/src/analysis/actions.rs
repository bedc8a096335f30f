//! The findings a brief shows, and what can be done about each: the checks'
//! findings less what the project excludes or has accepted, and per finding
//! its fixes and the two ways to accept it. The server and `check` both
//! call these, so "why don't I see this diagnostic?" has one answer.

use super::accept::{acceptance_for, apply_acceptances, inline_acceptance_edit, Acceptance};
use super::accepted_file::{record_acceptance, AcceptedFileEdit};
use super::{diagnostics_cancellable, Cancel, Cancelled, CheckConfig, Edit, Finding};
use crate::brief::Brief;
use crate::snapshot::Snapshot;
use crate::text::TextRange;

/// What the project says about one brief.
#[derive(Clone, Copy, Debug)]
pub struct BriefRules<'a> {
    pub checks: &'a CheckConfig,
    /// The project's exclude patterns leave this brief out: it shows nothing.
    pub excluded: bool,
    /// The accepted-findings file's entries for this brief.
    pub accepted: &'a [Acceptance],
}

/// A brief's findings, split into those shown and those accepted (with how).
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub shown: Vec<Finding>,
    pub accepted: Vec<(Finding, String)>,
}

/// The findings a brief shows: the checks' (at their levels), nothing for an
/// excluded brief, less those accepted in the file or inline.
pub fn check(snapshot: &Snapshot, brief: &Brief, rules: BriefRules) -> Checked {
    check_cancellable(snapshot, brief, rules, Cancel::NEVER).unwrap_or_default()
}

/// [`check`], stopping with [`Cancelled`] soon after `cancel` is set.
pub fn check_cancellable(
    snapshot: &Snapshot,
    brief: &Brief,
    rules: BriefRules,
    cancel: Cancel,
) -> Result<Checked, Cancelled> {
    if rules.excluded {
        return Ok(Checked::default());
    }
    let findings = diagnostics_cancellable(snapshot, brief, rules.checks, cancel)?;
    let (shown, accepted) = apply_acceptances(brief, findings, rules.accepted);
    Ok(Checked { shown, accepted })
}

/// Where an acceptance is recorded: the brief's key in the file, today's
/// date, and the file's current text (`None`: it does not exist yet).
#[derive(Clone, Copy, Debug)]
pub struct AcceptTarget<'a> {
    pub brief_key: &'a str,
    pub date: &'a str,
    pub file_text: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionEdit {
    /// Edits to the brief.
    Brief(Vec<Edit>),
    /// An edit to the accepted-findings file.
    AcceptedFile(AcceptedFileEdit),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    /// The finding it resolves, an index into the findings passed in.
    pub finding: usize,
    pub edit: ActionEdit,
    /// An editor may apply it without asking (LSP `isPreferred`).
    pub preferred: bool,
}

/// The actions for the `shown` findings that meet `range`: each one's
/// fixes, then recording it in the accepted-findings file, then accepting
/// it with an inline comment.
pub fn code_actions(
    brief: &Brief,
    shown: &[Finding],
    range: TextRange,
    target: AcceptTarget,
) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    for (i, finding) in shown.iter().enumerate() {
        if !(finding.range.start <= range.end && range.start <= finding.range.end) {
            continue;
        }
        actions.extend(finding.fixes.iter().map(|fix| CodeAction {
            title: fix.title.clone(),
            finding: i,
            edit: ActionEdit::Brief(fix.edits.clone()),
            preferred: fix.preferred,
        }));
        let entry = acceptance_for(brief, finding, target.brief_key, target.date);
        actions.push(CodeAction {
            title: "Accept this finding (record it in .brief-lsp/accepted.toml)".into(),
            finding: i,
            edit: ActionEdit::AcceptedFile(record_acceptance(target.file_text, &entry)),
            preferred: false,
        });
        actions.push(CodeAction {
            title: "Accept this finding here (an inline comment)".into(),
            finding: i,
            edit: ActionEdit::Brief(vec![inline_acceptance_edit(brief, finding)]),
            preferred: false,
        });
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::super::parse_accepted;
    use super::*;
    use crate::snapshot::Snapshot;
    use crate::test_support::corpus_of;

    fn corpus() -> Snapshot {
        corpus_of(&[(
            "mensah2022",
            "Universities\n\nIn 2019 about 25,000 foreign students studied in Ghanaian universities.\n",
        )])
    }

    /// The rules of a brief that is checked, with nothing accepted.
    fn included(checks: &CheckConfig) -> BriefRules<'_> {
        BriefRules {
            checks,
            excluded: false,
            accepted: &[],
        }
    }

    const BRIEF: &str = "# Brief\n\nSee [@nobody] here.\n\nIn 2019 about 40,000 foreign students studied in Ghanaian universities [@mensah2022].\n";

    #[test]
    fn excluded_briefs_show_nothing_and_accepted_findings_drop_out() {
        let corpus = &corpus();
        let brief = Brief::parse(BRIEF);
        let checks = CheckConfig::default();
        let rules = included(&checks);
        let all = check(corpus, &brief, rules);
        assert_eq!(all.shown.len(), 2);
        let excluded = check(
            corpus,
            &brief,
            BriefRules {
                excluded: true,
                ..rules
            },
        );
        assert!(excluded.shown.is_empty() && excluded.accepted.is_empty());
        let entry = acceptance_for(&brief, &all.shown[1], "brief.md", "2026-12-01");
        let accepted = [entry];
        let some = check(
            corpus,
            &brief,
            BriefRules {
                accepted: &accepted,
                ..rules
            },
        );
        assert_eq!((some.shown.len(), some.accepted.len()), (1, 1));
    }

    #[test]
    fn a_finding_offers_its_fixes_then_both_acceptances_as_plain_edits() {
        let corpus = &corpus();
        let brief = Brief::parse(BRIEF);
        let checks = CheckConfig::default();
        let rules = included(&checks);
        let shown = check(corpus, &brief, rules).shown;
        let figure = shown[1].range;
        let target = AcceptTarget {
            brief_key: "briefs/a.md",
            date: "2026-12-01",
            file_text: Some("accepted = []\n"),
        };
        let actions = code_actions(&brief, &shown, TextRange::empty(figure.start), target);
        let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Use the source’s figure: about 25,000 foreign students",
                "Accept this finding (record it in .brief-lsp/accepted.toml)",
                "Accept this finding here (an inline comment)"
            ]
        );
        assert!(matches!(actions[0].edit, ActionEdit::Brief(_)));
        let ActionEdit::AcceptedFile(file) = &actions[1].edit else {
            panic!("{:?}", actions[1]);
        };
        let entries = parse_accepted(&file.edit.new_text).unwrap();
        assert_eq!(entries[0].brief, "briefs/a.md");
        assert_eq!(entries[0].text, "about 40,000 foreign students");
        // A key one digit off: its nearest-key fix comes first.
        let near = Brief::parse("See [@mensah2021] here.\n");
        let shown = check(corpus, &near, rules).shown;
        let on_key = code_actions(&near, &shown, TextRange::empty(8), target);
        assert!(on_key.len() > 2, "{on_key:?}");
        assert!(matches!(on_key[0].edit, ActionEdit::Brief(_)) && on_key[0].title.contains("mensah2022"));
    }
}
