//! The command line: parse, call the core, print. Errors are one line on stderr.

mod args;
mod completions;
mod demo;
mod import;
mod list;
mod report;
mod share;
mod team;
mod verify;
mod write;

pub use args::Cli;
use args::{Command, ConfigCommand};

use crate::config::{Config, DEFAULT_TOML, PRESETS, preset};
use crate::domain::parse_date;
use crate::error::{Error, Result};
use crate::journal::{Access, Journal};
use chrono::NaiveDate;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Where things are and what day it is, resolved from the global options.
pub struct Context {
    pub data_dir: PathBuf,
    pub config_path: PathBuf,
    /// Whether the user named the config file (then it must exist).
    pub config_named: bool,
    pub today: NaiveDate,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Result<Context> {
        let real_today = chrono::Local::now().date_naive();
        let today = match &cli.today {
            Some(text) => {
                parse_date(text, real_today).map_err(|e| Error::invalid(format!("--today: {e}")))?
            }
            None => real_today,
        };
        let dirs = directories::ProjectDirs::from("", "", "caseload");
        let env_path = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let data_dir = cli
            .data_dir
            .clone()
            .or_else(|| env_path("CASELOAD_DIR"))
            .map(|p| crate::output::resolve(&p))
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .ok_or_else(|| {
                Error::Failed(
                    "cannot find a data folder for this user; give one with --data-dir".into(),
                )
            })?;
        // Made absolute (with `~` expanded), so that a bare `--config rel.toml` has a folder.
        let named = cli
            .config
            .clone()
            .or_else(|| env_path("CASELOAD_CONFIG"))
            .map(|p| crate::output::resolve(&p));
        let config_named = named.is_some();
        let config_path = named
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().join("config.toml")))
            .ok_or_else(|| {
                Error::Failed(
                    "cannot find a config folder for this user; give a file with --config".into(),
                )
            })?;
        Ok(Context {
            data_dir,
            config_path,
            config_named,
            today,
        })
    }

    /// Whether the config file exists (else the built-in defaults apply).
    pub fn config_exists(&self) -> bool {
        self.config_path.exists()
    }

    pub fn config(&self) -> Result<Config> {
        Ok(Config::load(&self.config_path, self.config_named)?)
    }

    pub fn open(&self, access: Access) -> Result<Journal> {
        let mut journal = Journal::open(&self.data_dir, access)?;
        for notice in journal.take_notices() {
            crate::output::warn(format_args!("note: {notice}"));
        }
        Ok(journal)
    }
}

