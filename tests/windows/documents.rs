//! Documents in every format, a document open in another program, note text with Windows
//! line endings, and what the binary says about itself.

use super::target::{Sandbox, TODAY, Target, checked_lines};
use std::path::Path;

/// The report of each format, written with `-o` into a folder whose name has spaces.
fn every_format(s: &Sandbox, data: &Path, config: &Path, out_dir: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::create_dir_all(out_dir).unwrap();
    let mut written = Vec::new();
    for (purpose, format) in [
        ("grievance", "md"),
        ("grievance", "html"),
        ("grievance", "pdf"),
        ("grievance", "csv"),
        ("grievance", "json"),
        ("grievance", "ics"),
        ("stress", "html"),
        ("supervision", "md"),
        ("notice", "md"),
    ] {
        let name = format!("{purpose} report.{format}");
        let file = out_dir.join(&name);
        let out = s
            .target
            .caseload()
            .arg("--data-dir")
            .arg(s.target.path(data))
            .arg("--config")
            .arg(s.target.path(config))
            .args([
                "--today",
                TODAY,
                "report",
                "--purpose",
                purpose,
                "--format",
                format,
            ])
            .arg("-o")
            .arg(s.target.path(&file))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        written.push((name, std::fs::read(&file).unwrap()));
    }
    written
}

/// A document with its preparation time blanked: the one thing two runs may differ in.
fn without_prepared_time(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let stamp = chrono::Local::now().format("%Y-%m-%d").to_string();
    text.lines()
        .filter(|line| {
            !line.contains(&stamp) && !line.contains("generated_at") && !line.contains("DTSTAMP")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_report_format_is_written_and_matches_this_machines_build() {
    let s = Sandbox::new();
    let demo = s.dir.path().join("demo journal");
    let out = s
        .target
        .caseload()
        .args(["--today", TODAY, "demo", "--generate"])
        .arg(s.target.path(&demo))
        .args(["--years", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config = demo.join("config.toml");
    let written = every_format(&s, &demo, &config, &s.dir.path().join("Reports for HR"));
    for (name, bytes) in &written {
        let text = String::from_utf8_lossy(bytes);
        let ok = match name.rsplit('.').next().unwrap() {
            "pdf" => bytes.starts_with(b"%PDF-") && text.trim_end().ends_with("%%EOF"),
            "html" => text.contains("<html") && text.trim_end().ends_with("</html>"),
            "md" => text.starts_with("# "),
            "csv" => text
                .lines()
                .next()
                .unwrap_or_default()
                .contains("date,type,case"),
            "json" => {
                serde_json::from_slice::<serde_json::Value>(bytes).unwrap()["schema"]
                    == "caseload.report/1"
            }
            "ics" => text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("BEGIN:VEVENT"),
            _ => false,
        };
        assert!(
            ok,
            "{name} is not what it should be:\n{}",
            &text[..text.len().min(400)]
        );
    }
    if s.target.wine.is_some() {
        // The same journal through this machine's binary: the documents must be the same
        // but for the moment they were prepared.
        let native = Sandbox {
            dir: tempfile::tempdir().unwrap(),
            target: Target { wine: None },
        };
        let here = every_format(&native, &demo, &config, &native.dir.path().join("reports"));
        for ((name, windows), (_, linux)) in written.iter().zip(&here) {
            if name.ends_with(".pdf") {
                continue;
            }
            assert_eq!(
                without_prepared_time(windows),
                without_prepared_time(linux),
                "{name} differs between the Windows and the Linux build"
            );
        }
    }
}

#[test]
fn replacing_a_report_open_in_another_program_fails_clearly_and_changes_nothing() {
    let s = Sandbox::new();
    s.notes(1);
    let report = s.dir.path().join("grievance.md");
    let report_arg = s.target.path(&report);
    s.ok(&["report", "--format", "md", "-o", &report_arg]);
    let before = std::fs::read(&report).unwrap();
    let Some(held) = s.hold("open", &report) else {
        assert!(
            !s.target.is_windows() || cfg!(windows),
            "CASELOAD_WINE_HOLD is not set"
        );
        return; // elsewhere a file open in another program can be replaced
    };
    s.notes(1);
    let mut args = vec!["report", "--format", "md", "-o", &report_arg];
    let help = s.ok(&["report", "--help"]);
    if help.contains("--force") {
        args.push("--force");
    }
    let error = s.fails(&args, 1);
    assert!(error.contains("open in another program"), "{error}");
    assert!(error.contains("grievance.md"), "{error}");
    assert_eq!(std::fs::read(&report).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    drop(held);
    s.ok(&args);
    assert_ne!(std::fs::read(&report).unwrap(), before);
}

#[test]
fn a_note_with_windows_line_endings_is_stored_with_newlines_only() {
    // As Notepad saves it, or as a paragraph pasted into a Windows terminal arrives.
    let s = Sandbox::new();
    assert_eq!(
        s.ok(&[
            "note",
            "add",
            "typed in Notepad\r\nsecond line\r\n\r\nthird"
        ]),
        "1\n"
    );
    let records = checked_lines(&s.journal_bytes());
    assert_eq!(records[0]["text"], "typed in Notepad\nsecond line\n\nthird");
    let listed: serde_json::Value =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    assert_eq!(listed[0]["text"], "typed in Notepad\nsecond line\n\nthird");
}

#[test]
fn version_and_powershell_completions_come_from_the_binary() {
    let s = Sandbox::new();
    let version = s.ok(&["--version"]);
    assert!(
        version.starts_with(&format!("caseload {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let script = s.ok(&["completions", "powershell"]);
    assert!(script.contains("Register-ArgumentCompleter"));
    assert!(script.contains("'report'"));
}
