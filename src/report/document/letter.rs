//! Who writes and who receives: the address and the signature of the letters, from
//! `[person]` and the per-report flags, or a plain mark to complete where one is unset.

use super::Block;
use crate::report::Report;

/// The mark left where a detail is unset, for the author to fill in by hand.
pub fn to_complete(what: &str) -> String {
    format!("[to complete: {what}]")
}

/// Whom the letter is to: `[person] manager` or `--manager`.
pub fn addressee(r: &Report) -> String {
    r.person
        .manager
        .clone()
        .unwrap_or_else(|| to_complete("your manager's name"))
}

pub fn name(r: &Report) -> String {
    r.person
        .name
        .clone()
        .unwrap_or_else(|| to_complete("your name"))
}

/// The signature: the name, then the role and employer when they are known.
pub fn signature(r: &Report) -> Vec<Block> {
    let mut blocks = vec![Block::Para(name(r))];
    let below: Vec<&str> = [r.person.role.as_deref(), r.person.employer.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !below.is_empty() {
        blocks.push(Block::Para(below.join(", ")));
    }
    blocks
}
