//! The share's preview in words: every figure as the file holds it, no trailing zeros.

use super::{J, d};
use crate::config::Config;
use crate::domain::event::*;
use crate::domain::replay::replay;
use crate::report::share::{ShareId, build, summary};
use crate::report::{Inputs, Period, Purpose, analyse};
use chrono::DateTime;

#[test]
fn the_share_preview_writes_each_figure_without_trailing_zeros() {
    let mut j = J::default();
    j.case("A", "general", "2026-03-02");
    j.timed("2026-03-02", (8, 0), (17, 0), 30);
    j.push(Event::from(NoteAdded {
        date: d("2026-03-02"),
        text: "Busy".into(),
        standards: vec![],
        stress: Some(6),
        told: None,
    }));
    let state = replay(&j.records);
    let config = Config::default();
    let inputs = Inputs {
        state: &state,
        records: &j.records,
        config: &config,
        head: "h",
        chain_ok: true,
        today: d("2026-03-08"),
        period: Period {
            from: d("2026-03-02"),
            to: d("2026-03-08"),
        },
        purpose: Purpose::Share,
        reveal_refs: false,
        generated_at: DateTime::parse_from_rfc3339("2026-03-08T12:00:00+00:00").unwrap(),
        receipt: None,
    };
    let mut share = build(&inputs, &analyse(&inputs), &ShareId("0".repeat(32)));
    assert_eq!(
        (share.hours.longest_week, share.notes.mean_stress),
        (Some(8.5), Some(6.0))
    );
    let text = summary(&share).join("\n");
    assert!(text.contains("longest week 8.5 h;"), "{text}");
    assert!(text.contains("mean stress 6 of 10;"), "{text}");
    assert!(text.contains("highest 17-week average none;"), "{text}");
    // Two decimals stay two: nothing in the file is rounded away from the reader.
    share.hours.longest_week = Some(42.03);
    let text = summary(&share).join("\n");
    assert!(text.contains("longest week 42.03 h;"), "{text}");
}
