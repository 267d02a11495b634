//! Six members' journals, their shares and their full reports, made once for the whole test
//! binary (the generated journals take a few seconds in a debug build).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_caseload");
pub const TODAY: &str = "2026-11-22";

pub struct Member {
    pub share_path: PathBuf,
    pub share: Value,
    /// The member's full report (caseload.report/1) over the share's period.
    pub report: Value,
    /// What `report --purpose share -o` printed.
    pub summary: String,
}

pub struct Fixture {
    pub root: TempDir,
    pub members: Vec<Member>,
}

impl Fixture {
    pub fn share_paths(&self) -> Vec<String> {
        self.members
            .iter()
            .map(|m| m.share_path.display().to_string())
            .collect()
    }

    /// The same shares with fixed ids (a0…01 to a0…06), for golden files.
    pub fn fixed_id_paths(&self) -> Vec<String> {
        let dir = self.root.path().join("fixed");
        std::fs::create_dir_all(&dir).unwrap();
        self.members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut share = m.share.clone();
                share["share_id"] = Value::from(format!("a{:031x}", i + 1));
                let path = dir.join(format!("share-{}.json", i + 1));
                std::fs::write(&path, serde_json::to_string_pretty(&share).unwrap()).unwrap();
                path.display().to_string()
            })
            .collect()
    }
}

/// The binary with nothing from this machine: a private home, no data folder or config
/// unless given.
pub fn command(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear().env("HOME", home);
    cmd
}

pub fn run(args: &[String]) -> Output {
    let home = tempfile::tempdir().unwrap();
    command(home.path()).args(args).output().unwrap()
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `caseload team` on these files with these options, as JSON.
pub fn team_json(paths: &[String], options: &[&str]) -> Value {
    let mut args = vec!["--today".to_string(), TODAY.into(), "team".into()];
    args.extend(paths.iter().cloned());
    args.extend(["--format".into(), "json".into()]);
    args.extend(options.iter().map(std::string::ToString::to_string));
    let out = run(&args);
    assert!(
        out.status.success(),
        "team failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(make)
}

fn make() -> Fixture {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    // (seed, years, part-time with a lower caseload limit)
    let generated: [(u32, &str, bool); 5] = [
        (1, "1.5", false),
        (2, "3", false),
        (3, "1.5", true),
        (4, "1.5", false),
        (5, "0.6", false),
    ];
    let mut dirs = Vec::new();
    for (seed, years, part_time) in generated {
        let dir = root.path().join(format!("member-{seed}"));
        ok(command(&home).args([
            "--today",
            TODAY,
            "demo",
            "--generate",
            dir.to_str().unwrap(),
            "--seed",
            &seed.to_string(),
            "--years",
            years,
        ]));
        if part_time {
            let preset = std::fs::read_to_string(dir.join("config.toml")).unwrap();
            let own = preset
                .replace("contracted_hours = 37.0", "contracted_hours = 30.0")
                .replace("caseload = 22", "caseload = 18");
            assert_ne!(own, preset);
            std::fs::write(dir.join("config.toml"), own).unwrap();
        }
        dirs.push(dir);
    }
    dirs.push(probation_officer(root.path(), &home));
    let members = dirs
        .into_iter()
        .enumerate()
        .map(|(i, dir)| {
            let at = |cmd: &mut Command| {
                cmd.args([
                    "--data-dir",
                    dir.to_str().unwrap(),
                    "--config",
                    dir.join("config.toml").to_str().unwrap(),
                    "--today",
                    TODAY,
                ]);
            };
            let share_path = root.path().join(format!("m{}.json", i + 1));
            let mut share_cmd = command(&home);
            at(&mut share_cmd);
            let summary = ok(share_cmd.args([
                "report",
                "--purpose",
                "share",
                "-o",
                share_path.to_str().unwrap(),
            ]));
            let mut report_cmd = command(&home);
            at(&mut report_cmd);
            let report: Value =
                serde_json::from_str(&ok(report_cmd.args(["report", "--format", "json"]))).unwrap();
            let share: Value =
                serde_json::from_str(&std::fs::read_to_string(&share_path).unwrap()).unwrap();
            Member {
                share_path,
                share,
                report,
                summary,
            }
        })
        .collect();
    Fixture { root, members }
}

/// A probation officer's year, typed in command by command with the probation preset.
fn probation_officer(root: &Path, home: &Path) -> PathBuf {
    let dir = root.join("member-probation");
    std::fs::create_dir_all(&dir).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    std::fs::write(
        dir.join("config.toml"),
        caseload::config::preset("probation-officer").unwrap(),
    )
    .unwrap();
    let cli = |args: &[&str]| {
        ok(command(home)
            .args([
                "--data-dir",
                dir.to_str().unwrap(),
                "--config",
                dir.join("config.toml").to_str().unwrap(),
                "--today",
                TODAY,
            ])
            .args(args));
    };
    type_cases(&cli);
    for line in [
        "leave add annual --from 2026-08-03 --to 2026-08-14",
        "leave add sick --from 2026-03-09 --to 2026-03-11",
        "case add PB900 --kind psr --on 2026-08-05",
        "deadline add --due 2026-08-10 --what PSR_due --case PB900",
    ] {
        // One command line, its words split at spaces (an underscore stands for a space).
        let words: Vec<String> = line.split(' ').map(|w| w.replace('_', " ")).collect();
        cli(&words.iter().map(String::as_str).collect::<Vec<_>>());
    }
    type_hours_and_notes(&cli);
    dir
}

/// Thirty cases over ten months across the preset's kinds: a third allocated without
/// discussion, a quarter closed.
fn type_cases(cli: &dyn Fn(&[&str])) {
    let kinds = ["tier-a", "tier-b", "tier-c", "psr", "licence"];
    for i in 0..30 {
        let on = format!("2026-{:02}-{:02}", 1 + i % 10, 5 + i % 20);
        let reference = format!("PB{i:03}");
        let mut args = vec![
            "case",
            "add",
            &reference,
            "--kind",
            kinds[i % 5],
            "--on",
            &on,
        ];
        if i % 3 == 0 {
            args.push("--undiscussed");
        }
        cli(&args);
        if i % 4 == 0 {
            cli(&["case", "close", &reference, "--on", "2026-11-01"]);
        }
    }
}

/// A long Monday every week for forty weeks, and five stressed diary notes.
fn type_hours_and_notes(cli: &dyn Fn(&[&str])) {
    for day in 0..40 {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Days::new(day * 7);
        cli(&[
            "hours",
            "add",
            "--on",
            &on.to_string(),
            "--start",
            "08:00",
            "--end",
            "18:30",
            "--break",
            "15",
        ]);
    }
    for (i, standard) in ["demands", "control", "support", "demands", "change"]
        .iter()
        .enumerate()
    {
        let on = format!("2026-0{}-15", i + 2);
        cli(&[
            "note",
            "add",
            "Too many reports at once",
            "--on",
            &on,
            "--standard",
            standard,
            "--stress",
            "7",
        ]);
    }
}
