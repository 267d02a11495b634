//! `caseload list`: current records as a table or a JSON array.

use super::args::{ListArgs, ListOrder, ListWhat};
use super::{Context, io_failed};
use crate::config::Config;
use crate::domain::dates::format_date;
use crate::domain::describe::describe;
use crate::domain::replay::State;
use crate::error::{Error, Result};
use crate::journal::{Access, Journal};
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::io::Write;

pub fn run(ctx: &Context, args: &ListArgs) -> Result<()> {
    if args.open && !matches!(args.what, ListWhat::Cases | ListWhat::Deadlines) {
        return Err(Error::invalid(
            "--open applies only to `list cases` and `list deadlines`",
        ));
    }
    if args.key && args.what != ListWhat::Cases {
        return Err(Error::invalid("--key applies only to `list cases`"));
    }
    let config = ctx.config()?;
    let journal = ctx.open(Access::ReadOnly)?;
    if let Some(damage) = journal.damage() {
        crate::output::warn(format_args!(
            "warning: the journal is damaged ({damage}); showing the {} before line {}. Run `caseload verify`",
            super::verify::count_records(journal.records().len()),
            journal.records().len() + 1
        ));
    }
    let table = build(&journal, &config, ctx.today, args);
    let mut out = std::io::stdout().lock();
    if args.json {
        let text =
            serde_json::to_string_pretty(&Value::Array(table.json)).expect("JSON values serialise");
        writeln!(out, "{text}").map_err(io_failed)?;
    } else if table.rows.is_empty() {
        writeln!(out, "(none)").map_err(io_failed)?;
    } else {
        write_table(&mut out, &table.header, &table.rows).map_err(io_failed)?;
    }
    Ok(())
}

struct Listing {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    json: Vec<Value>,
}

fn build(journal: &Journal, config: &Config, today: NaiveDate, args: &ListArgs) -> Listing {
    let view = View {
        journal,
        state: journal.state(),
        config,
        today,
        args,
    };
    match args.what {
        ListWhat::Cases if args.key => pseudonym_key(&view),
        ListWhat::Cases => cases(&view),
        ListWhat::Deadlines => deadlines(&view),
        ListWhat::Leave => leave(&view),
        ListWhat::Hours => hours(&view),
        ListWhat::Notes => notes(&view),
        ListWhat::Events => events(&view),
    }
}

/// What every listing reads: the journal, the configuration and the options.
struct View<'a> {
    journal: &'a Journal,
    state: &'a State,
    config: &'a Config,
    today: NaiveDate,
    args: &'a ListArgs,
}

impl<'a> View<'a> {
    fn show(&self, date: NaiveDate) -> String {
        format_date(date, &self.config.date_format)
    }

    fn by_date(&self) -> bool {
        self.args.by == ListOrder::Date
    }

    /// The cases `--open` keeps (all of them without it).
    fn cases(&self) -> Vec<&'a crate::domain::Case> {
        self.state
            .cases
            .iter()
            .filter(|c| !self.args.open || c.is_open_on(self.today))
            .collect()
    }
}

