//! The command line's shape (SPEC 5). Help text is written for someone new to the tool.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "caseload",
    version = env!("CASELOAD_VERSION"),
    about = "A private, tamper-evident log of the cases you are allocated, your deadlines, leave and hours, turned into evidence.",
    long_about = "caseload keeps a private, local, tamper-evident journal of the cases allocated to you, \
their deadlines, your leave, the hours you work and what it does to you, and turns it into evidence \
for a grievance, a stress risk assessment or supervision.\n\nRun with no command to open the terminal \
UI.\n\nDates can be typed as 22/11/2026, 22/11/26, 22 Nov 2026, 22 nov, 2026-11-22, today, \
yesterday, tomorrow, +14 or -3 (days from today), or a weekday (mon, friday): for something that \
happened (--on) a weekday is the last one and a date without a year the latest; for something due \
(--due) the next one. For leave, sick leave looks back; other leave looks forward, unless the date without a \
year was in the last 60 days (leave just taken, written down afterwards).",
    after_help = "Examples:\n  caseload case add FD26P00123 --kind s7 --undiscussed --by \"team manager\"\n  caseload leave add annual --from 03/08/2026 --to 14/08/2026\n  caseload hours add --start 08:30 --end 18:45 --break 20\n  caseload note add \"Three new cases the day before leave\" --standard demands --stress 7\n  caseload list cases --open\n  caseload receipt"
)]
pub struct Cli {
    /// Folder that holds the journal [default: $CASELOAD_DIR, else your data folder]
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub data_dir: Option<PathBuf>,

