//! The pure core: events, entities, replay, the working-day calendar and date parsing.
//! Nothing here touches the file system or the terminal.

pub mod amounts;
pub mod calendar;
pub mod commands;
pub mod dates;
pub mod describe;
pub mod event;
pub mod holidays;
pub mod leave_words;
pub mod references;
pub mod replay;
pub mod text;

pub use calendar::WorkCalendar;
pub use dates::{ClockTime, DateError, Towards, parse_date, parse_due_date, parse_time};
pub use event::{
    CaseAllocated, CaseClosed, DeadlineExtended, DeadlineMet, DeadlineSet, Event, HoursLogged,
    Imported, LeaveAdded, LeaveKind, NoteAdded, Standard,
};
pub use holidays::Region;

/// strum's `VARIANTS` slice as an array: `ALL` stays `[T; N]`, so it iterates by value and
/// maps as the hand-written lists did. `N` is the enum's `COUNT`; a mismatch fails the build.
pub const fn variant_array<T: Copy, const N: usize>(variants: &[T]) -> [T; N] {
    assert!(variants.len() == N, "N must be the number of variants");
    let mut all = [variants[0]; N];
    let mut i = 1;
    while i < N {
        all[i] = variants[i];
        i += 1;
    }
    all
}
pub use replay::{Case, Deadline, HoursEntry, Leave, Note, State, replay};

#[cfg(test)]
mod tests {
    use super::*;

    /// The derived names are the ones the journal, the config and the command line have always
    /// used: Display, `key` and serde agree, and each key parses back to its variant.
    #[test]
    fn derived_names_agree_with_serde_and_parse_back() {
        fn check<T>(all: &[T])
        where
            T: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + Serialize,
            T: std::str::FromStr + Into<&'static str>,
            T::Err: std::fmt::Debug,
        {
            for &v in all {
                let key: &'static str = v.into();
                assert_eq!(v.to_string(), key);
                assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{key}\""));
                assert_eq!(key.parse::<T>().unwrap(), v, "{key}");
            }
        }
        use serde::Serialize;
        check(&LeaveKind::ALL);
        check(&Standard::ALL);
        check(&Region::ALL);
        assert_eq!(LeaveKind::ALL.len(), 6);
        assert_eq!("Annual".parse::<LeaveKind>(), Ok(LeaveKind::Annual));
        assert_eq!("ROLE".parse::<Standard>(), Ok(Standard::Role));
        // A region is a config value, matched exactly as before.
        assert!("Scotland".parse::<Region>().is_err());
        assert_eq!(
            "wales".parse::<Region>().unwrap_err().to_string(),
            "unknown bank holiday region `wales`; use one of england-and-wales, scotland, northern-ireland or none"
        );
        assert_eq!(
            "holiday".parse::<LeaveKind>().unwrap_err().to_string(),
            "unknown leave kind `holiday`; use one of annual, sick, toil, training, parental, other"
        );
    }
}
