//! The headers people give each field's column in the files they import, normalised (see
//! `columns::normalise`): the names in court and local-authority case lists, HR leave
//! exports and timesheets. `columns::Field::headers` says which list names which field.

pub(super) const REF_HEADERS: &[&str] = &[
    "case number",
    "case no",
    "case num",
    "case ref",
    "case reference",
    "reference",
    "ref",
    "ref no",
    "case",
    "case id",
    "court number",
    "court no",
    "court ref",
    "court reference",
    "number",
];
pub(super) const LEAVE_KIND_HEADERS: &[&str] = &[
    "type",
    "kind",
    "leave type",
    "type of leave",
    "leave",
    "summary",
];
pub(super) const KIND_HEADERS: &[&str] = &[
    "type",
    "kind",
    "case type",
    "case kind",
    "work type",
    "type of case",
    "order",
    "order type",
    "application",
    "application type",
    "tier",
    "risk tier",
    "tier level",
];
pub(super) const ALLOCATED_HEADERS: &[&str] = &[
    "allocated",
    "date allocated",
    "allocated on",
    "allocation date",
    "allocation",
    "date of allocation",
    "allocated date",
    "opened",
    "date opened",
    "start date",
    "received",
    "date received",
];
pub(super) const ALLOCATED_BY_HEADERS: &[&str] =
    &["allocated by", "allocator", "by", "allocated from"];
pub(super) const DISCUSSED_HEADERS: &[&str] = &[
    "discussed",
    "discussed with me",
    "discussed first",
    "discussion",
    "allocated with discussion",
    "agreed",
];
pub(super) const WEIGHT_HEADERS: &[&str] = &[
    "weight",
    "weighting",
    "weekly hours",
    "hours per week",
    "hours a week",
    "hours week",
    "hrs week",
    "hours wk",
];
pub(super) const CLOSED_HEADERS: &[&str] = &[
    "closed",
    "date closed",
    "closed on",
    "closure date",
    "closing date",
];
pub(super) const OUTCOME_HEADERS: &[&str] = &["outcome", "result"];
pub(super) const CASE_HEADERS: &[&str] = &[
    "case",
    "case number",
    "case no",
    "case ref",
    "case reference",
    "reference",
    "ref",
    "court number",
    "court no",
];
pub(super) const WHAT_HEADERS: &[&str] = &[
    "what",
    "task",
    "summary",
    "title",
    "description",
    "item",
    "action",
    "deadline for",
    "work",
    "filing",
    "event",
];
pub(super) const DUE_HEADERS: &[&str] = &[
    "due",
    "deadline",
    "due date",
    "date due",
    "due on",
    "filing date",
    "due by",
    "deadline date",
    "first day",
];
pub(super) const MET_HEADERS: &[&str] = &[
    "met",
    "met on",
    "date met",
    "done",
    "done on",
    "completed",
    "date completed",
    "completed on",
    "filed",
    "filed on",
    "date filed",
];
pub(super) const FROM_HEADERS: &[&str] = &[
    "from",
    "start",
    "start date",
    "first day",
    "date from",
    "begins",
    "starts",
    "leave from",
];
pub(super) const TO_HEADERS: &[&str] = &[
    "to", "end", "end date", "last day", "date to", "until", "ends", "leave to", "return",
];
pub(super) const DATE_HEADERS: &[&str] = &["date", "day", "date worked", "work date"];
pub(super) const START_HEADERS: &[&str] = &[
    "start",
    "started",
    "start time",
    "from",
    "time in",
    "in",
    "began",
    "begin",
];
pub(super) const END_HEADERS: &[&str] = &[
    "finish",
    "finished",
    "end",
    "end time",
    "to",
    "time out",
    "out",
    "finish time",
    "stopped",
];
pub(super) const BREAK_HEADERS: &[&str] = &[
    "break",
    "breaks",
    "break minutes",
    "break mins",
    "lunch",
    "lunch break",
    "break min",
];
pub(super) const HOURS_HEADERS: &[&str] = &[
    "hours",
    "total",
    "total hours",
    "hours worked",
    "worked",
    "hrs",
    "duration",
];
pub(super) const NOTE_HEADERS: &[&str] = &["notes", "note", "comments", "comment", "remarks"];
