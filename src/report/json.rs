//! `--format json`: the report model as `caseload.report/1`.

use super::Report;

pub fn write(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("the report model serialises");
    text.push('\n');
    text
}
