//! Crash safety: writers killed with SIGKILL at random moments lose no acknowledged record
//! and leave a journal whose chain verifies. `CASELOAD_KILLS=2500 cargo test --release --test
//! crash -- --nocapture` runs the long version (2,500 rounds of two writers); CI runs 150.

mod common;
use common::Sandbox;
use std::collections::HashSet;
use std::process::Stdio;
use std::time::Duration;

/// Rounds of two writers each.
fn kills() -> usize {
    std::env::var("CASELOAD_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(150)
}

#[cfg(unix)]
#[test]
fn killed_writers_lose_nothing_that_was_acknowledged() {
    let s = Sandbox::new();
    s.ok(&["note", "add", "before the storm"]);
    let mut rng = fastrand::Rng::with_seed(42);
    let mut acknowledged: HashSet<String> = HashSet::new();
    let mut killed = 0;
    let rounds = kills();
    for round in 0..rounds {
        // Two writers at once, each killed after a random delay (often mid-write).
        let children: Vec<_> = (0..2)
            .map(|w| {
                let text = format!("round {round} writer {w}");
                let child = s
                    .std_cmd()
                    .args(["note", "add", &text])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                (text, child)
            })
            .collect();
        std::thread::sleep(Duration::from_micros(rng.u64(0..20_000)));
        for (text, mut child) in children {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            if out.status.success() && !out.stdout.is_empty() {
                acknowledged.insert(text);
            } else {
                killed += 1;
            }
        }
    }
    // The next write sets aside at most one torn line and chains on.
    s.ok(&["note", "add", "after the storm"]);
    let verify = s.ok(&["verify"]);
    assert!(verify.starts_with("ok: "), "{verify}");
    let notes: Vec<serde_json::Value> =
        serde_json::from_str(&s.ok(&["list", "notes", "--json"])).unwrap();
    let present: HashSet<String> = notes
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|t| !present.contains(*t))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let torn = std::fs::read_dir(s.data())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".torn-")
        })
        .count();
    assert!(
        torn <= killed,
        "{torn} torn lines set aside for {killed} killed writers: only a line being written can be torn"
    );
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "the test killed {killed} writers and saw {} acknowledged; tune the delays",
        acknowledged.len()
    );
    eprintln!(
        "{rounds} rounds: {} acknowledged, {killed} killed before acknowledging, {torn} torn line(s) set aside",
        acknowledged.len()
    );
}
