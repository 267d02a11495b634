//! How paths are spelt on Windows, and where the journal goes when none is given.

use super::target::{Sandbox, TODAY, checked_lines};

#[test]
fn paths_with_spaces_backslashes_and_non_ascii_names_reach_the_same_journal() {
    let s = Sandbox::new();
    let data = s.dir.path().join("Zoë's files").join("my journal");
    let data_arg = s.target.path(&data);
    let run = |data_arg: &str, args: &[&str]| {
        s.cmd()
            .env_remove("CASELOAD_DIR")
            .args(["--data-dir", data_arg])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&data_arg, &["note", "add", "written via one spelling"])
            .status
            .success()
    );
    assert!(data.join("journal.jsonl").is_file());
    if s.target.is_windows() {
        // The same folder with forward slashes, and in a different case: Windows paths are
        // case-insensitive.
        let other = data_arg
            .replace('\\', "/")
            .replace("my journal", "My Journal");
        assert!(
            run(&other, &["note", "add", "and via another"])
                .status
                .success()
        );
    } else {
        assert!(
            run(&data_arg, &["note", "add", "and via another"])
                .status
                .success()
        );
    }
    let out = run(&data_arg, &["verify"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("ok: 2 records"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A relative -o, from the folder caseload is run in.
    std::fs::create_dir(s.dir.path().join("out")).unwrap();
    let relative = if s.target.is_windows() {
        r"out\week 48.md"
    } else {
        "out/week 48.md"
    };
    let out = run(&data_arg, &["report", "--format", "md", "-o", relative]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.dir.path().join("out").join("week 48.md").is_file());
}

#[test]
fn without_a_data_folder_the_journal_goes_in_the_users_profile() {
    let s = Sandbox::new();
    let (data_dir, config_file) = if s.target.wine.is_some() {
        let appdata = s.target.windows_env("APPDATA");
        assert!(appdata.ends_with(r"\AppData\Roaming"), "{appdata}");
        let profile = s.target.host_path(&format!(r"{appdata}\caseload"));
        let _ = std::fs::remove_dir_all(&profile);
        (
            profile.join("data"),
            format!(r"{appdata}\caseload\config\config.toml"),
        )
    } else if cfg!(windows) {
        return; // the real profile: not for a test to write into
    } else {
        (
            s.dir.path().join(".local/share/caseload"),
            s.dir
                .path()
                .join(".config/caseload/config.toml")
                .display()
                .to_string(),
        )
    };
    let bare = || {
        let mut command = s.target.caseload();
        command.env("HOME", s.dir.path()).args(["--today", TODAY]);
        command
    };
    let out = bare().args(["config", "path"]).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.starts_with(&config_file),
        "{shown} is not {config_file}"
    );
    let out = bare()
        .args(["note", "add", "in the profile"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        checked_lines(&std::fs::read(data_dir.join("journal.jsonl")).unwrap()).len(),
        1
    );

    if s.target.wine.is_some() {
        // CASELOAD_DIR=%APPDATA%\caseload test, as `set` in cmd.exe expands it.
        let appdata = s.target.windows_env("APPDATA");
        let named = format!(r"{appdata}\caseload test");
        let host = s.target.host_path(&named);
        let _ = std::fs::remove_dir_all(&host);
        let out = bare()
            .env("CASELOAD_DIR", &named)
            .args(["note", "add", "named by the variable"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(host.join("journal.jsonl").is_file());
        std::fs::remove_dir_all(&host).unwrap();
        std::fs::remove_dir_all(data_dir.parent().unwrap()).unwrap();
    }
}
