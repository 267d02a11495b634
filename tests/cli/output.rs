//! Where output goes: `-o` with bare, relative and `~` paths, `--force`, what is never
//! replaced (a FIFO, a symlink, a device, a folder), standard output closed by its reader or
//! full, and `config init` with a relative `--config`.

use crate::common::Sandbox;
use crate::common::cli::{refused, seeded};
use std::path::Path;
use std::process::{Output, Stdio};

/// Runs `args` in the folder `cwd`.
fn run_in(s: &Sandbox, cwd: &Path, args: &[&str]) -> Output {
    s.cmd().current_dir(cwd).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_bare_name_is_written_in_the_current_folder_and_not_replaced_without_force() {
    let s = seeded();
    let work = s.dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let args = [
        "report",
        "--purpose",
        "stress",
        "--format",
        "html",
        "-o",
        "stress.html",
    ];
    let out = run_in(&s, &work, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = work.join("stress.html");
    assert_eq!(
        stderr(&out),
        format!("caseload: wrote {}\n", path.display())
    );
    let first = std::fs::read(&path).unwrap();
    assert!(first.starts_with(b"<!DOCTYPE html>"));

    std::fs::write(&path, b"my own edits").unwrap();
    let again = run_in(&s, &work, &args);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        stderr(&again),
        format!(
            "caseload: {} already exists; add --force to replace it, or choose another name\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"my own edits");

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = run_in(&s, &work, &forced);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(&path)
            .unwrap()
            .starts_with(b"<!DOCTYPE html>")
    );
    let names: Vec<_> = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["stress.html"], "no temporary file is left");

    // Relative paths with folders, and `..`.
    std::fs::create_dir(work.join("out")).unwrap();
    let out = run_in(&s, &work.join("out"), &["report", "-o", "../out/g.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(work.join("out/g.md").is_file());
    for (args, needle) in [
        (
            &["report", "-o", "/nonexistent-folder/g.md"][..],
            "the folder /nonexistent-folder does not exist",
        ),
        (&["report", "--force"], "--output <FILE>"),
    ] {
        refused(&s, args, needle);
    }
}

#[test]
fn a_tilde_path_is_the_home_folder() {
    let s = seeded();
    // The sandbox's HOME is its own folder.
    std::fs::create_dir(s.dir.path().join("Desktop")).unwrap();
    let out = s
        .cmd()
        .args(["report", "--format", "csv", "-o", "~/Desktop/x.csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(s.dir.path().join("Desktop/x.csv")).unwrap();
    let written = written.trim_start_matches('\u{feff}');
    assert!(
        written.starts_with("date,type,case,detail,flags"),
        "{written}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_a_symlink_a_device_and_a_folder_are_never_written_or_replaced() {
    let s = seeded();
    let fifo = s.dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let real = s.dir.path().join("real.md");
    std::fs::write(&real, b"mine").unwrap();
    let link = s.dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    for force in [false, true] {
        let with = |path: &Path| {
            let mut args = vec![
                "report".to_string(),
                "-o".into(),
                path.display().to_string(),
            ];
            if force {
                args.push("--force".into());
            }
            args
        };
        let run = |path: &Path, needle: &str| {
            let args = with(path);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            refused(&s, &args, needle);
        };
        run(
            &fifo,
            "is a FIFO (named pipe); give the name of a file to write",
        );
        run(
            &link,
            "is a symbolic link (caseload never writes through one)",
        );
        run(Path::new("/dev/null"), "/dev/null is a device");
        run(s.dir.path(), "is a folder");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).unwrap(), b"mine");
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let s = seeded();
    for args in [
        &["list", "events"][..],
        &["report"],
        &["report", "--format", "pdf"],
        &["receipt"],
        &["config", "defaults"],
    ] {
        let mut child = s
            .std_cmd()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_after_a_save_is_one_line_and_exit_1() {
    let s = seeded();
    let before = s.lines().len();
    for args in [
        &["note", "add", "saved even so"][..],
        &["deadline", "done", "2"],
        &["case", "add", "FD2", "--kind", "s7"],
    ] {
        let out = s
            .std_cmd()
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("is saved, but its confirmation could not be written to standard output: No space left on device"),
            "{err}"
        );
    }
    assert_eq!(s.lines().len(), before + 3, "each record was saved");
    let out = s
        .std_cmd()
        .args(["list", "cases"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "caseload: cannot write standard output: No space left on device (os error 28)\n"
    );
}

#[test]
fn a_pdf_to_a_pipe_is_written() {
    let s = seeded();
    let out = s
        .cmd()
        .args(["report", "--format", "pdf"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"%PDF-"));
}

#[test]
fn config_init_with_a_relative_config_writes_it_there() {
    let s = Sandbox::new();
    let work = s.dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let out = s
        .std_cmd()
        .current_dir(&work)
        .env_remove("CASELOAD_CONFIG")
        .args([
            "--config",
            "rel.toml",
            "config",
            "init",
            "--preset",
            "cafcass-fca",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = work.join("rel.toml");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("wrote {}\n", path.display())
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("[[case_kinds]]")
    );
    let listed = s
        .std_cmd()
        .current_dir(&work)
        .args(["--config", "rel.toml", "case", "add", "FD9", "--kind", "s7"])
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", stderr(&listed));
}