    /// Configuration file [default: $CASELOAD_CONFIG, else config.toml in your config folder]
    #[arg(
        long,
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// What "today" means for defaults and reports (the time each record is written is always the real clock)
    #[arg(
        long,
        value_name = "DATE",
        global = true,
        help_heading = "Global options",
        allow_negative_numbers = true
    )]
    pub today: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI on a generated sample journal in a temporary folder (never your data)
    Demo(DemoArgs),
    /// Record a case allocated to you, or close one
    #[command(subcommand)]
    Case(CaseCommand),
    /// Record a deadline, mark it met, or extend it
    #[command(subcommand)]
    Deadline(DeadlineCommand),
    /// Record a period of leave
    #[command(subcommand)]
    Leave(LeaveCommand),
    /// Record hours worked
    #[command(subcommand)]
    Hours(HoursCommand),
    /// Record a diary note: what happened and what it did to you
    #[command(subcommand)]
    Note(NoteCommand),
    /// List current records
    List(ListArgs),
    /// Withdraw the journal's last record (asks first; --yes for scripts)
    Undo {
        /// Do it without asking
        #[arg(long)]
        yes: bool,
    },
    /// Withdraw a record: it stays in the journal, marked as withdrawn, with your reason
    Void {
        /// The record's number (its id, or the SEQ column of `caseload list events`)
        seq: String,
        /// Why it is withdrawn, e.g. "entered twice"
        #[arg(long)]
        reason: String,
    },
    /// Remove text typed by mistake (a name): the record's line is replaced by a stub that keeps its SHA-256, so the chain and every receipt still verify, and a redaction record says when and why
    Redact {
        /// The record's number (its id, or the SEQ column of `caseload list events`)
        seq: String,
        /// Why it is redacted, e.g. "a child's name typed by mistake"
        #[arg(long)]
        reason: String,
    },
    /// Import records you already keep: a spreadsheet (CSV, Excel, OpenDocument) of cases, deadlines, leave or hours, or a calendar (.ics) of leave or deadlines. Shows what it would write; --apply writes it
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// Produce a report for a grievance, a stress risk assessment, supervision or a notice to your manager
    #[command(after_help = REPORT_HELP)]
    Report(ReportArgs),
    /// Combine members' shares (`report --purpose share`) into one anonymous team picture, for a union rep and an organisational stress risk assessment; needs no journal or config
    Team(TeamArgs),
    /// Check the journal's hash chain, and optionally a receipt given out earlier
    Verify {
        /// A receipt line printed earlier by `caseload receipt`, or a document's `caseload-document` line (a plain text's last line)
        #[arg(long, value_name = "TEXT")]
        receipt: Option<String>,
        /// Make the journal, its backups and its folder private (0600 and 0700) if others can read them
        #[arg(long)]
        fix_permissions: bool,
        /// A document caseload wrote (md, txt, html, pdf, csv, json, ics): make it again from the journal and say whether the file is exactly that
        #[arg(long, value_name = "FILE", conflicts_with_all = ["receipt", "fix_permissions"])]
        document: Option<std::path::PathBuf>,
    },
    /// Print a one-line receipt of the journal as it is now, to send to someone you trust
    Receipt,
    /// Show where the configuration lives, or start one from a preset
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print tab completion for a shell (bash, zsh, fish, powershell, elvish) to standard output
    #[command(after_help = super::completions::COMPLETIONS_HELP)]
    Completions { shell: clap_complete::Shell },
    /// Print caseload's manual page (roff) to standard output: `caseload man | man -l -`
    Man,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Instead of opening the UI, write a sample journal (about 2,500 records a year, every block of each day logged) and its config.toml into DIR and exit
    #[arg(long, value_name = "DIR")]
    pub generate: Option<PathBuf>,
    /// How many years of records to generate [default: 1.5]
    #[arg(
        long,
        value_name = "N",
        requires = "generate",
        allow_negative_numbers = true
    )]
    pub years: Option<String>,
    /// Seed for the generator; the same seed gives the same journal [default: 1]
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    pub seed: Option<String>,
    /// The field the sample is for: its config preset, case kinds and words (cafcass-fca or probation-officer) [default: cafcass-fca]
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Record a case allocated to you
    #[command(
        override_usage = "caseload case add [OPTIONS] --kind <KEY> <REF>",
        after_help = "Examples:\n  caseload case add FD26P00123 --kind s7\n  caseload case add NP26/0101 --kind tier-a --on 02/11/2026 --undiscussed --by \"team manager\""
    )]
    Add {
        /// Your reference for the case: a court number or a private code, never a name (1-40 characters)
        #[arg(value_name = "REF")]
        reference: String,
        /// The kind of case: a key from your configuration (a missing or unknown one lists them; `caseload config path` shows the file) [required]
        #[arg(long, value_name = "KEY")]
        kind: Option<String>,
        /// The day it was allocated [default: today]
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        on: Option<String>,
        /// Who allocated it: a role rather than a name is recommended, e.g. "team manager"
        #[arg(long, value_name = "TEXT")]
        by: Option<String>,
        /// It was allocated without any discussion with you (left out, the case is recorded as discussed: yes)
        #[arg(long)]
        undiscussed: bool,
        /// Weekly hours this case needs, if not the usual for its kind
        #[arg(allow_negative_numbers = true, long, value_name = "HOURS")]
        weight: Option<String>,
        /// A note about the allocation
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Open a closed case again: its closing record is withdrawn (it stays in the journal)
    Reopen {
        /// The case's reference, as `caseload list cases` shows it (capitals do not matter)
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Record that a case was closed or transferred away from you
    Close {
        /// The case's reference, as `caseload list cases` shows it (capitals do not matter)
        #[arg(value_name = "REF")]
        reference: String,
        /// The day it closed [default: today]
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        on: Option<String>,
        /// What happened, e.g. "final order" or "transferred"
        #[arg(long, value_name = "TEXT")]
        outcome: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DeadlineCommand {
    /// Record a deadline; prints its id
    #[command(
        after_help = "Examples:\n  caseload deadline add --due 04/12/2026 --what \"Section 7 report\" --case FD26P00123\n  caseload deadline add --due fri --what \"Supervision notes\""
    )]
    Add {
        /// The day it is due
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        due: String,
        /// What is due, e.g. "Section 7 report filing"
        #[arg(long, value_name = "TEXT")]
        what: String,
        /// The case it belongs to, by your reference
        #[arg(long, value_name = "REF")]
        case: Option<String>,
    },
    /// Mark a deadline met
    #[command(visible_alias = "met")]
    Done {
        /// The deadline's id, as printed by `deadline add` or `list deadlines`
        #[arg(allow_negative_numbers = true)]
        id: String,
        /// The day it was met [default: today]
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        on: Option<String>,
    },
    /// Move a deadline to a later date (an extension granted)
    Extend {
        /// The deadline's id, as printed by `deadline add` or `list deadlines`
        #[arg(allow_negative_numbers = true)]
        id: String,
        /// The new due date
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        due: String,
        /// Why, e.g. "court granted extension"
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LeaveCommand {
    /// Record leave; prints its id. KIND is annual, sick, toil, training, parental or other
    #[command(
        after_help = "Examples:\n  caseload leave add annual --from 03/08/2026 --to 14/08/2026\n  caseload leave add sick --from 16/11/2026 --to 18/11/2026 --note \"flu\""
    )]
    Add {
        /// annual, sick, toil, training, parental or other, or a word for one (holiday, maternity, lieu...)
        kind: String,
        /// First day of leave
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        from: String,
        /// Last day of leave (inclusive)
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        to: String,
        /// A note about the leave, e.g. "booked in March"
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HoursCommand {
    /// Start the working day's timer (one per journal; it survives restarts)
    Start {
        /// When you started, 24-hour HH:MM [default: now]
        #[arg(long, value_name = "HH:MM")]
        at: Option<String>,
    },
    /// Stop the timer: its day is recorded as hours worked, from its start to now (or --at)
    Stop {
        /// When you stopped, 24-hour HH:MM [default: now]
        #[arg(long, value_name = "HH:MM")]
        at: Option<String>,
        /// Minutes of break taken during the day [default: none]
        #[arg(allow_negative_numbers = true, long = "break", value_name = "MIN")]
        break_minutes: Option<String>,
    },
    /// Throw a running timer away without recording anything
    Cancel,
    /// Record hours worked on a day, as start and end times or as a number; prints its id
    #[command(
        after_help = "Examples:\n  caseload hours add --start 08:30 --end 18:45 --break 20\n  caseload hours add --on yesterday --hours 7h30 --note \"evening visits\""
    )]
    Add {
        /// The day worked [default: today]
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        on: Option<String>,
        /// Start time, 24-hour HH:MM
        #[arg(long, value_name = "HH:MM", requires = "end", conflicts_with = "hours")]
        start: Option<String>,
        /// End time, 24-hour HH:MM, the same day
        #[arg(
            long,
            value_name = "HH:MM",
            requires = "start",
            conflicts_with = "hours"
        )]
        end: Option<String>,
        /// Minutes of break taken between start and end, e.g. 30, 30m or 0:30
        #[arg(
            allow_negative_numbers = true,
            long = "break",
            value_name = "MIN",
            requires = "start"
        )]
        break_minutes: Option<String>,
        /// A number of hours instead of times, e.g. 2.5, 7,5, 7h30 or 7:30
        #[arg(
            allow_negative_numbers = true,
            long,
            value_name = "H",
            required_unless_present = "start"
        )]
        hours: Option<String>,
        /// What the hours were, e.g. "court bundle" (no names)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Record a diary note; prints its id. With no TEXT, your editor ($VISUAL or $EDITOR)
    /// opens for it (an empty file cancels); with `-`, it is read from standard input
    #[command(
        after_help = "Examples:\n  caseload note add \"Three new cases the day before leave\" --standard demands,support --stress 7\n  caseload note add --on yesterday --told \"manager by email\"   (opens your editor)"
    )]
    Add {
        /// What happened and how it affected you (line breaks are kept). Never write names of children or families
        text: Option<String>,
        /// The day it describes [default: today]
        #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
        on: Option<String>,
        /// HSE Management Standards it concerns (repeatable, or separated by commas): demands, control, support, relationships, role, change
        #[arg(long = "standard", value_name = "S")]
        standards: Vec<String>,
        /// How stressed you felt, 0 (not at all) to 10 (worst)
        #[arg(allow_negative_numbers = true, long, value_name = "N")]
        stress: Option<String>,
        /// Who you told, and how (e.g. "manager by email")
        #[arg(long, value_name = "TEXT")]
        told: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    Cases,
    Deadlines,
    Leave,
    Hours,
    Notes,
    Events,
}