/// Runs the program with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                let _ = e.print();
                return ExitCode::from(2);
            }
            // The error and clap's "tip: a similar subcommand exists" lines, on one line.
            let rendered = e.to_string();
            let mut summary = String::new();
            for line in rendered
                .lines()
                .take_while(|l| !l.starts_with("Usage:"))
                .map(|l| l.trim().trim_start_matches("error: "))
                .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
            {
                match line.strip_prefix("tip: ") {
                    Some(tip) => summary.push_str(&format!("; {tip}")),
                    None if summary.is_empty() => summary.push_str(line),
                    None => summary.push_str(&format!(" {line}")),
                }
            }
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            crate::output::warn(format_args!("{summary}; see `{} --help`", help_for(&args)));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) | Err(Error::OutputClosed) => ExitCode::SUCCESS,
        Err(e) => {
            // Never a panic, even with standard error closed or full (`warn` ignores both),
            // and a journal's text in the message shown, not obeyed, by the terminal.
            crate::output::warn(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// The command whose help a refused command line should read: as far as `args` name
/// subcommands (`caseload case add`), skipping options and the values they take.
pub fn help_for(args: &[String]) -> String {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let mut path = vec![command.get_name().to_string()];
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(option) = arg.strip_prefix('-') {
            let (long, short) = match option.strip_prefix('-') {
                Some(long) => (Some(long), None),
                None => (None, option.chars().next()),
            };
            let takes_value = !arg.contains('=')
                && command.get_arguments().any(|a| {
                    (long.is_some() && a.get_long() == long
                        || short.is_some() && a.get_short() == short)
                        && a.get_action().takes_values()
                });
            if takes_value {
                args.next();
            }
            continue;
        }
        let Some(sub) = command.find_subcommand(arg).cloned() else {
            break;
        };
        path.push(sub.get_name().to_string());
        command = sub;
    }
    path.join(" ")
}

pub fn run(cli: Cli) -> Result<()> {
    // These describe the program, not a journal: answered before any folder is looked for, so
    // a packager's build (often with no home folder) can run them.
    match cli.command {
        Some(Command::Completions { shell }) => return completions::print_completions(shell),
        Some(Command::Man) => return completions::print_man_page(),
        _ => {}
    }
    // A rep's command: it needs neither a journal nor a configuration, nor their folders.
    if let Some(Command::Team(args)) = &cli.command {
        return team::run(cli.today.as_deref(), args);
    }
    let ctx = Context::from_cli(&cli)?;
    let Some(command) = cli.command else {
        return crate::tui::run(&ctx.data_dir, &ctx.config_path, ctx.config_named, ctx.today);
    };
    match command {
        Command::Demo(args) => demo::run(&ctx, &args),
        Command::Case(c) => write::case(&ctx, c),
        Command::Deadline(c) => write::deadline(&ctx, c),
        Command::Leave(c) => write::leave(&ctx, c),
        Command::Hours(c) => write::hours(&ctx, c),
        Command::Note(c) => write::note(&ctx, c),
        Command::Void { seq, reason } => write::void(&ctx, &seq, &reason),
        Command::Undo { yes } => write::undo(&ctx, yes),
        Command::Import(args) => import::run(&ctx, &args),
        Command::List(args) => list::run(&ctx, &args),
        Command::Report(args) => report::run(&ctx, &args),
        Command::Verify {
            document: Some(file),
            ..
        } => report::verify_document(&ctx, &file),
        Command::Verify {
            receipt,
            fix_permissions,
            document: None,
        } => verify::verify(&ctx, receipt.as_deref(), fix_permissions),
        Command::Receipt => verify::receipt(&ctx),
        Command::Redact { seq, reason } => verify::redact(&ctx, &seq, &reason),
        Command::Config(c) => config(&ctx, c),
        Command::Team(args) => team::run(cli.today.as_deref(), &args),
        Command::Completions { shell } => completions::print_completions(shell),
        Command::Man => completions::print_man_page(),
    }
}

fn config(ctx: &Context, command: ConfigCommand) -> Result<()> {
    match command {
        ConfigCommand::Path => {
            let state = if ctx.config_path.exists() {
                ""
            } else {
                " (not created yet: the built-in defaults apply)"
            };
            crate::output::line(format_args!("{}{state}", ctx.config_path.display()))?;
        }
        ConfigCommand::Defaults => crate::output::to_stdout(DEFAULT_TOML.as_bytes())?,
        ConfigCommand::Init {
            preset: name,
            force,
        } => {
            let text = match &name {
                Some(n) => preset(n).ok_or_else(|| {
                    let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
                    Error::invalid(format!(
                        "unknown preset `{n}`; available presets are {}",
                        names.join(", ")
                    ))
                })?,
                None => DEFAULT_TOML,
            };
            if ctx.config_path.exists() && !force {
                return Err(Error::invalid(format!(
                    "{} already exists; add --force to replace it",
                    ctx.config_path.display()
                )));
            }
            if let Some(dir) = ctx.config_path.parent() {
                crate::journal::create_private_dir(dir)?;
            }
            crate::journal::write_private_file(&ctx.config_path, text.as_bytes())?;
            crate::output::line(format_args!("wrote {}", ctx.config_path.display()))?;
        }
    }
    Ok(())
}

pub(crate) fn io_failed(e: std::io::Error) -> Error {
    crate::output::stdout_error(e).into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refusal_points_to_the_help_of_the_command_typed() {
        let help = |line: &str| {
            let args: Vec<String> = line.split_whitespace().map(String::from).collect();
            super::help_for(&args)
        };
        assert_eq!(help("case add"), "caseload case add");
        assert_eq!(
            help("--today 2026-11-22 --data-dir case deadline met 10 --on x"),
            "caseload deadline done"
        );
        assert_eq!(
            help("--today=2026-11-22 hours add --bogus"),
            "caseload hours add"
        );
        assert_eq!(help("deadline mett 10"), "caseload deadline");
        assert_eq!(help("frobnicate"), "caseload");
        assert_eq!(help(""), "caseload");
    }
}