impl Listing {
    fn new(header: Vec<&'static str>) -> Listing {
        Listing {
            header,
            rows: Vec::new(),
            json: Vec::new(),
        }
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn cases(view: &View) -> Listing {
    let mut listing = Listing::new(vec![
        "REF",
        "KIND",
        "ALLOCATED",
        "BY",
        "DISCUSSED",
        "HOURS/WK",
        "CLOSED",
        "ID",
    ]);
    let mut cases = view.cases();
    if view.by_date() {
        cases.sort_by_key(|c| (c.allocated_on, c.id));
    }
    for c in cases {
        let weight = view.config.weight_of(&c.kind, c.weight);
        listing.rows.push(vec![
            c.reference.clone(),
            c.kind.clone(),
            view.show(c.allocated_on),
            opt(&c.allocated_by),
            if c.discussed { "yes" } else { "NO" }.into(),
            format!("{weight:.1}"),
            c.closed_on.map(|d| view.show(d)).unwrap_or_default(),
            c.id.to_string(),
        ]);
        listing.json.push(json!({
            "id": c.id, "ref": c.reference, "kind": c.kind, "allocated_on": c.allocated_on,
            "allocated_by": c.allocated_by, "discussed": c.discussed, "weight": c.weight,
            "weekly_hours": weight, "closed_on": c.closed_on, "outcome": c.outcome, "note": c.note,
            "amended": c.amended,
        }));
    }
    listing
}

fn deadlines(view: &View) -> Listing {
    let mut listing = Listing::new(vec!["ID", "DUE", "CASE", "WHAT", "STATUS"]);
    let mut deadlines: Vec<_> = view
        .state
        .deadlines
        .iter()
        .filter(|d| !view.args.open || d.met_on.is_none())
        .collect();
    if view.by_date() {
        deadlines.sort_by_key(|d| (d.due, d.id));
    }
    for d in deadlines {
        listing.rows.push(vec![
            d.id.to_string(),
            view.show(d.due),
            opt(&d.case),
            d.what.clone(),
            deadline_status(view, d),
        ]);
        listing.json.push(json!({
            "id": d.id, "case": d.case, "what": d.what, "due": d.due, "original_due": d.original_due,
            "met_on": d.met_on, "extensions": d.extensions.len(), "amended": d.amended,
        }));
    }
    listing
}

/// Met (late or in time), missed or open, and the original date if it was extended.
fn deadline_status(view: &View, d: &crate::domain::Deadline) -> String {
    let status = match d.met_on {
        Some(met) if met > d.due => format!("met late, {}", view.show(met)),
        Some(met) => format!("met {}", view.show(met)),
        None if d.due < view.today => "MISSED".into(),
        None => "open".into(),
    };
    if d.extensions.is_empty() {
        status
    } else {
        format!("{status} (extended from {})", view.show(d.original_due))
    }
}

fn leave(view: &View) -> Listing {
    let mut listing = Listing::new(vec!["ID", "KIND", "FROM", "TO", "NOTE"]);
    let mut leave: Vec<_> = view.state.leave.iter().collect();
    if view.by_date() {
        leave.sort_by_key(|l| (l.from, l.id));
    }
    for l in leave {
        listing.rows.push(vec![
            l.id.to_string(),
            l.kind.to_string(),
            view.show(l.from),
            view.show(l.to),
            opt(&l.note),
        ]);
        listing.json.push(json!({
            "id": l.id, "kind": l.kind, "from": l.from, "to": l.to, "note": l.note, "amended": l.amended,
        }));
    }
    listing
}

fn hours(view: &View) -> Listing {
    let mut listing = Listing::new(vec!["ID", "DATE", "START", "END", "BREAK", "HOURS", "NOTE"]);
    let mut hours: Vec<_> = view.state.hours.iter().collect();
    if view.by_date() {
        // Within a day: timed entries by start time, then plain numbers of hours.
        hours.sort_by_key(|h| (h.entry.date, h.entry.start.is_none(), h.entry.start, h.id));
    }
    let time = |t: Option<crate::domain::ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
    for h in hours {
        let e = &h.entry;
        listing.rows.push(vec![
            h.id.to_string(),
            view.show(e.date),
            time(e.start),
            time(e.end),
            e.break_minutes.map(|b| format!("{b}m")).unwrap_or_default(),
            format!("{:.2}", e.worked()),
            opt(&e.note),
        ]);
        listing.json.push(json!({
            "id": h.id, "date": e.date, "start": e.start, "end": e.end, "break_minutes": e.break_minutes,
            "hours": (e.worked() * 100.0).round() / 100.0, "note": e.note, "amended": h.amended,
        }));
    }
    listing
}

fn notes(view: &View) -> Listing {
    let mut listing = Listing::new(vec!["ID", "DATE", "STRESS", "STANDARDS", "TOLD", "TEXT"]);
    let mut notes: Vec<_> = view.state.notes.iter().collect();
    if view.by_date() {
        notes.sort_by_key(|n| (n.note.date, n.id));
    }
    for n in notes {
        let e = &n.note;
        let standards: Vec<&str> = e.standards.iter().map(|s| s.key()).collect();
        listing.rows.push(vec![
            n.id.to_string(),
            view.show(e.date),
            e.stress.map(|s| s.to_string()).unwrap_or_default(),
            standards.join(","),
            opt(&e.told),
            one_line(&e.text),
        ]);
        listing.json.push(json!({
            "id": n.id, "date": e.date, "text": e.text, "standards": e.standards, "stress": e.stress,
            "told": e.told, "amended": n.amended,
        }));
    }
    listing
}

/// Every journal line in order, with what later lines did to it.
fn events(view: &View) -> Listing {
    let mut listing = Listing::new(vec!["SEQ", "WRITTEN", "TYPE", "STATUS", "ABOUT"]);
    let records = view.journal.records();
    for r in records {
        let about = describe(&r.event, records, view.state, &view.config.date_format);
        listing.rows.push(vec![
            r.seq.to_string(),
            r.at.format("%Y-%m-%d %H:%M").to_string(),
            r.event.type_name().to_string(),
            event_status(view, r.seq),
            about.clone(),
        ]);
        let mut value = serde_json::to_value(&r.event).expect("events serialise");
        if let Value::Object(map) = &mut value {
            map.insert("seq".into(), json!(r.seq));
            map.insert(
                "at".into(),
                json!(r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
            );
            map.insert(
                "withdrawn".into(),
                json!(view.state.voided.contains(&r.seq)),
            );
            if let Some(by) = view.state.redacted_by.get(&r.seq) {
                map.insert("redacted_by".into(), json!(by));
            }
            map.insert("about".into(), json!(about));
        }
        listing.json.push(value);
    }
    listing
}

/// Redacted (when, by which line), withdrawn, amended, or nothing.
fn event_status(view: &View, seq: u64) -> String {
    let state = view.state;
    let redacted = state.redacted_by.get(&seq).and_then(|by| {
        let on = view
            .journal
            .records()
            .get((*by as usize).checked_sub(1)?)?
            .at;
        Some(format!(
            "redacted on {} by {by}",
            view.show(on.date_naive())
        ))
    });
    if let Some(redacted) = redacted {
        redacted
    } else if state.voided.contains(&seq) {
        "withdrawn".to_string()
    } else if let Some(by) = state.amended_by.get(&seq) {
        format!("amended by {by}")
    } else {
        String::new()
    }
}

/// A note on one table line: its line breaks shown as ¶ (the JSON keeps them).
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ¶ ")
}

/// The key to the reports' pseudonyms, in the order of their numbers.
fn pseudonym_key(view: &View) -> Listing {
    let names = crate::report::Pseudonyms::new(view.journal.records(), view.state, false);
    let mut cases = view.cases();
    cases.sort_by_key(|c| names.number(&c.reference));
    let mut listing = Listing::new(vec!["CASE", "REF", "ALLOCATED"]);
    for c in cases {
        listing.rows.push(vec![
            names.pseudonym(&c.reference),
            c.reference.clone(),
            view.show(c.allocated_on),
        ]);
        listing.json.push(json!({
            "case": names.pseudonym(&c.reference), "ref": c.reference, "allocated_on": c.allocated_on,
        }));
    }
    listing
}

/// Left-aligned columns separated by two spaces; the last column is not padded. A journal's
/// control characters are shown as visible escapes (`^[`), never sent to the terminal.
pub(super) fn write_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| crate::output::visible(cell).into_owned())
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len() - 1;
        let mut text = String::new();
        for (i, cell) in cells.into_iter().enumerate() {
            text.push_str(cell);
            if i < last {
                text.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        text.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}