/// The order of `caseload list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListOrder {
    /// By the date each record is about (allocated, due, from, worked, the note's day)
    Date,
    /// In the order they were entered in the journal
    Entered,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list
    pub what: ListWhat,
    /// Order: by date (the default), or as entered (events are always as entered)
    #[arg(long, value_name = "ORDER", default_value = "date")]
    pub by: ListOrder,
    /// Only open cases, or deadlines not yet met
    #[arg(long)]
    pub open: bool,
    /// Print a JSON array instead of a table
    #[arg(long)]
    pub json: bool,
    /// With `cases`: print the key to the pseudonyms in reports (Case N, your reference, allocated on); keep it to yourself
    #[arg(long)]
    pub key: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// What the report is for: grievance, stress, supervision, notice, or share (figures only, for your union rep: JSON, see `caseload team`)
    #[arg(long, default_value = "grievance")]
    pub purpose: crate::report::Purpose,
    /// First day covered [default: a year before --to; four weeks for supervision]
    #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
    pub from: Option<String>,
    /// Last day covered [default: today]
    #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
    pub to: Option<String>,
    /// Output format: md (email or letter), txt (plain text for an email body), html (charts, printable), pdf, csv (chronology), json, ics (calendar) [default: md; json for a share]
    #[arg(long)]
    pub format: Option<crate::report::Format>,
    /// Write to FILE instead of standard output (a name, a relative path or ~/...)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it already exists (a folder, device, FIFO or symlink is never replaced)
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Show your real case references instead of Case 1, Case 2... [default for a notice or supervision in md, txt, html or pdf]
    #[arg(long, conflicts_with = "pseudonyms")]
    pub reveal_refs: bool,
    /// Show Case 1, Case 2... instead of your real case references [default for a grievance, a stress risk assessment, and csv, json and ics]
    #[arg(long)]
    pub pseudonyms: bool,
    /// Your name, to sign the letter with [default: `[person] name` in the config]
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// Your job title, under your name [default: `[person] role`]
    #[arg(long, value_name = "TEXT")]
    pub role: Option<String>,
    /// Whom the letter is addressed to, "Dear ..." [default: `[person] manager`]; for a grievance about your manager, another manager or HR
    #[arg(long, value_name = "TEXT")]
    pub manager: Option<String>,
    /// Your employer, for the grievance procedure [default: `[person] employer`]
    #[arg(long, value_name = "TEXT")]
    pub employer: Option<String>,
    /// What you are asking for (a grievance only): fills "The outcome I am asking for"
    #[arg(long, value_name = "TEXT")]
    pub outcome: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  caseload team shares/ --format pdf -o team.pdf\n  caseload team a.json b.json c.json d.json e.json --format html -o team.html\n  caseload team shares/ --from 01/12/2025 --to 30/11/2026 --min-members 8 --skip-bad"
)]
pub struct TeamArgs {
    /// Share files (caseload.share/1), or folders holding them (the .json files inside)
    #[arg(value_name = "SHARE.json", required = true)]
    pub shares: Vec<PathBuf>,
    /// First week covered: the week this day falls in [default: the weeks most shares cover]
    #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
    pub from: Option<String>,
    /// Last week covered: the week this day falls in [default: the weeks most shares cover]
    #[arg(long, value_name = "DATE", allow_negative_numbers = true)]
    pub to: Option<String>,
    /// Output format: md, html (charts, printable), pdf, csv (one table) or json (caseload.team/1)
    #[arg(long, default_value = "md")]
    pub format: crate::report::Format,
    /// Write to FILE instead of standard output (a name, a relative path or ~/...)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it already exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The fewest members a figure may come from; below it the figure is withheld (at least 3) [default: 5]
    #[arg(long, value_name = "K", allow_negative_numbers = true)]
    pub min_members: Option<String>,
    /// Go on without the files that are refused (each is named, with why) instead of writing nothing
    #[arg(long)]
    pub skip_bad: bool,
}

