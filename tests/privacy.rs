//! No network code ships: the program's own dependency tree (normal dependencies, this
//! platform) holds no HTTP, TLS, socket or async-runtime crate. `mio` is there, through
//! crossterm, to wait for terminal input; caseload opens no socket with it.
// A test may unwrap (it stops at the failing line), compare figures exactly, name the files
// it made itself by their extension, and run long as a table of cases.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::unused_self
)]

/// Crates whose presence would mean caseload could talk to the network.
const NETWORK_CRATES: &[&str] = &[
    "async-std",
    "attohttpc",
    "curl",
    "h2",
    "http",
    "hyper",
    "isahc",
    "native-tls",
    "openssl",
    "reqwest",
    "rustls",
    "socket2",
    "surf",
    "tokio",
    "tungstenite",
    "ureq",
];

#[test]
fn no_network_crate_is_in_the_shipped_dependency_tree() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).unwrap();
    let crates: std::collections::BTreeSet<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(crates.contains("ratatui"), "not a dependency tree: {tree}");
    let found: Vec<&&str> = NETWORK_CRATES
        .iter()
        .filter(|name| crates.contains(**name))
        .collect();
    assert!(found.is_empty(), "network crates shipped: {found:?}");
}
