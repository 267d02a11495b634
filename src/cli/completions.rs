//! `caseload completions SHELL` and `caseload man`: what a package or an installer puts beside
//! the binary, generated from the same clap definition as `--help`, so they cannot drift.

use super::Cli;
use crate::error::Result;
use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use roff::{Roff, roman};
use std::io;

pub const COMPLETIONS_HELP: &str = "Load them in the shell you use:\n  \
bash        caseload completions bash > ~/.local/share/bash-completion/completions/caseload\n  \
zsh         caseload completions zsh > ~/.zfunc/_caseload   (with fpath+=~/.zfunc before compinit in ~/.zshrc)\n  \
fish        caseload completions fish > ~/.config/fish/completions/caseload.fish\n  \
powershell  caseload completions powershell >> $PROFILE   (then open a new PowerShell window)\n\n\
The release archives carry them ready-made in completions/.";

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "caseload", &mut script);
    script
}

/// The manual page, caseload(1), in roff: the whole command line on one page (every command
/// with its options under COMMANDS), then where the files live and the variables read.
pub fn man_page() -> io::Result<Vec<u8>> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let man = Man::new(cli.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    let mut part = Vec::new();
    man.render_name_section(&mut part)?;
    man.render_synopsis_section(&mut part)?;
    man.render_description_section(&mut part)?;
    man.render_options_section(&mut part)?;
    append(&mut page, &part, Heading::Keep);
    page.push_str(".SH COMMANDS\n");
    for command in leaf_commands(&cli) {
        append_command(&mut page, command)?;
    }
    page.push_str(FILES_AND_ENVIRONMENT);
    append(&mut page, &examples(&cli)?, Heading::Keep);
    part.clear();
    man.render_version_section(&mut part)?;
    append(&mut page, &part, Heading::Keep);
    Ok(page.into_bytes())
}

/// The examples of `--help`, one command a line as they are typed (not refilled as prose).
fn examples(cli: &clap::Command) -> io::Result<Vec<u8>> {
    let text = cli
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]).control("nf", []);
    for line in text.lines().filter(|l| l.starts_with("  ")) {
        roff.text([roman(line.trim())]);
    }
    roff.control("fi", []);
    let mut out = Vec::new();
    roff.to_writer(&mut out)?;
    Ok(out)
}

/// The commands a user types in full (`case add`, `receipt`), in the order `--help` lists them.
fn leaf_commands(command: &clap::Command) -> Vec<&clap::Command> {
    let mut leaves = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.has_subcommands() {
            leaves.extend(leaf_commands(sub));
        } else {
            leaves.push(sub);
        }
    }
    leaves
}

/// One command as a subsection: its name, what it does, its usage line and its own options
/// (the global ones and `--help` are described once, at the top of the page).
fn append_command(page: &mut String, command: &clap::Command) -> io::Result<()> {
    let heading = format!(
        ".SS \"{}\"",
        command.get_bin_name().unwrap_or(command.get_name())
    );
    let mut command = command.clone();
    for global in ["data_dir", "config", "today", "help"] {
        command = command.mut_arg(global, |arg| arg.hide(true));
    }
    let man = Man::new(command);
    let mut part = Vec::new();
    man.render_description_section(&mut part)?;
    append(page, &part, Heading::Replace(&heading));
    page.push_str(".PP\n");
    for render in [Man::render_synopsis_section, Man::render_options_section] {
        part.clear();
        render(&man, &mut part)?;
        append(page, &part, Heading::Drop);
    }
    Ok(())
}

/// What to do with the `.SH` line that starts a section clap_mangen rendered.
enum Heading<'a> {
    Keep,
    Replace(&'a str),
    Drop,
}

/// Adds a rendered section to the page, its first heading as `heading` says, without the
/// string definitions roff repeats at the start of every piece (the title has them once).
fn append(page: &mut String, rendered: &[u8], mut heading: Heading) {
    for line in String::from_utf8_lossy(rendered).lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            continue;
        }
        if line.starts_with(".SH ") {
            match std::mem::replace(&mut heading, Heading::Keep) {
                Heading::Keep => {}
                Heading::Replace(replacement) => {
                    page.push_str(replacement);
                    page.push('\n');
                    continue;
                }
                Heading::Drop => continue,
            }
        }
        page.push_str(line);
        page.push('\n');
    }
}

const FILES_AND_ENVIRONMENT: &str = r".SH FILES
The journal is \fIjournal.jsonl\fR in the data folder, with \fIjournal.lock\fR beside it and
daily copies in \fIbackups/\fR. The configuration is \fIconfig.toml\fR in the config folder.
.TP
Linux and other Unix systems
data \fI$XDG_DATA_HOME/caseload\fR (else \fI~/.local/share/caseload\fR);
config \fI$XDG_CONFIG_HOME/caseload\fR (else \fI~/.config/caseload\fR)
.TP
macOS
data and config \fI~/Library/Application Support/caseload\fR
.TP
Windows
data \fI%APPDATA%\ecaseload\edata\fR; config \fI%APPDATA%\ecaseload\econfig\fR
.PP
\fBcaseload config path\fR prints the config file in use.
.SH ENVIRONMENT
.TP
\fBCASELOAD_DIR\fR
the data folder, when \fB\-\-data\-dir\fR is not given
.TP
\fBCASELOAD_CONFIG\fR
the configuration file, when \fB\-\-config\fR is not given
.TP
\fBNO_COLOR\fR
turns colours off in the terminal UI
";

pub fn print_completions(shell: Shell) -> Result<()> {
    print(&completions(shell))
}

pub fn print_man_page() -> Result<()> {
    print(&man_page().map_err(super::io_failed)?)
}

fn print(bytes: &[u8]) -> Result<()> {
    Ok(crate::output::to_stdout(bytes)?)
}