pub const REPORT_HELP: &str = "References: a notice and a supervision summary go to your own manager, who holds your case references, so in md, txt, html and pdf they show the real references (--pseudonyms hides them). A grievance, a stress risk assessment, and every csv, json and ics show Case 1, Case 2... (--reveal-refs shows the real ones).\n\nThe letter's name, role, addressee and employer come from `[person]` in the config, or --name, --role, --manager, --employer for one report; one left unset shows a mark to complete by hand.\n\nExamples:\n  caseload report --purpose notice --format txt\n  caseload report --purpose grievance --format pdf -o grievance.pdf --manager \"Head of Service\" --outcome \"A caseload within my contracted hours\"\n  caseload report --purpose stress --format html -o stress.html";

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the configuration file in use
    Path,
    /// Write a configuration file to start from, optionally from a preset (cafcass-fca, probation-officer)
    Init {
        /// The preset to start from: cafcass-fca or probation-officer [default: the built-in defaults]
        #[arg(long, value_name = "NAME")]
        preset: Option<String>,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// Print the built-in defaults, which document every setting
    Defaults,
}

pub const IMPORT_HELP: &str = "Columns are found by their headers (Case number / Reference, Type, Date allocated, Allocated by, Discussed, Weekly hours, Closed, Outcome; Case, What, Due, Met; Type, From, To; Date, Start, Finish, Break, Hours; Notes). Only those are read: a column of names is never read unless --map names it. Fields for --map: cases: ref, kind, allocated, by, discussed, weight, note, closed, outcome; deadlines: due, case, what, met; leave: kind, from, to, note; hours: date, start, end, break, hours, note (--map note= leaves a column unread).\n\nExamples:\n  caseload import cases.xlsx --as cases\n  caseload import cases.xlsx --as cases --sheet Open --map ref=\"Our code\" --map-kind \"Section 7=s7\" --apply\n  caseload import diary.csv --as hours --month-first --apply\n  caseload import outlook.ics --as leave --match leave --match toil --apply\n  caseload import tracker.xlsx --as deadlines --header-row 3";

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: .csv, .tsv, .xlsx, .xlsm, .xlsb, .xls, .ods or .ics
    pub file: PathBuf,
    /// What its rows are
    #[arg(long = "as", value_name = "WHAT")]
    pub target: ImportAs,
    /// The sheet of a workbook to read, by name or number [default: the first]
    #[arg(long, value_name = "SHEET")]
    pub sheet: Option<String>,
    /// Read a field from the column with this header, e.g. --map ref="Case No" (repeatable)
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    pub maps: Vec<String>,
    /// What a kind in the file means, e.g. --map-kind "Section 7=s7" (for a calendar: text in the summary) (repeatable)
    #[arg(long = "map-kind", value_name = "TEXT=KEY")]
    pub kind_maps: Vec<String>,
    /// Read dates such as 03/04/2026 as 3 April (the usual, unless the file shows otherwise)
    #[arg(long, conflicts_with = "month_first")]
    pub day_first: bool,
    /// Read dates such as 03/04/2026 as 4 March (a US export)
    #[arg(long)]
    pub month_first: bool,
    /// For a calendar: keep only events whose summary contains this text, e.g. "annual leave" (repeatable: an event matching any is kept)
    #[arg(long = "match", value_name = "TEXT")]
    pub matching: Vec<String>,
    /// The row holding the column names, as the spreadsheet numbers it [default: found among the first rows, so a title above them is passed over]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub header_row: Option<String>,
    /// Write the records (all of them, or none if any row is refused)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportAs {
    Cases,
    Deadlines,
    Leave,
    Hours,
}
